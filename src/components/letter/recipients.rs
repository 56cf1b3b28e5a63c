//! Who receives the letter: the person's own MP (found from the riding) and the campaign's fixed recipients.
//! Each card says how the letter reaches them.

use super::LetterForm;
use crate::components::text::{Loc, Tr};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::Letter;
use voix_core::directory::Mp;
use voix_core::i18n::{label, LetterText};
use voix_core::letter::Recipient;
use voix_core::Lang;

/// A recipient with owned text, so the list can live in a signal; `as_recipient` lends it to core.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnedRecipient {
    pub name: String,
    pub role: String,
    pub email: String,
    pub riding: Option<String>,
}

impl OwnedRecipient {
    pub fn as_recipient(&self) -> Recipient<'_> {
        Recipient { name: &self.name, role: &self.role, email: &self.email, riding: self.riding.as_deref() }
    }
}

/// The recipients ticked now: the own MP first (when the campaign writes to MPs, the seat is filled and the
/// person kept the tick), then the campaign's ticked extra targets.
pub fn chosen_recipients(
    letter: &Letter,
    mp: Option<&Mp>,
    riding: Option<&str>,
    own_mp_ticked: bool,
    extra_ticked: &[bool],
    lang: Lang,
) -> Vec<OwnedRecipient> {
    let mut chosen = Vec::new();
    if let (true, true, Some(mp), Some(riding)) = (letter.targets.own_mp, own_mp_ticked, mp, riding) {
        let own = Recipient::own_mp(mp.name(), mp.email().unwrap_or(""), riding, lang);
        chosen.push(owned(&own));
    }
    for (target, ticked) in letter.targets.extra.iter().zip(extra_ticked) {
        if *ticked || !target.optional {
            chosen.push(owned(&Recipient::from_target(target, lang)));
        }
    }
    chosen
}

fn owned(recipient: &Recipient<'_>) -> OwnedRecipient {
    OwnedRecipient {
        name: recipient.name.to_owned(),
        role: recipient.role.to_owned(),
        email: recipient.email.to_owned(),
        riding: recipient.riding.map(str::to_owned),
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
    let nobody = {
        let letter = letter.clone();
        move || {
            let directory = form.ready_directory();
            let mp = form.riding.get().and_then(|f| directory.as_ref()?.district(f)?.mp().cloned());
            let chosen =
                chosen_recipients(&letter, mp.as_ref(), Some(""), form.own_mp.get(), &form.extra.get(), lang.get());
            chosen
                .is_empty()
                .then(|| view! { <p class="voix-warning" role="status">{LetterText::NoRecipient.get(lang.get())}</p> })
        }
    };
    view! {
        <section class="voix-step" aria-labelledby="voix-recipients-heading">
            <h4 id="voix-recipients-heading" tabindex="-1"><Tr text=LetterText::RecipientsLabel lang/></h4>
            <ul class="voix-cards">{own_mp_card} {extra_cards}</ul>
            {nobody}
        </section>
    }
}
