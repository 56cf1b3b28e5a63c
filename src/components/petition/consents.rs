//! The consent boxes Canada's anti-spam law asks for: one per organisation that wants to keep in touch, never
//! ticked for the person, each with the organisation's own wording, how to reach it and how to withdraw.

use super::PetitionForm;
use crate::components::text::Tr;
use leptos::prelude::*;
use voix_core::i18n::{PetitionText, Text};
use voix_core::petition::ConsentOffer;
use voix_core::Lang;

#[component]
pub fn Consents(form: PetitionForm, offers: Memo<Vec<ConsentOffer>>, lang: Signal<Lang>) -> impl IntoView {
    let boxes = move || {
        offers
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, offer)| {
                let id = format!("voix-pet-consent-{index}");
                let more_id = format!("{id}-more");
                let error_id = format!("{id}-error");
                let path = format!("consents[{index}]");
                let to = offer.to;
                let policy = offer.privacy_policy.clone().map(|href| {
                    view! {
                        " "
                        <a href=href target="_blank" rel="noopener noreferrer">
                            <Tr text=Text::PrivacyPolicy lang/>
                            <span class="voix-sr-only">" " <Tr text=Text::OpensInNewTab lang/></span>
                        </a>
                    }
                });
                let error = {
                    let path = path.clone();
                    move || form.error(&path)
                };
                view! {
                    <div class="voix-consent">
                        <div class="voix-check">
                            <input type="checkbox" id=id.clone() name=format!("consent-{index}")
                                aria-describedby=format!("{more_id} {error_id}")
                                prop:checked=move || form.consents.with(|ticked| ticked.contains(&to))
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    form.consents.update(|ticked| {
                                        ticked.retain(|t| *t != to);
                                        if checked {
                                            ticked.push(to);
                                        }
                                    });
                                    form.errors.update(|errors| errors.retain(|e| !e.path.starts_with("consents[")));
                                    form.save_draft();
                                }/>
                            <label for=id>{offer.wording.clone()}</label>
                        </div>
                        <p id=more_id class="voix-consent-more voix-muted">
                            <strong>{offer.organisation.clone()}</strong> ". " {offer.withdrawal.clone()} {policy}
                        </p>
                        <p id=error_id class="voix-field-error">{error}</p>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || offers.with(|o| !o.is_empty())>
            <fieldset class="voix-consents">
                <legend><Tr text=PetitionText::KeepInTouch lang/></legend>
                <p class="voix-muted"><Tr text=PetitionText::ConsentNotRequired lang/></p>
                {boxes}
            </fieldset>
        </Show>
    }
}
