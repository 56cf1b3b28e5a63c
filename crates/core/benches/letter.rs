//! Letter composition and the originality measure, which the widget runs on every keystroke.
//! `cargo bench -p voix-core --bench letter`; figures for the notes, never pass/fail.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use voix_core::campaign::Letter;
use voix_core::letter::{compose, CampaignWording, LetterInput, Recipient, Sender};
use voix_core::Lang;

const STORY: &str = "I am a nurse in Ottawa. My patients call and text me about their health, and they trust that \
nobody else keeps a record of it. I also help my mother, who came to Canada after she was watched by police in her \
home country. She is afraid again when she hears about this bill.";

fn example_letter() -> Letter {
    let source = include_str!("../../../campaigns/lawful-access.json");
    let campaign = voix_core::validate_campaign(source, Some("lawful-access")).campaign;
    campaign.and_then(|c| c.letter).unwrap_or_else(|| panic!("the example campaign has a valid letter"))
}

fn bench(c: &mut Criterion) {
    let letter = example_letter();
    let points = letter.preselected_points();
    let input = |lang, seed| LetterInput {
        lang,
        seed,
        points: &points,
        story: STORY,
        sender: Sender {
            name: "Alex Martin",
            postal_code: "K1P 5J2",
            street_address: Some("123 Elgin St"),
            email: None,
        },
        riding: Some("Ottawa Centre"),
        mp_name: Some("Yasir Naqvi"),
        recipient: Recipient::own_mp("Yasir Naqvi", "yasir.naqvi@parl.gc.ca", "Ottawa Centre", lang),
    };
    let mut seed = 0u64;
    c.bench_function("compose (4 points + story, EN)", |b| {
        b.iter(|| {
            seed = seed.wrapping_add(1);
            compose(black_box(&letter), black_box(&input(Lang::En, seed)))
        })
    });
    c.bench_function("compose (4 points + story, FR)", |b| {
        b.iter(|| compose(black_box(&letter), black_box(&input(Lang::Fr, 42))))
    });
    let composed = compose(&letter, &input(Lang::En, 42));
    c.bench_function("originality (4 points + story)", |b| b.iter(|| black_box(&composed).originality()));
    let wording = CampaignWording::new(&composed.campaign_texts);
    c.bench_function("originality with a kept CampaignWording", |b| {
        b.iter(|| black_box(&wording).originality(black_box(&composed.message)))
    });
    c.bench_function("compose + body + originality (one keystroke)", |b| {
        b.iter(|| {
            let composed = compose(black_box(&letter), black_box(&input(Lang::En, 42)));
            (composed.body(), composed.originality())
        })
    });
    c.bench_function("mailto link", |b| {
        let to = [Recipient::own_mp("Yasir Naqvi", "yasir.naqvi@parl.gc.ca", "Ottawa Centre", Lang::En)];
        b.iter(|| black_box(&composed).mailto(&to))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
