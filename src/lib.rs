//! The Voix widget: what a partner's `<script type="module" src=".../voix/voix.js" data-campaign="...">` runs.
//!
//! `boot` finds the page's Voix script tags and placeholders, gives each mount its own open shadow root with
//! the widget's constructable stylesheet, loads each campaign once, and mounts Leptos views into the roots.
//! Domain rules (validation, language choice, texts) live in `voix-core`; this crate holds signals and views.

mod api;
mod boot;
mod clipboard;
mod components;
mod embed;
mod geometry;
mod load;
pub mod preview;
mod print;
mod proof_of_work;
mod shadow;

pub use boot::{boot, boot_in};
pub use embed::{Embed, MountKind};
pub use load::LoadError;
