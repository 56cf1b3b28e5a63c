//! "Send it for me": when the campaign lists "server" and its Voix server has email configured, the
//! person gives their email; the server emails them a confirmation link and sends the letter once they confirm.

use super::recipients::OwnedRecipient;
use super::LetterForm;
use crate::components::text::Tr;
use crate::embed::Embed;
use crate::proof_of_work::solve_challenge;
use leptos::prelude::*;
use voix_core::campaign::SendMethod;
use voix_core::i18n::LetterText;
use voix_core::letter::server::{LetterProblem, LetterRecipient, ServerLetter};
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
    let status: RwSignal<Option<Status>> = RwSignal::new(None);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(root) = root.clone() else { return };
        if status.get_untracked() == Some(Status::Said(LetterText::ServerSendSending)) {
            return;
        }
        let (subject, body) = sending.with_untracked(|letter| (letter.subject.clone(), letter.body()));
        let mut letter = ServerLetter {
            sender_name: form.name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            postal_code: form.postal_input.get_untracked().trim().to_owned(),
            fed_num: form.riding.get_untracked().map(|fed_num| fed_num.0),
            subject,
            body,
            recipients: recipients.with_untracked(|list| {
                list.iter()
                    .filter(|r| !r.email.is_empty())
                    .map(|r| LetterRecipient { email: r.email.clone() })
                    .collect()
            }),
            lang: Some(lang.get_untracked().code().to_owned()),
            altcha: None,
        };
        // The server's own checks, run here first: the person sees which field and its limit before anything leaves.
        if let Err(problem) = letter.check() {
            status.set(Some(Status::Problem(problem)));
            return;
        }
        status.set(Some(Status::Said(LetterText::ServerSendSending)));
        leptos::task::spawn_local(async move {
            let Ok(solved) = solve_challenge(&format!("{root}/altcha")).await else {
                status.set(Some(Status::Said(LetterText::ServerSendRobotCheck)));
                return;
            };
            letter.altcha = Some(solved);
            let Ok(json) = serde_json::to_string(&letter) else { return };
            let said = match crate::api::post_json(&format!("{root}/letters/server"), &json).await {
                Ok(reply) if reply.status == 202 => {
                    form.sent.set(Some(SendMethod::Server));
                    Status::Said(LetterText::ServerSendCheckEmail)
                }
                Ok(reply) if reply.status == 429 && reply.body.contains("confirmations_limited") => {
                    Status::Said(LetterText::ServerSendTooManyConfirmations)
                }
                Ok(reply) => match refused_field(&reply.body) {
                    Some(problem) => Status::Problem(problem),
                    None if reply.body.contains("\"altcha\"") => Status::Said(LetterText::ServerSendRobotCheck),
                    None => Status::Said(LetterText::ServerSendFailed),
                },
                Err(_) => Status::Said(LetterText::ServerSendFailed),
            };
            status.set(Some(said));
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
                <p class="voix-status" role="status">{move || status.get().map(|status| status.text(lang.get()))}</p>
            </form>
        </Show>
    }
}

/// The status line under the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Said(LetterText),
    /// A field the server would refuse (or did), with its limit.
    Problem(LetterProblem),
}

impl Status {
    fn text(self, lang: Lang) -> String {
        match self {
            Status::Said(text) => text.get(lang).to_owned(),
            Status::Problem(problem) => problem.text(lang),
        }
    }
}

/// The field named in the server's `{"error": "…"}`, when it is one of a letter's.
fn refused_field(body: &str) -> Option<LetterProblem> {
    let reply: serde_json::Value = serde_json::from_str(body).ok()?;
    LetterProblem::from_code(reply.get("error")?.as_str()?)
}
