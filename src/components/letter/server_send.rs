//! "Send it for me": when the campaign lists "server" and its Voix server has email configured, the
//! person gives their email; the server emails them a confirmation link and sends the letter once they confirm.

use super::recipients::OwnedRecipient;
use super::LetterForm;
use crate::components::text::Tr;
use crate::embed::Embed;
use leptos::prelude::*;
use voix_core::campaign::SendMethod;
use voix_core::i18n::LetterText;
use voix_core::letter::ComposedLetter;
use voix_core::Lang;

#[component]
pub fn ServerSend(
    campaign_id: String,
    recipients: Memo<Vec<OwnedRecipient>>,
    sending: Memo<ComposedLetter>,
    form: LetterForm,
    lang: Signal<Lang>,
) -> impl IntoView {
    let root = use_context::<Embed>().and_then(|e| crate::api::api_root(e.campaign_url.as_deref(), &campaign_id));
    let offered = RwSignal::new(false);
    if let Some(root) = root.clone() {
        leptos::task::spawn_local(async move {
            if let Ok(reply) = crate::api::get(&format!("{root}/capabilities")).await {
                let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap_or_default();
                offered.set(reply.status == 200 && body["server_letters"] == serde_json::Value::Bool(true));
            }
        });
    }
    let email = RwSignal::new(String::new());
    let status: RwSignal<Option<LetterText>> = RwSignal::new(None);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(root) = root.clone() else { return };
        if status.get_untracked() == Some(LetterText::ServerSendSending) {
            return;
        }
        let list: Vec<serde_json::Value> = recipients.with_untracked(|list| {
            list.iter()
                .filter(|r| !r.email.is_empty())
                .map(|r| serde_json::json!({"name": r.name, "email": r.email}))
                .collect()
        });
        let (subject, body) = sending.with_untracked(|letter| (letter.subject.clone(), letter.body()));
        let directory = form.ready_directory();
        let lang_now = lang.get_untracked();
        let riding = form
            .riding
            .get_untracked()
            .and_then(|fed_num| Some(directory.as_ref()?.district(fed_num)?.name(lang_now).to_owned()));
        let json = serde_json::json!({
            "sender_name": form.name.get_untracked().trim(),
            "email": email.get_untracked().trim(),
            "postal_code": form.postal_input.get_untracked().trim(),
            "riding": riding,
            "subject": subject,
            "body": body,
            "recipients": list,
            "lang": lang_now.code(),
        })
        .to_string();
        status.set(Some(LetterText::ServerSendSending));
        leptos::task::spawn_local(async move {
            match crate::api::post_json(&format!("{root}/letters/server"), &json).await {
                Ok(reply) if reply.status == 202 => {
                    status.set(Some(LetterText::ServerSendCheckEmail));
                    form.sent.set(Some(SendMethod::Server));
                }
                Ok(reply) if reply.status == 429 && reply.body.contains("confirmations_limited") => {
                    status.set(Some(LetterText::ServerSendTooManyConfirmations));
                }
                _ => status.set(Some(LetterText::ServerSendFailed)),
            }
        });
    };
    view! {
        <Show when=move || offered.get()>
            <form class="voix-server-send" on:submit=submit.clone() aria-labelledby="voix-server-send-heading">
                <h5 id="voix-server-send-heading"><Tr text=LetterText::ServerSendHeading lang/></h5>
                <p class="voix-muted" id="voix-server-send-explain"><Tr text=LetterText::ServerSendExplain lang/></p>
                <p>
                    <label for="voix-server-email"><Tr text=LetterText::ServerSendEmail lang/></label>
                    <input id="voix-server-email" type="email" autocomplete="email" required
                        aria-describedby="voix-server-send-explain"
                        prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                </p>
                <button type="submit" class="voix-button"><Tr text=LetterText::ServerSendButton lang/></button>
                <p class="voix-status" role="status">{move || status.get().map(|text| text.get(lang.get()))}</p>
            </form>
        </Show>
    }
}
