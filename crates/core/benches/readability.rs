//! The explainer's reading grades and term finding, which `voix check` and the organiser preview run on every
//! campaign and the widget runs (terms only) on every render. `cargo bench -p voix-core --bench readability`;
//! figures for the notes, never pass/fail.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use voix_core::campaign::{Explainer, Term};
use voix_core::explainer::readability::analyze;
use voix_core::explainer::{lint, marked_markup, merge, readability_report, validate_glossary, Finder, Section};
use voix_core::Lang;

fn example() -> (Explainer, Vec<Term>) {
    let source = include_str!("../../../campaigns/lawful-access.json");
    let campaign = voix_core::validate_campaign(source, Some("lawful-access")).campaign;
    let explainer = campaign.and_then(|c| c.explainer).unwrap_or_else(|| panic!("the example has an explainer"));
    let shared = validate_glossary(include_str!("../../../campaigns/glossary.json"))
        .glossary
        .unwrap_or_else(|| panic!("the shared glossary is valid"))
        .terms;
    (explainer, shared)
}

fn bench(c: &mut Criterion) {
    let (explainer, shared) = example();
    let languages = [Lang::En, Lang::Fr];
    c.bench_function("readability report (whole explainer, EN + FR)", |b| {
        b.iter(|| readability_report(black_box(&explainer), &languages))
    });
    c.bench_function("plain-language lint (whole explainer, EN + FR, shared glossary)", |b| {
        b.iter(|| lint(black_box(&explainer), &languages, Some(&shared)))
    });
    let units = Section::Detail(0).units(&explainer, Lang::En);
    c.bench_function("analyze one detail (EN)", |b| b.iter(|| analyze(black_box(&units), Lang::En)));
    let terms = merge(&shared, &explainer.glossary);
    let body = explainer.details[0].body.text(Lang::Fr).to_owned();
    c.bench_function("find and mark terms in one detail (FR, 19 terms)", |b| {
        b.iter(|| {
            let finder = Finder::new(&terms, Lang::Fr);
            marked_markup(black_box(&body), &finder, &mut Vec::new())
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
