//! Who receives the letter: the person's own MP (found from the riding), the campaign's fixed recipients, and the
//! senators the campaign asks for (of the person's province, or named), in the order the letter goes to them.
//! Each card says how the letter reaches them.

use super::LetterForm;
use crate::components::text::{Loc, Tr};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::Letter;
use voix_core::directory::{Directory, Mp};
use voix_core::i18n::{label, LetterText};
use voix_core::letter::senators::{senator_role, senators_to_write};
use voix_core::letter::{Chamber, Recipient};
use voix_core::Lang;

/// A recipient with owned text, so the list can live in a signal; `as_recipient` lends it to core.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnedRecipient {
    pub name: String,
    pub role: String,
    pub email: String,
    pub riding: Option<String>,
    pub chamber: Chamber,
}

impl OwnedRecipient {
    pub fn as_recipient(&self) -> Recipient<'_> {
        Recipient {
            name: &self.name,
            role: &self.role,
            email: &self.email,
            riding: self.riding.as_deref(),
            chamber: self.chamber,
        }
    }
}

/// The senators the campaign asks for, for the person's riding's province, today (none without the data).
pub fn offered_senators(
    letter: &Letter,
    directory: Option<&Directory>,
    form: LetterForm,
    lang: Lang,
) -> Vec<OwnedRecipient> {
    let (Some(targets), Some(directory)) = (letter.targets.senators.as_ref(), directory) else { return Vec::new() };
    let (Some(senate), Some(today)) = (directory.senate(), super::today()) else { return Vec::new() };
    let province =
        form.riding.get().and_then(|fed_num| directory.district(fed_num)).map(|district| district.province());
    senators_to_write(targets, senate, province, today)
        .into_iter()
        .map(|senator| {
            let role = senator_role(senator, lang);
            owned(&Recipient::senator(senator.name(), &role, senator.email().unwrap_or("")))
        })
        .collect()
}

/// The recipients ticked now: the own MP (when the campaign writes to MPs, the seat is filled and the person kept
/// the tick), the campaign's ticked extra targets, then the senators the person kept ticked.
pub fn chosen_recipients(
    letter: &Letter,
    senators: Vec<OwnedRecipient>,
    mp: Option<&Mp>,
    riding: Option<&str>,
    form: LetterForm,
    lang: Lang,
) -> Vec<OwnedRecipient> {
    let mut chosen = Vec::new();
    let (own_mp_ticked, extra_ticked) = (form.own_mp.get(), form.extra.get());
    if let (true, true, Some(mp), Some(riding)) = (letter.targets.own_mp, own_mp_ticked, mp, riding) {
        let own = Recipient::own_mp(mp.name(), mp.email().unwrap_or(""), riding, lang);
        chosen.push(owned(&own));
    }
    for (target, ticked) in letter.targets.extra.iter().zip(&extra_ticked) {
        if *ticked || !target.optional {
            chosen.push(owned(&Recipient::from_target(target, lang)));
        }
    }
    // Senators last: the letter on screen, and the email, are addressed to the first recipient who has an email
    // (each printed page is addressed to its own).
    let unticked = form.senators_unticked.get();
    chosen.extend(senators.into_iter().filter(|senator| !unticked.contains(&senator.name)));
    chosen
}

fn owned(recipient: &Recipient<'_>) -> OwnedRecipient {
    OwnedRecipient {
        name: recipient.name.to_owned(),
        role: recipient.role.to_owned(),
        email: recipient.email.to_owned(),
        riding: recipient.riding.map(str::to_owned),
        chamber: recipient.chamber,
    }
}

#[component]
pub fn Recipients(letter: Arc<Letter>, form: LetterForm, lang: Signal<Lang>) -> impl IntoView {
    let show_photos = letter.mp_photos;
    let own_mp_card = {
        let letter = letter.clone();
        move || {
            if !letter.targets.own_mp {
                return None;
            }
            let directory = form.ready_directory()?;
            let district = directory.district(form.riding.get()?)?.clone();
            let lang_now = lang.get();
            let riding = district.name(lang_now).to_owned();
            Some(match district.mp().cloned() {
                None => view! {
                    <li class="voix-card voix-card--vacant">
                        <p class="voix-card-name">{riding}</p>
                        <p>{LetterText::NoSittingMp.get(lang_now)}</p>
                    </li>
                }
                .into_any(),
                Some(mp) => {
                    let how = match mp.email() {
                        Some(email) => format!("{} {email}", label(LetterText::ByEmail, lang_now)),
                        None => LetterText::MpNoEmail.get(lang_now).to_owned(),
                    };
                    let photo = mp.photo_url().filter(|_| show_photos).map(|url| {
                        view! { <img class="voix-card-photo" src=url.to_owned() alt="" loading="lazy" referrerpolicy="no-referrer"/> }
                    });
                    let party = mp.party().name(lang_now).to_owned();
                    let name = mp.name().to_owned();
                    view! {
                        <li class="voix-card">
                            {photo}
                            <label class="voix-check">
                                <input type="checkbox" prop:checked=move || form.own_mp.get()
                                    on:change=move |ev| form.own_mp.set(event_target_checked(&ev))/>
                                <span>
                                    <span class="voix-card-name">{name}</span>
                                    <span class="voix-card-line">{LetterText::YourMp.get(lang_now)} " · " {riding} " · " {party}</span>
                                    <span class="voix-card-line">{how}</span>
                                </span>
                            </label>
                        </li>
                    }
                    .into_any()
                }
            })
        }
    };
    let extra_cards = letter
        .targets
        .extra
        .iter()
        .enumerate()
        .map(|(index, target)| {
            let target = target.clone();
            let (role, party, riding) = (target.role.clone(), target.party.clone(), target.riding.clone());
            let email = target.email.clone();
            let optional = target.optional;
            let ticked = move || !optional || form.extra.with(|ticks| ticks.get(index).copied().unwrap_or(true));
            view! {
                <li class="voix-card">
                    <label class="voix-check">
                        <input type="checkbox" prop:checked=ticked prop:disabled=!optional
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                form.extra.update(|ticks| if let Some(t) = ticks.get_mut(index) { *t = on });
                            }/>
                        <span>
                            <span class="voix-card-name">{target.name.clone()}</span>
                            <span class="voix-card-line">
                                <Loc text=role.clone() lang/>
                                {riding.map(|riding| format!(" · {riding}"))}
                                {move || party.as_ref().map(|p| format!(" · {}", p.text(lang.get())))}
                            </span>
                            <span class="voix-card-line">{move || format!("{} {email}", label(LetterText::ByEmail, lang.get()))}</span>
                        </span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let senator_cards = {
        let letter = letter.clone();
        move || {
            let directory = form.ready_directory();
            let lang_now = lang.get();
            offered_senators(&letter, directory.as_deref(), form, lang_now)
                .into_iter()
                .map(|senator| {
                    let name = senator.name.clone();
                    let ticked = {
                        let name = name.clone();
                        move || form.senators_unticked.with(|unticked| !unticked.contains(&name))
                    };
                    let how = match senator.email.as_str() {
                        "" => LetterText::SenatorByPost.get(lang_now).to_owned(),
                        email => format!("{} {email}", label(LetterText::ByEmail, lang_now)),
                    };
                    view! {
                        <li class="voix-card">
                            <label class="voix-check">
                                <input type="checkbox" prop:checked=ticked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.senators_unticked.update(|unticked| {
                                            unticked.retain(|other| *other != name);
                                            if !on { unticked.push(name.clone()); }
                                        });
                                    }/>
                                <span>
                                    <span class="voix-card-name">{senator.name.clone()}</span>
                                    <span class="voix-card-line">{senator.role.clone()}</span>
                                    <span class="voix-card-line">{how}</span>
                                </span>
                            </label>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let nobody = {
        let letter = letter.clone();
        move || {
            let directory = form.ready_directory();
            let mp = form.riding.get().and_then(|f| directory.as_ref()?.district(f)?.mp().cloned());
            let senators = offered_senators(&letter, directory.as_deref(), form, lang.get());
            let chosen = chosen_recipients(&letter, senators, mp.as_ref(), Some(""), form, lang.get());
            chosen
                .is_empty()
                .then(|| view! { <p class="voix-warning" role="status">{LetterText::NoRecipient.get(lang.get())}</p> })
        }
    };
    view! {
        <section class="voix-step" aria-labelledby="voix-recipients-heading">
            <h4 id="voix-recipients-heading" tabindex="-1"><Tr text=LetterText::RecipientsLabel lang/></h4>
            <ul class="voix-cards">{own_mp_card} {extra_cards} {senator_cards}</ul>
            {nobody}
        </section>
    }
}
