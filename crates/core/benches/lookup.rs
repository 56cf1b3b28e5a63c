//! The riding lookup on the committed data file: reading it (once per page in the widget), a postal code to its
//! candidate districts, and search by name. Figures for the notes, not pass/fail timings.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use voix_core::postal::Province;
use voix_core::{Directory, PostalCode};

const DATA: &str = include_str!("../../../data/canada.json");

fn load(c: &mut Criterion) {
    c.bench_function("directory/from_json", |b| b.iter(|| Directory::from_json(black_box(DATA))));
}

fn parse_and_candidates(c: &mut Criterion) {
    let directory = Directory::from_json(DATA).expect("data/canada.json is valid");
    c.bench_function("postal/parse", |b| b.iter(|| PostalCode::parse(black_box(" k1a-0a6 "))));
    c.bench_function("lookup/parse+candidates (Ontario, hint)", |b| {
        b.iter(|| PostalCode::parse(black_box("K1A 0A6")).map(|code| directory.candidates(&code)))
    });
    c.bench_function("lookup/parse+candidates (Nunavut, single)", |b| {
        b.iter(|| PostalCode::parse(black_box("X0A 1H0")).map(|code| directory.candidates(&code)))
    });
}

fn search(c: &mut Criterion) {
    let directory = Directory::from_json(DATA).expect("data/canada.json is valid");
    c.bench_function("search/Quebec \"notre dame de grace\"", |b| {
        b.iter(|| directory.search(black_box(&[Province::Quebec]), black_box("notre dame de grace")))
    });
    c.bench_function("search/Canada \"sœurs\"", |b| b.iter(|| directory.search(black_box(&[]), black_box("sœurs"))));
    c.bench_function("search/Ontario \"o\" (many matches)", |b| {
        b.iter(|| directory.search(black_box(&[Province::Ontario]), black_box("o")))
    });
}

criterion_group!(benches, load, parse_and_candidates, search);
criterion_main!(benches);
