//! Paths that locate a problem: `partners[2].origins[0]`.

pub fn key(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

pub fn index(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}
