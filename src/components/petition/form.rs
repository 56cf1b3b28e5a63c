//! The form: fields, consents, the hidden honeypot, the error summary, and sending.

use super::consents::Consents;
use super::deliver::{deliver, Outcome, Phase};
use super::fields::{dom_id, CustomField, Input, RidingField, TextField};
use super::{storage, PetitionForm, Status};
use crate::components::letter::event_root;
use crate::components::text::Tr;
use crate::proof_of_work::solve_challenge;
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::Petition;
use voix_core::i18n::{PetitionText, Text};
use voix_core::petition::api::FieldMessage;
use voix_core::petition::outbox::{idempotency_key, Pending};
use voix_core::petition::{
    consent_offers, validate, GivenConsent, SignatureSubmission, BUILT_IN_FIELDS, MAX_COMMENT_LENGTH, MAX_NAME_LENGTH,
};
use voix_core::{Campaign, Lang};
use wasm_bindgen::JsCast;

#[component]
pub fn SignForm(
    campaign: Arc<Campaign>,
    petition: Arc<Petition>,
    partner: Option<String>,
    api: StoredValue<Option<String>>,
    form: PetitionForm,
    lang: Signal<Lang>,
    start_loading: Callback<()>,
) -> impl IntoView {
    let offers = {
        let (campaign, partner) = (campaign.clone(), partner.clone());
        Memo::new(move |_| {
            consent_offers(&campaign, partner.as_deref().and_then(|id| campaign.partner(id)), lang.get())
        })
    };
    // The order of the form, so focus goes to the first problem on the page.
    let order: Vec<String> = {
        let mut order: Vec<String> =
            ["first_name", "last_name", "email", "postal_code"].iter().map(|f| format!("fields.{f}")).collect();
        order.push("riding".into());
        order.push("fields.comment".into());
        order.extend(petition.fields.iter().map(|f| format!("fields.{}", f.id)));
        order
    };
    let busy = move || matches!(form.status.get(), Status::Checking | Status::Sending);

    // Solve the proof-of-work while the person types: it is ready (or nearly) when they press "Sign".
    let presolve = move |_| {
        if form.presolving.get_untracked() {
            return;
        }
        let Some(Some(root)) = api.try_get_value() else { return };
        form.presolving.set(true);
        leptos::task::spawn_local(async move {
            if let Ok(solved) = solve_challenge(&format!("{root}/altcha")).await {
                let _ = form.presolved.try_set(Some(solved));
            }
        });
    };

    let submit = {
        let (campaign, petition, partner) = (campaign.clone(), petition.clone(), partner.clone());
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let root = event_root(&event);
            if busy() {
                return;
            }
            let lang_now = lang.get_untracked();
            let mut submission = SignatureSubmission::new(&campaign.id, partner.as_deref(), lang_now);
            form.values.with_untracked(|values| {
                for (id, value) in values {
                    let built_in = BUILT_IN_FIELDS.contains(&id.as_str())
                        && id != "riding"
                        && (id != "comment" || petition.comment);
                    if built_in || petition.fields.iter().any(|f| &f.id == id) {
                        submission.fields.insert(id.clone(), value.clone());
                    }
                }
            });
            submission.riding = form.riding.get_untracked().filter(|_| form.candidates.with_untracked(Option::is_some));
            let ticked = form.consents.get_untracked();
            submission.consents = offers
                .get_untracked()
                .into_iter()
                .filter(|offer| ticked.contains(&offer.to))
                .map(|offer| GivenConsent { to: offer.to, version: offer.version })
                .collect();
            let honeypot = form.honeypot.get_untracked();
            submission.honeypot = (!honeypot.is_empty()).then_some(honeypot);
            submission.idempotency_key = Some(idempotency_key(random_bytes()));
            if let Err(errors) = validate(&campaign, &submission) {
                form.status.set(Status::Idle);
                show_errors(form, errors.iter().map(|e| FieldMessage::new(e, lang_now)).collect(), &order, root);
                return;
            }
            form.errors.set(Vec::new());
            let Some(Some(api_root)) = api.try_get_value() else {
                form.status.set(Status::Refused(PetitionText::SignatureNotSent.get(lang_now).to_owned()));
                return;
            };
            let riding = submission.riding;
            let entry = Pending::new(&api_root, submission, storage::now_secs());
            storage::enqueue(entry.clone());
            let presolved = form.presolved.try_update(Option::take).flatten();
            form.status.set(Status::Checking);
            let order = order.clone();
            leptos::task::spawn_local(async move {
                let on_phase = move |phase| {
                    let _ = form.status.try_set(match phase {
                        Phase::Checking => Status::Checking,
                        Phase::Sending => Status::Sending,
                    });
                };
                match deliver(entry, presolved, on_phase).await {
                    Outcome::Signed(reply) => {
                        form.acknowledge(reply, riding);
                        crate::components::letter::focus_after_update(root, "voix-pet-thanks-heading");
                    }
                    Outcome::Refused { reply, .. } => {
                        let message = reply.as_ref().map(|r| r.message.clone());
                        let errors = reply.map(|r| r.errors).unwrap_or_default();
                        let _ = form.status.try_set(Status::Refused(
                            message.unwrap_or_else(|| PetitionText::SignatureNotSent.get(lang_now).to_owned()),
                        ));
                        if !errors.is_empty() {
                            show_errors(form, errors, &order, root);
                        }
                    }
                    Outcome::Saved { offline: true } => {
                        let _ = form.status.try_set(Status::SavedOffline);
                    }
                    Outcome::Saved { offline: false } => {
                        let _ = form.status.try_set(Status::SavedWillRetry);
                    }
                    Outcome::Busy => {}
                }
            });
        }
    };

    let status_text = move || {
        let lang = lang.get();
        match form.status.get() {
            Status::Idle => String::new(),
            Status::Checking => PetitionText::CheckingPerson.get(lang).to_owned(),
            Status::Sending => PetitionText::SendingSignature.get(lang).to_owned(),
            Status::SavedOffline => PetitionText::SavedOffline.get(lang).to_owned(),
            Status::SavedWillRetry => PetitionText::SavedWillRetry.get(lang).to_owned(),
            Status::Refused(message) => message,
        }
    };
    let label = |text: PetitionText| Signal::derive(move || text.get(lang.get()).to_owned());
    let comment = petition.comment.then(|| {
        let input = Input { kind: "text", autocomplete: "off", inputmode: "text", multiline: true, maxlength: MAX_COMMENT_LENGTH };
        view! { <TextField form field="comment".to_owned() label=label(PetitionText::CommentOptional) required=false input hint=None lang/> }
    });
    let custom =
        petition.fields.iter().map(|field| view! { <CustomField form field=field.clone() lang/> }).collect_view();
    view! {
        <form class="voix-sign" on:submit=submit on:focusin=presolve novalidate>
            <ErrorSummary form petition=petition.clone() lang/>
            <div class="voix-name-row">
                <TextField form field="first_name".to_owned() label=label(PetitionText::FirstName) required=true
                    input=Input::text("given-name", MAX_NAME_LENGTH) hint=None lang/>
                <TextField form field="last_name".to_owned() label=label(PetitionText::LastName) required=true
                    input=Input::text("family-name", MAX_NAME_LENGTH) hint=None lang/>
            </div>
            <TextField form field="email".to_owned() label=label(PetitionText::Email) required=true
                input=Input { kind: "email", autocomplete: "email", inputmode: "email", multiline: false, maxlength: 254 }
                hint=None lang/>
            <TextField form field="postal_code".to_owned() label=label(PetitionText::PostalCode) required=true
                input=Input::text("postal-code", 12) hint=Some(PetitionText::PostalCodeWhy) lang on_focus=start_loading/>
            <RidingField form lang/>
            {comment}
            {custom}
            <Consents form offers lang/>
            // Filled in only by robots: off-screen, out of the tab order and hidden from assistive technology.
            <div class="voix-hp" aria-hidden="true">
                <label for="voix-pet-website"><Tr text=PetitionText::HoneypotLabel lang/></label>
                <input id="voix-pet-website" name="website" type="text" tabindex="-1" autocomplete="off"
                    prop:value=move || form.honeypot.get()
                    on:input=move |ev| form.honeypot.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="voix-button voix-sign-button" prop:disabled=busy>
                <Tr text=Text::PetitionTitle lang/>
            </button>
            <p class="voix-status" role="status">{status_text}</p>
        </form>
    }
}

/// Shows `errors` on their fields and in the summary, and moves focus to the first on the page.
fn show_errors(form: PetitionForm, errors: Vec<FieldMessage>, order: &[String], root: Option<web_sys::Node>) {
    let rank = |path: &str| order.iter().position(|p| p == path).unwrap_or(usize::MAX);
    let first = errors.iter().min_by_key(|e| rank(&e.path)).map(|e| dom_id(&e.path));
    let _ = form.errors.try_set(errors);
    if let Some(id) = first {
        focus_id(root, id);
    }
}

/// Moves focus to the element `id` in `root` once the view has updated.
fn focus_id(root: Option<web_sys::Node>, id: String) {
    let Some(root) = root else { return };
    leptos::task::spawn_local(async move {
        crate::load::sleep_ms(0).await;
        let root: &web_sys::DocumentFragment = root.unchecked_ref();
        if let Some(element) = root.get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// Every problem, each a link to its field: announced as soon as it appears.
#[component]
fn ErrorSummary(form: PetitionForm, petition: Arc<Petition>, lang: Signal<Lang>) -> impl IntoView {
    let items = move || {
        let lang_now = lang.get();
        form.errors
            .get()
            .into_iter()
            .map(|error| {
                let id = dom_id(&error.path);
                let name = field_name(&error.path, &petition, lang_now);
                let text = match name {
                    Some(name) if lang_now == Lang::Fr => format!("{name}\u{a0}: {}", error.message),
                    Some(name) => format!("{name}: {}", error.message),
                    None => error.message.clone(),
                };
                let target = id.clone();
                view! {
                    <li>
                        <a href=format!("#{id}") on:click=move |ev| {
                            ev.prevent_default();
                            focus_id(event_root(&ev), target.clone());
                        }>{text}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div id="voix-pet-summary" class="voix-error-summary" role="alert" tabindex="-1"
            hidden=move || form.errors.with(Vec::is_empty)>
            <Show when=move || form.errors.with(|e| !e.is_empty())>
                <p><Tr text=PetitionText::FixTheseProblems lang/></p>
                <ul>{items.clone()}</ul>
            </Show>
        </div>
    }
}

/// The label of the field at `path`, for the summary.
fn field_name(path: &str, petition: &Petition, lang: Lang) -> Option<String> {
    let field = path.strip_prefix("fields.")?;
    let text = match field {
        "first_name" => PetitionText::FirstName,
        "last_name" => PetitionText::LastName,
        "email" => PetitionText::Email,
        "postal_code" => PetitionText::PostalCode,
        "comment" => PetitionText::CommentOptional,
        other => return petition.fields.iter().find(|f| f.id == other).map(|f| f.label.text(lang).to_owned()),
    };
    Some(text.get(lang).to_owned())
}

fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}
