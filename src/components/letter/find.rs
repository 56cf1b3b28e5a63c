//! Step one: the postal code, then the riding. The suggested riding always needs the person's confirmation;
//! "Not my riding" opens every riding of the province, searchable by name.

use super::{event_root, focus_after_update, LetterForm};
use crate::components::riding_map::{locate_riding, riding_map};
use crate::components::text::Tr;
use crate::load::{fetch_represent, DirectoryState};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::Letter;
use voix_core::directory::{other_ridings_heading, unknown_area_line, Directory, District, FedNum};
use voix_core::i18n::{ActionText, LetterText};
use voix_core::postal::PostalCode;
use voix_core::{Campaign, Lang};

#[component]
pub fn FindRiding(
    campaign: Arc<Campaign>,
    letter: Arc<Letter>,
    form: LetterForm,
    lang: Signal<Lang>,
    start_loading: Callback<()>,
) -> impl IntoView {
    let _ = campaign;
    let represent_url = letter.represent_url.clone();
    let busy = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let root = event_root(&event);
        let code = match PostalCode::parse(&form.postal_input.get_untracked()) {
            Ok(code) => code,
            Err(error) => {
                form.postal_error.set(Some(error));
                return;
            }
        };
        form.postal_error.set(None);
        start_loading.run(());
        busy.set(true);
        let represent_url = represent_url.clone();
        leptos::task::spawn_local(async move {
            let Some(directory) = wait_for_directory(form).await else {
                busy.set(false);
                return;
            };
            // The precise lookup is opt-in per campaign; any failure falls back to the offline answer.
            let precise = match &represent_url {
                Some(base) => fetch_represent(base, &code).await.ok(),
                None => None,
            };
            let candidates = match precise {
                Some(answer) => directory.candidates_from_represent(&code, &answer),
                None => directory.candidates(&code),
            };
            form.riding.set(candidates.single());
            form.choosing.set(candidates.hint().is_none() && candidates.single().is_none());
            form.code.set(Some(code));
            form.candidates.set(Some(candidates));
            busy.set(false);
            // Announce and reach the answer: the riding (or the list to choose from).
            focus_after_update(root, "voix-riding-result");
        });
    };
    let error_text = move || form.postal_error.get().map(|error| error.text(lang.get()));
    let invalid = move || form.postal_error.with(Option::is_some).to_string();
    let data_failed = move || {
        matches!(form.directory.get(), DirectoryState::Failed).then(
            || view! { <p class="voix-warning" role="alert">{LetterText::RidingDataUnavailable.get(lang.get())}</p> },
        )
    };
    view! {
        <section class="voix-step" aria-labelledby="voix-find-heading">
            <h4 id="voix-find-heading"><Tr text=LetterText::FindMyMp lang/></h4>
            <form class="voix-postal" on:submit=submit novalidate>
                <label for="voix-postal-code"><Tr text=LetterText::YourPostalCode lang/></label>
                <p id="voix-postal-hint" class="voix-muted"><Tr text=LetterText::PostalCodeHint lang/></p>
                <div class="voix-inline">
                    <input
                        id="voix-postal-code"
                        name="postal-code"
                        type="text"
                        inputmode="text"
                        autocomplete="postal-code"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="12"
                        aria-describedby="voix-postal-hint voix-postal-error"
                        aria-invalid=invalid
                        prop:value=move || form.postal_input.get()
                        on:input=move |ev| form.postal_input.set(event_target_value(&ev))
                        on:focus=move |_| start_loading.run(())
                    />
                    <button type="submit" class="voix-button" prop:disabled=move || busy.get()>
                        <Tr text=LetterText::FindMyMp lang/>
                    </button>
                </div>
                <p id="voix-postal-error" class="voix-field-error" aria-live="assertive">{error_text}</p>
            </form>
            {data_failed}
            <RidingChoice form lang/>
        </section>
    }
}

/// Waits for the riding data the postal code step started loading.
async fn wait_for_directory(form: LetterForm) -> Option<Arc<Directory>> {
    loop {
        match form.directory.get_untracked() {
            DirectoryState::Ready(directory) => return Some(directory),
            DirectoryState::Failed | DirectoryState::Idle => return None,
            DirectoryState::Loading => crate::load::sleep_ms(40).await,
        }
    }
}

/// The suggested or only riding, with "Not my riding"; or the searchable list of the province's ridings.
#[component]
fn RidingChoice(form: LetterForm, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let directory = form.ready_directory()?;
        let candidates = form.candidates.get()?;
        let lang_now = lang.get();
        if form.choosing.get() {
            // A postal code area nobody uses is said (a typo is likely), and the province's list still offered.
            let fsa = form.code.get().map(|code| code.fsa()).filter(|fsa| !directory.knows_fsa(*fsa));
            let unknown = fsa.map(|fsa| {
                view! { <p class="voix-warning" role="status">{unknown_area_line(&fsa.to_string(), lang_now)}</p> }
            });
            return Some(view! { {unknown} <RidingList directory candidates=candidates.fed_nums().to_vec() provinces=candidates.provinces().to_vec() form lang/> }.into_any());
        }
        let shared = candidates.short_list().len() > 1;
        if shared && form.riding.get().is_none() {
            let short: Vec<FedNum> = candidates.short_list().iter().map(|riding| riding.fed_num).collect();
            return Some(view! { <SharedRidings directory short form lang/> }.into_any());
        }
        let shown = form.riding.get().or(candidates.hint())?;
        let district = directory.district(shown)?;
        let heading = if candidates.single().is_some() || form.riding.get().is_some() {
            ActionText::YourRiding.get(lang_now)
        } else {
            LetterText::RidingSuggested.get(lang_now)
        };
        let confirmed = form.riding.get().is_some();
        let mp_line = mp_line(district, lang_now);
        let can_choose = candidates.len() > 1;
        // A suggestion, not a certainty: the location can settle it here too.
        let locate = (!confirmed && candidates.single().is_none()).then(|| {
            locate_riding::<LetterForm>(candidates.provinces().to_vec(), form.riding, "voix-riding-result", lang)
        });
        Some(
            view! {
                <div class="voix-riding" id="voix-riding-result" tabindex="-1" role="group" aria-labelledby="voix-riding-label">
                    <p id="voix-riding-label" class="voix-muted">{heading}</p>
                    <p class="voix-riding-name">{district.name(lang_now).to_owned()}</p>
                    <p class="voix-card-line">{mp_line}</p>
                    <div class="voix-inline">
                        {(!confirmed).then(|| view! {
                            <button type="button" class="voix-button" on:click=move |ev| {
                                form.riding.set(Some(shown));
                                focus_after_update(event_root(&ev), "voix-recipients-heading");
                            }>
                                {LetterText::ThisIsMyRiding.get(lang_now)}
                            </button>
                        })}
                        {can_choose.then(|| view! {
                            <button type="button" class="voix-button voix-button--secondary"
                                on:click=move |ev| {
                                    form.riding.set(None);
                                    form.choosing.set(true);
                                    focus_after_update(event_root(&ev), "voix-riding-search");
                                }>
                                {LetterText::NotMyRiding.get(lang_now)}
                            </button>
                        })}
                    </div>
                    {locate}
                </div>
            }
            .into_any(),
        )
    }
}

/// "Name · Party", or that the seat is vacant.
fn mp_line(district: &District, lang: Lang) -> String {
    match district.mp() {
        Some(mp) => format!("{} · {}", mp.name(), mp.party().name(lang)),
        None => LetterText::NoSittingMp.get(lang).to_owned(),
    }
}

/// A postal code area split between ridings: each riding with its MP as a choice, the likeliest first, and "Not
/// listed?" for the rest of the province.
#[component]
fn SharedRidings(directory: Arc<Directory>, short: Vec<FedNum>, form: LetterForm, lang: Signal<Lang>) -> impl IntoView {
    let map = riding_map::<LetterForm>(directory.clone(), short.clone(), lang);
    let provinces = form.candidates.with_untracked(|candidates| {
        candidates.as_ref().map(|candidates| candidates.provinces().to_vec()).unwrap_or_default()
    });
    let locate = locate_riding::<LetterForm>(provinces, form.riding, "voix-riding-result", lang);
    let choices = move || {
        let lang_now = lang.get();
        short
            .iter()
            .filter_map(|fed_num| directory.district(*fed_num))
            .map(|district| {
                let fed_num = district.fed_num();
                let mp_line = mp_line(district, lang_now);
                view! {
                    <li>
                        <button type="button" class="voix-choice voix-choice--riding"
                            on:click=move |ev| {
                                form.riding.set(Some(fed_num));
                                focus_after_update(event_root(&ev), "voix-recipients-heading");
                            }>
                            <span class="voix-riding-name">{district.name(lang_now).to_owned()}</span>
                            <span class="voix-card-line">{mp_line}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="voix-riding" id="voix-riding-result" tabindex="-1" role="group" aria-labelledby="voix-riding-label">
            <p id="voix-riding-label" class="voix-muted"><Tr text=LetterText::RidingsShared lang/></p>
            <ul class="voix-choices">{choices}</ul>
            {map}
            {locate}
            <button type="button" class="voix-button voix-button--secondary"
                on:click=move |ev| {
                    form.choosing.set(true);
                    focus_after_update(event_root(&ev), "voix-riding-search");
                }>
                <Tr text=LetterText::RidingNotListed lang/>
            </button>
        </div>
    }
}

/// Every riding the postal code could be in, the suggestion first; a search field narrows the list.
#[component]
fn RidingList(
    directory: Arc<Directory>,
    candidates: Vec<FedNum>,
    provinces: Vec<voix_core::postal::Province>,
    form: LetterForm,
    lang: Signal<Lang>,
) -> impl IntoView {
    let heading = {
        let provinces = provinces.clone();
        move || other_ridings_heading(&provinces, lang.get())
    };
    let shown = {
        let directory = directory.clone();
        move || {
            let query = form.search.get();
            if query.trim().is_empty() {
                candidates.clone()
            } else {
                directory.search(&provinces, &query)
            }
        }
    };
    let items = move || {
        let lang_now = lang.get();
        let list = shown();
        if list.is_empty() {
            return view! { <p class="voix-muted" role="status">{LetterText::RidingNoMatch.get(lang_now)}</p> }
                .into_any();
        }
        let buttons = list
            .into_iter()
            .filter_map(|fed_num| directory.district(fed_num).map(|d| (fed_num, d.name(lang_now).to_owned())))
            .map(|(fed_num, name)| {
                view! {
                    <li>
                        <button type="button" class="voix-choice"
                            on:click=move |ev| {
                                form.riding.set(Some(fed_num));
                                form.choosing.set(false);
                                focus_after_update(event_root(&ev), "voix-recipients-heading");
                            }>
                            {name}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="voix-choices">{buttons}</ul> }.into_any()
    };
    view! {
        <div class="voix-riding-list" id="voix-riding-result" tabindex="-1">
            <p class="voix-muted">{heading}</p>
            <label for="voix-riding-search">{move || LetterText::RidingSearchLabel.get(lang.get())}</label>
            <input id="voix-riding-search" type="search" autocomplete="off"
                prop:value=move || form.search.get()
                on:input=move |ev| form.search.set(event_target_value(&ev))/>
            {items}
        </div>
    }
}
