//! The campaign explainer: the issue in one sentence, then "What it means for you", then "The details" to open,
//! the timeline and the questions people ask; an action button after each layer. Glossary terms are found by
//! `voix_core::explainer::terms` and become disclosure buttons where they first appear in each section.
//!
//! Texts are built from the core's markup tree with DOM nodes (never `innerHTML`): whatever a campaign holds, it
//! can only show as text, emphasis and checked links.

mod actions;
mod blocks;
mod glossary;
mod term;

use actions::Actions;
use blocks::{Blocks, Inlines};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::{Explainer, Term};
use voix_core::explainer::{format_date, marked_markup, marked_plain, merge, Finder};
use voix_core::i18n::Text;
use voix_core::{Campaign, Lang, Localized};

use crate::components::text::Tr;

/// The glossary in effect and where the definitions come from, for the term buttons.
#[derive(Clone)]
pub(crate) struct Glossary {
    pub terms: Arc<Vec<Term>>,
}

impl Glossary {
    pub fn definition(&self, id: &str, lang: Lang) -> String {
        self.terms.iter().find(|t| t.id == id).map(|t| t.definition.text(lang).to_owned()).unwrap_or_default()
    }
}

#[component]
pub fn ExplainerPart(campaign: Arc<Campaign>, explainer: Explainer, lang: Signal<Lang>) -> impl IntoView {
    let shared: RwSignal<Arc<Vec<Term>>> = RwSignal::new(Arc::new(Vec::new()));
    glossary::fetch_shared(&explainer, shared);
    let explainer = Arc::new(explainer);
    move || {
        let lang = lang.get();
        let terms = Arc::new(merge(&shared.get(), &explainer.glossary));
        let glossary = Glossary { terms: terms.clone() };
        provide_context(glossary);
        render(&campaign, &explainer, &terms, lang)
    }
}

fn render(campaign: &Arc<Campaign>, explainer: &Explainer, terms: &[Term], lang: Lang) -> impl IntoView {
    let finder = Finder::new(terms, lang);
    let fixed = Signal::stored(lang);
    let summary = marked_plain(explainer.summary.text(lang), &finder, &mut Vec::new());
    let what = explainer.what_it_means.as_ref().map(|what| {
        let blocks = marked_markup(what.text(lang), &finder, &mut Vec::new());
        view! {
            <section class="voix-explainer__layer" aria-labelledby="voix-explainer-what">
                <h4 id="voix-explainer-what"><Tr text=Text::ExplainerWhatItMeans lang=fixed/></h4>
                <Blocks blocks lang/>
                <Actions campaign=campaign.clone() lang=fixed/>
            </section>
        }
    });
    let details = (!explainer.details.is_empty()).then(|| {
        let items = explainer.details.iter().map(|detail| (&detail.title, &detail.body)).collect();
        let layer = Layer { id: "voix-explainer-details", heading: Text::ExplainerDetails, class: "voix-detail" };
        disclosures(campaign, layer, items, &finder, lang)
    });
    let timeline = (!explainer.timeline.is_empty()).then(|| {
        let mut seen = Vec::new();
        let moments = explainer
            .timeline
            .iter()
            .map(|moment| {
                let what = marked_plain(moment.what.text(lang), &finder, &mut seen);
                let why = moment.why.as_ref().map(|why| marked_plain(why.text(lang), &finder, &mut seen));
                let date = moment.date.clone();
                let shown = format_date(&date, lang);
                view! {
                    <li class="voix-moment">
                        <time class="voix-moment__date" datetime=date>{shown}</time>
                        <p class="voix-moment__what"><Inlines inlines=what lang/></p>
                        {why.map(|why| view! {
                            <p class="voix-moment__why">
                                <span class="voix-moment__label">{voix_core::i18n::label(Text::ExplainerWhyItMatters, lang)}</span>
                                " " <Inlines inlines=why lang/>
                            </p>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="voix-explainer__layer" aria-labelledby="voix-explainer-timeline">
                <h4 id="voix-explainer-timeline"><Tr text=Text::ExplainerTimeline lang=fixed/></h4>
                <ol class="voix-timeline">{moments}</ol>
            </section>
        }
    });
    let faq = (!explainer.faq.is_empty()).then(|| {
        let items = explainer.faq.iter().map(|question| (&question.question, &question.answer)).collect();
        let layer = Layer { id: "voix-explainer-faq", heading: Text::ExplainerFaq, class: "voix-detail voix-question" };
        disclosures(campaign, layer, items, &finder, lang)
    });
    view! {
        <div class="voix-explainer">
            <p class="voix-summary"><Inlines inlines=summary lang/></p>
            <Actions campaign=campaign.clone() lang=fixed/>
            {what}
            {details}
            {timeline}
            {faq}
        </div>
    }
}

/// A layer made of disclosures: its heading's id and text, and the class of each disclosure.
struct Layer {
    id: &'static str,
    heading: Text,
    class: &'static str,
}

/// "The details" or the questions: each a title that opens its marked-up text, then the action button.
fn disclosures(
    campaign: &Arc<Campaign>,
    layer: Layer,
    items: Vec<(&Localized, &Localized)>,
    finder: &Finder,
    lang: Lang,
) -> impl IntoView {
    let fixed = Signal::stored(lang);
    let items = items
        .into_iter()
        .map(|(title, body)| {
            let blocks = marked_markup(body.text(lang), finder, &mut Vec::new());
            view! {
                <details class=layer.class>
                    <summary>{title.text(lang).to_owned()}</summary>
                    <div class="voix-detail__body"><Blocks blocks lang/></div>
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="voix-explainer__layer" aria-labelledby=layer.id>
            <h4 id=layer.id><Tr text=layer.heading lang=fixed/></h4>
            {items}
            <Actions campaign=campaign.clone() lang=fixed/>
        </section>
    }
}
