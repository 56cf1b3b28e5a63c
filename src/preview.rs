//! The organiser preview (`index.html`, built by Trunk): the campaign named by `?campaign=ID` (default
//! `lawful-access`), with the problems `voix check` would report, and the widget in each of its languages.
//! `trunk serve` rebuilds and reloads the page whenever a campaign file changes.

use crate::boot::mount;
use crate::embed::{Embed, MountKind};
use crate::load::fetch_text;
use crate::shadow;
use leptos::prelude::*;
use voix_core::explainer::readability::format_tenths;
use voix_core::explainer::{readability_report, SectionScore};
use voix_core::i18n::PreviewText;
use voix_core::validate::Severity;
use voix_core::{validate_campaign, Lang, Problem};
use wasm_bindgen::{JsCast, JsValue};

const DEFAULT_CAMPAIGN: &str = "lawful-access";

/// Starts the preview in the page's `#preview` element.
pub fn start() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let search = window.location().search().unwrap_or_default();
    let id = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("campaign="))
        .filter(|id| voix_core::validate::is_slug(id))
        .unwrap_or(DEFAULT_CAMPAIGN)
        .to_owned();
    let url = web_sys::Url::new_with_base(&format!("campaigns/{id}.json"), &window.location().href()?)?.href();
    let root = document.get_element_by_id("preview").ok_or("index.html has no #preview")?;

    let problems_host = document.create_element("section")?;
    root.append_child(&problems_host)?;
    let (file, problems_url) = (format!("{id}.json"), url.clone());
    leptos::mount::mount_to(problems_host.unchecked_into(), move || {
        view! { <CheckReport file url=problems_url/> }
    })
    .forget();

    let widget_sheet = shadow::widget_stylesheet()?;
    for lang in Lang::ALL {
        let column = document.create_element("section")?;
        column.set_class_name("preview-column");
        column.set_attribute("aria-label", lang.autonym())?;
        root.append_child(&column)?;
        let host = document.create_element("voix-campaign")?;
        column.append_child(&host)?;
        let theme = shadow::stylesheet("")?;
        let data = web_sys::Url::new_with_base("data/canada.json", &window.location().href()?)?.href();
        let embed = Embed::new(Some(url.clone()), None, data, &[lang.code().to_owned()], theme.clone());
        mount(&host, &[&widget_sheet, &theme], embed, MountKind::Whole)?;
    }
    Ok(())
}

/// `voix check`, in the page: every problem of the campaign file, or a clear "no problems".
#[component]
fn CheckReport(file: String, url: String) -> impl IntoView {
    let report = LocalResource::new(move || {
        let url = url.clone();
        async move {
            match fetch_text(&url).await {
                Ok(source) => {
                    let validation =
                        validate_campaign(&source, url.rsplit('/').next().and_then(|f| f.strip_suffix(".json")));
                    let scores = validation
                        .campaign
                        .as_ref()
                        .and_then(|c| c.explainer.as_ref().map(|e| readability_report(e, &c.languages)))
                        .unwrap_or_default();
                    Ok((validation.problems, scores))
                }
                Err(_) => Err(()),
            }
        }
    });
    let title = file.clone();
    view! {
        <h2>"voix check " {title}</h2>
        <Suspense fallback=|| view! { <Both text=PreviewText::Checking class=""/> }>
            {move || Suspend::new(async move {
                match report.await {
                    Err(()) => view! { <Both text=PreviewText::LoadFailed class="preview-error"/> }.into_any(),
                    Ok((problems, scores)) if problems.is_empty() => view! {
                        <Both text=PreviewText::NoProblems class="preview-ok"/>
                        <GradeTable scores/>
                    }
                    .into_any(),
                    Ok((problems, scores)) => view! { <ProblemList problems/> <GradeTable scores/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A line in English, then in French: organisers of a bilingual coalition read the preview.
#[component]
fn Both(text: PreviewText, class: &'static str) -> impl IntoView {
    view! {
        <p class=class>{text.get(Lang::En)} " · " <span lang="fr">{text.get(Lang::Fr)}</span></p>
    }
}

#[component]
fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let items = problems
        .into_iter()
        .map(|problem| {
            let class = match problem.severity {
                Severity::Error => "preview-problem preview-problem--error",
                Severity::Warning => "preview-problem preview-problem--warning",
            };
            view! {
                <li class=class>
                    <code>{problem.location(Lang::En)}</code> " " {problem.message.text(Lang::En)}
                    <br/><span lang="fr">{problem.message.text(Lang::Fr)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="preview-problems">{items}</ul> }
}

/// The reading grade of each explainer section in each language, computed by the same code as `voix check`:
/// English Flesch–Kincaid, French from Kandel–Moles, and LIX for both. Above 8 is marked.
#[component]
fn GradeTable(scores: Vec<SectionScore>) -> impl IntoView {
    if scores.is_empty() {
        return None;
    }
    let mut sections: Vec<String> = scores.iter().map(|s| s.path.clone()).collect();
    sections.dedup();
    let cell = |score: Option<&SectionScore>| {
        let Some(score) = score else { return view! { <td>"–"</td> }.into_any() };
        let hard = score.grade_tenths > voix_core::explainer::lint::MAX_GRADE * 10;
        let class = if hard { "preview-grade preview-grade--hard" } else { "preview-grade" };
        let detail = match score.kandel_moles_tenths {
            Some(ease) => format!(
                " (Kandel–Moles {}, LIX {})",
                format_tenths(ease, Lang::En),
                format_tenths(score.lix_tenths, Lang::En)
            ),
            None => format!(" (Flesch–Kincaid, LIX {})", format_tenths(score.lix_tenths, Lang::En)),
        };
        view! { <td class=class><strong>{format_tenths(score.grade_tenths, Lang::En)}</strong>{detail}</td> }.into_any()
    };
    let rows = sections
        .into_iter()
        .map(|section| {
            let en = cell(scores.iter().find(|s| s.path == section && s.lang == Lang::En));
            let fr = cell(scores.iter().find(|s| s.path == section && s.lang == Lang::Fr));
            view! { <tr><th scope="row"><code>{section}</code></th>{en}{fr}</tr> }
        })
        .collect_view();
    Some(view! {
        <table class="preview-grades">
            <caption>{PreviewText::Grades.get(Lang::En)} " · " <span lang="fr">{PreviewText::Grades.get(Lang::Fr)}</span></caption>
            <thead>
                <tr>
                    <th scope="col">{PreviewText::Section.get(Lang::En)}</th>
                    <th scope="col">"English"</th>
                    <th scope="col" lang="fr">"Français"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    })
}
