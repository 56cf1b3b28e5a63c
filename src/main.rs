//! The organiser preview that Trunk builds from `index.html` (`trunk serve`, then open http://127.0.0.1:8080/).

fn main() {
    if let Err(error) = voix_widget::preview::start() {
        web_sys::console::error_2(&"[voix preview] could not start:".into(), &error);
    }
}
