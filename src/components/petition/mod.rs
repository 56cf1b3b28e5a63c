//! "Sign the petition": the form (built-in and campaign fields, postal code → riding, consent boxes), the live
//! counter, delivery on a flaky network, and the thank-you step.
//!
//! The state lives in one [`PetitionForm`] of signals. Validation is `voix_core::petition::validate`, the very
//! function the server runs, so a person sees the same answer before and after sending; delivery rules are in
//! `voix_core::petition::outbox`.

mod consents;
mod counter;
mod deliver;
mod fields;
mod form;
mod storage;
mod thanks;

use crate::api::{self, api_root};
use crate::components::text::Loc;
use crate::embed::Embed;
use crate::load::{fetch_directory, DirectoryState};
use counter::Counter;
use deliver::{deliver, Outcome};
use form::SignForm;
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;
use thanks::SignThanks;
use voix_core::directory::Candidates;
use voix_core::i18n::goal_line;
use voix_core::petition::api::{FieldMessage, SignedReply, Stats};
use voix_core::petition::outbox::Draft;
use voix_core::petition::ConsentTo;
use voix_core::{Campaign, FedNum, Lang, PostalCode};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How often an open page tries again to send signatures still waiting (after its own retries gave up).
const RETRY_EVERY_MS: i32 = 60_000;

/// Where the form is.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Checking,
    Sending,
    SavedOffline,
    SavedWillRetry,
    /// The server refused: its message.
    Refused(String),
}

/// Everything the person has typed or chosen, and what the widget knows about the signing.
#[derive(Clone, Copy)]
pub struct PetitionForm {
    pub campaign_id: StoredValue<String>,
    /// Answers by field id: built-in fields and the campaign's own (texts, choice ids, ticks).
    pub values: RwSignal<BTreeMap<String, Value>>,
    pub riding: RwSignal<Option<FedNum>>,
    pub candidates: RwSignal<Option<Candidates>>,
    pub consents: RwSignal<Vec<ConsentTo>>,
    pub honeypot: RwSignal<String>,
    /// Problems found here or by the server, by path.
    pub errors: RwSignal<Vec<FieldMessage>>,
    pub status: RwSignal<Status>,
    pub signed: RwSignal<Option<SignedReply>>,
    pub stats: RwSignal<Option<Stats>>,
    pub directory: RwSignal<DirectoryState>,
    /// A proof-of-work solved while the person types, used by the first attempt.
    pub presolved: RwSignal<Option<Value>>,
    pub presolving: RwSignal<bool>,
}

impl PetitionForm {
    fn new(campaign_id: &str) -> Self {
        let draft = storage::read_draft(campaign_id);
        PetitionForm {
            campaign_id: StoredValue::new(campaign_id.to_owned()),
            values: RwSignal::new(draft.fields),
            riding: RwSignal::new(draft.riding),
            candidates: RwSignal::new(None),
            consents: RwSignal::new(draft.consents),
            honeypot: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            status: RwSignal::new(Status::Idle),
            signed: RwSignal::new(None),
            stats: RwSignal::new(None),
            directory: RwSignal::new(DirectoryState::Idle),
            presolved: RwSignal::new(None),
            presolving: RwSignal::new(false),
        }
    }

    pub fn text(&self, id: &str) -> String {
        self.values.with(|values| values.get(id).and_then(Value::as_str).unwrap_or_default().to_owned())
    }

    pub fn checked(&self, id: &str) -> bool {
        self.values.with(|values| values.get(id).and_then(Value::as_bool).unwrap_or(false))
    }

    pub fn set(&self, id: &str, value: Value) {
        self.values.update(|values| {
            values.insert(id.to_owned(), value);
        });
        self.save_draft();
    }

    pub fn save_draft(&self) {
        let draft = Draft {
            fields: self.values.get_untracked(),
            riding: self.riding.get_untracked(),
            consents: self.consents.get_untracked(),
            saved_at: 0,
        };
        self.campaign_id.with_value(|id| storage::save_draft(id, &draft));
    }

    /// The message for `path`, if any.
    pub fn error(&self, path: &str) -> Option<String> {
        self.errors.with(|errors| errors.iter().find(|e| e.path == path).map(|e| e.message.clone()))
    }

    /// The server has the signature: the counter moves, the draft is forgotten, the thank-you step shows.
    fn acknowledge(&self, reply: SignedReply, riding: Option<FedNum>) {
        let _ = self.stats.try_update(|stats| {
            let stats = stats.get_or_insert_with(Stats::default);
            stats.total = stats.total.max(reply.total);
            if reply.goal.is_some() {
                stats.goal = reply.goal;
            }
            if let (Some(riding), Some(count)) = (riding, reply.riding_total) {
                stats.by_riding.insert(riding, count);
            }
        });
        self.campaign_id.with_value(|id| storage::clear_draft(id));
        let _ = self.status.try_set(Status::Idle);
        let _ = self.errors.try_set(Vec::new());
        let _ = self.signed.try_set(Some(reply));
    }
}

/// The petition part of a campaign.
#[component]
pub fn PetitionPart(campaign: Arc<Campaign>, lang: Signal<Lang>) -> impl IntoView {
    let Some(petition) = campaign.petition.clone() else { return ().into_any() };
    let embed = use_context::<Embed>();
    let api = embed.as_ref().and_then(|e| api_root(e.campaign_url.as_deref(), &campaign.id));
    let data_url = embed.as_ref().map(|e| e.data_url.clone()).unwrap_or_default();
    // Only a partner the campaign knows: anything else would be refused by the server.
    let partner = embed.as_ref().and_then(|e| e.partner.clone()).filter(|id| campaign.partner(id).is_some());
    let form = PetitionForm::new(&campaign.id);
    let api = StoredValue::new(api);

    // The riding data is fetched only when the postal code needs it.
    let start_loading = Callback::new(move |_: ()| {
        if matches!(form.directory.get_untracked(), DirectoryState::Idle | DirectoryState::Failed) {
            form.directory.set(DirectoryState::Loading);
            let url = data_url.clone();
            leptos::task::spawn_local(async move {
                let state = match fetch_directory(&url).await {
                    Ok(directory) => DirectoryState::Ready(Arc::new(directory)),
                    Err(detail) => {
                        web_sys::console::error_1(&format!("[voix] riding data {url}: {detail}").into());
                        DirectoryState::Failed
                    }
                };
                let _ = form.directory.try_set(state);
            });
        }
    });
    // Postal code → the ridings it may be in; a single one is the riding, several are offered to choose from.
    let postal = Memo::new(move |_| {
        form.values.with(|v| v.get("postal_code").and_then(Value::as_str).and_then(|t| PostalCode::parse(t).ok()))
    });
    Effect::new(move |_| {
        let Some(code) = postal.get() else {
            form.candidates.set(None);
            return;
        };
        let DirectoryState::Ready(directory) = form.directory.get() else {
            if matches!(form.directory.get_untracked(), DirectoryState::Idle) {
                start_loading.run(());
            }
            return;
        };
        let candidates = directory.candidates(&code);
        let riding = form.riding.get_untracked();
        if let Some(single) = candidates.single() {
            form.riding.set(Some(single));
        } else if riding.is_some_and(|r| !candidates.fed_nums().contains(&r)) {
            form.riding.set(None);
        }
        form.candidates.set(Some(candidates));
        form.save_draft();
    });

    // The counter, on show.
    if let Some(url) = api.get_value().map(|root| format!("{root}/stats")) {
        leptos::task::spawn_local(async move {
            if let Ok(reply) = api::get(&url).await {
                if reply.status == 200 {
                    if let Ok(stats) = serde_json::from_str::<Stats>(&reply.body) {
                        let _ = form.stats.try_update(|now| {
                            // Never move backwards past a count the sign reply already gave.
                            let total = now.as_ref().map_or(0, |s| s.total);
                            let mut stats = stats;
                            stats.total = stats.total.max(total);
                            *now = Some(stats);
                        });
                    }
                }
            }
        });
    }

    // Signatures left waiting by an earlier visit or a lost connection: send them now, and when back online.
    let flush = move || {
        let Some(Some(root)) = api.try_get_value() else { return };
        for entry in storage::read_queue().into_iter().filter(|entry| entry.api == root) {
            let riding = entry.body.riding;
            leptos::task::spawn_local(async move {
                if let Outcome::Signed(reply) = deliver(entry, None, |_| {}).await {
                    form.acknowledge(reply, riding);
                }
            });
        }
    };
    flush();
    if let Some(window) = web_sys::window() {
        let on_online = Closure::<dyn FnMut()>::new(flush);
        let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        // The listener lives as long as the page: the widget is never unmounted.
        on_online.forget();
        // A server that was down when the page tried: try again now and then while the page is open.
        let every_minute = Closure::<dyn FnMut()>::new(flush);
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            every_minute.as_ref().unchecked_ref(),
            RETRY_EVERY_MS,
        );
        every_minute.forget();
    }

    let statement = petition.statement.clone();
    let goal = petition.goal;
    let petition = Arc::new(petition);
    // The petition's styles join the widget's once the petition is in its shadow root.
    let mounted = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = mounted.get() {
            crate::components::part_style::adopt_beside(element.into(), crate::components::part_style::PETITION_CSS);
        }
    });
    view! {
        <div class="voix-petition" node_ref=mounted>
            <p class="voix-statement"><Loc text=statement lang/></p>
            {goal.map(|goal| view! { <p class="voix-goal">{move || goal_line(goal, lang.get())}</p> })}
            <Counter form goal lang/>
            <Show
                when=move || form.signed.with(Option::is_some)
                fallback={
                    let campaign = campaign.clone();
                    let petition = petition.clone();
                    let partner = partner.clone();
                    move || view! {
                        <SignForm campaign=campaign.clone() petition=petition.clone() partner=partner.clone()
                            api form lang start_loading/>
                    }
                }
            >
                <SignThanks campaign=campaign.clone() form lang/>
            </Show>
        </div>
    }
    .into_any()
}
