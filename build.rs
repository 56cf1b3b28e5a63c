//! Writes minified copies of the widget's stylesheets to OUT_DIR (`src/shadow.rs` and `src/print.rs` include
//! them): comments and layout whitespace are for people editing `style/`, not for every reader's download.

#[path = "build/css.rs"]
mod css;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build/css.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["voix.css", "letter.css", "petition.css", "print.css"] {
        let source = format!("style/{name}");
        println!("cargo:rerun-if-changed={source}");
        let css = std::fs::read_to_string(&source).unwrap_or_else(|error| panic!("reading {source}: {error}"));
        std::fs::write(out_dir.join(name), css::minify(&css)).unwrap_or_else(|error| panic!("writing {name}: {error}"));
    }
}
