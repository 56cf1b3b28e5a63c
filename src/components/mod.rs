//! Views. Components hold signals and render; every rule they apply comes from `voix-core`.

mod explainer;
mod fine_print;
mod header;
mod lang_switch;
mod letter;
mod part_style;
mod parts;
mod petition;
mod riding_map;
mod root;
mod split;
mod status;
mod text;

pub use root::EmbedRoot;
