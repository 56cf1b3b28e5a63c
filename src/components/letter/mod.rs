//! "Contact your MP": find the riding from a postal code, choose recipients, write, send.
//!
//! The state lives in one [`LetterForm`] of signals, so nothing typed is lost when the person goes back, switches
//! language or edits the letter by hand. Every rule (postal codes, ridings, composition, originality, mailto,
//! print) comes from `voix_core`; these components only hold signals and render.

mod call;
mod find;
mod recipients;
mod send;
mod server_send;
mod write;

use crate::components::text::Loc;
use crate::embed::Embed;
use crate::load::{fetch_directory, DirectoryState};
use find::FindRiding;
use leptos::prelude::*;
use recipients::{chosen_recipients, offered_senators, OwnedRecipient, Recipients};
use send::{SendLetter, Thanks};
use std::sync::Arc;
use voix_core::campaign::{Letter, SendMethod};
use voix_core::directory::{Candidates, Directory, FedNum};
use voix_core::letter::{compose, ComposedLetter, LetterInput, Sender};
use voix_core::petition::{LetterSent, LetterTarget};
use voix_core::postal::{PostalCode, PostalCodeError};
use voix_core::{Campaign, Lang};
use wasm_bindgen::JsCast;
use write::Write;

/// Everything the person has typed or chosen in the letter tool.
#[derive(Clone, Copy)]
pub struct LetterForm {
    pub postal_input: RwSignal<String>,
    pub postal_error: RwSignal<Option<PostalCodeError>>,
    pub code: RwSignal<Option<PostalCode>>,
    pub candidates: RwSignal<Option<Candidates>>,
    pub riding: RwSignal<Option<FedNum>>,
    /// The list of all ridings of the province is open ("Not my riding").
    pub choosing: RwSignal<bool>,
    pub search: RwSignal<String>,
    pub own_mp: RwSignal<bool>,
    /// One tick per extra target of the campaign.
    pub extra: RwSignal<Vec<bool>>,
    /// The senators offered that the person unticked, by name.
    pub senators_unticked: RwSignal<Vec<String>>,
    pub points: RwSignal<Vec<String>>,
    pub story: RwSignal<String>,
    pub name: RwSignal<String>,
    pub street: RwSignal<String>,
    /// Picks the wordings; a new one gives other wordings of the same points.
    pub seed: RwSignal<u64>,
    /// The person's own subject and message, once they edit them by hand.
    pub subject_edit: RwSignal<Option<String>>,
    pub message_edit: RwSignal<Option<String>>,
    pub sent: RwSignal<Option<SendMethod>>,
    pub directory: RwSignal<DirectoryState>,
}

impl LetterForm {
    fn new(letter: &Letter) -> Self {
        LetterForm {
            postal_input: RwSignal::new(String::new()),
            postal_error: RwSignal::new(None),
            code: RwSignal::new(None),
            candidates: RwSignal::new(None),
            riding: RwSignal::new(None),
            choosing: RwSignal::new(false),
            search: RwSignal::new(String::new()),
            own_mp: RwSignal::new(letter.targets.own_mp),
            extra: RwSignal::new(vec![true; letter.targets.extra.len()]),
            senators_unticked: RwSignal::new(Vec::new()),
            points: RwSignal::new(
                letter.talking_points.iter().filter(|p| p.preselected).map(|p| p.id.clone()).collect(),
            ),
            story: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            street: RwSignal::new(String::new()),
            seed: RwSignal::new(random_seed()),
            subject_edit: RwSignal::new(None),
            message_edit: RwSignal::new(None),
            sent: RwSignal::new(None),
            directory: RwSignal::new(DirectoryState::Idle),
        }
    }

    /// The riding's directory entry, once the data is loaded and a riding chosen.
    pub fn ready_directory(&self) -> Option<Arc<Directory>> {
        match self.directory.get() {
            DirectoryState::Ready(directory) => Some(directory),
            _ => None,
        }
    }
}

/// The letter part of a campaign.
#[component]
pub fn LetterPart(campaign: Arc<Campaign>, lang: Signal<Lang>) -> impl IntoView {
    let Some(letter) = campaign.letter.clone() else { return ().into_any() };
    let letter = Arc::new(letter);
    let embed = use_context::<Embed>();
    let data_url = embed.as_ref().map(|e| e.data_url.clone()).unwrap_or_default();
    let form = LetterForm::new(&letter);
    let campaign_id = campaign.id.clone();
    record_sent_letters(&campaign, embed.as_ref(), &letter, form);
    // The riding data is fetched only when the letter step needs it: when the person starts typing a postal code.
    let start_loading = {
        let data_url = data_url.clone();
        move || {
            if matches!(form.directory.get_untracked(), DirectoryState::Idle | DirectoryState::Failed) {
                form.directory.set(DirectoryState::Loading);
                let url = data_url.clone();
                leptos::task::spawn_local(async move {
                    form.directory.set(match fetch_directory(&url).await {
                        Ok(directory) => DirectoryState::Ready(Arc::new(directory)),
                        Err(detail) => {
                            web_sys::console::error_1(&format!("[voix] riding data {url}: {detail}").into());
                            DirectoryState::Failed
                        }
                    });
                });
            }
        }
    };
    let composed = Memo::new({
        let letter = letter.clone();
        move |_| compose_now(&letter, form, lang.get())
    });
    let intro = letter.intro.clone();
    let as_of = move || match form.directory.get() {
        DirectoryState::Ready(directory) => Some(view! {
            <p class="voix-muted voix-as-of">{move || voix_core::directory::as_of_line(&directory.as_of(), lang.get())}</p>
        }),
        _ => None,
    };
    // Older than the campaign allows: said beside the riding, with where to check, instead of quietly used.
    let too_old = {
        let letter = letter.clone();
        move || match form.directory.get() {
            DirectoryState::Ready(directory) if letter.data_too_old(directory.as_of(), today()?) => {
                let lang_now = lang.get();
                Some(view! {
                    <p class="voix-warning" role="note">
                        {voix_core::directory::data_too_old_line(&directory.as_of(), lang_now)} " "
                        <a href=voix_core::directory::members_page(lang_now) target="_blank" rel="noopener noreferrer">
                            {voix_core::i18n::LetterText::MembersList.get(lang_now)}
                        </a>
                    </p>
                })
            }
            _ => None,
        }
    };
    let has_riding = move || form.riding.get().is_some();
    // The letter's styles join the widget's once the letter is in its shadow root.
    let mounted = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = mounted.get() {
            crate::components::part_style::adopt_beside(element.into(), crate::components::part_style::LETTER_CSS);
        }
    });
    view! {
        <div class="voix-letter" node_ref=mounted>
            <p><Loc text=intro.clone() lang/></p>
            <FindRiding campaign=campaign.clone() letter=letter.clone() form lang start_loading=Callback::new(move |_| start_loading())/>
            {too_old}
            <Show when=has_riding>
                <Recipients letter=letter.clone() form lang/>
                <Write letter=letter.clone() form composed lang/>
                <SendLetter letter=letter.clone() form composed lang campaign_id=campaign_id.clone()/>
            </Show>
            <Show when=move || form.sent.get().is_some()>
                <Thanks campaign=campaign.clone() lang/>
            </Show>
            {as_of}
        </div>
    }
    .into_any()
}

/// Today in the reader's time zone.
pub(super) fn today() -> Option<voix_core::directory::IsoDate> {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    voix_core::directory::IsoDate::new(u16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// After each send, tells the server a letter went out (`POST /api/campaigns/{id}/letters`): counts only, never
/// the letter or the person. Fire-and-forget: a failure changes nothing for the person.
fn record_sent_letters(campaign: &Campaign, embed: Option<&Embed>, letter: &Letter, form: LetterForm) {
    let Some(url) = embed.and_then(|e| crate::api::api_root(e.campaign_url.as_deref(), &campaign.id)) else { return };
    let url = format!("{url}/letters");
    let partner = embed.and_then(|e| e.partner.clone()).filter(|id| campaign.partner(id).is_some());
    let has_own_mp = letter.targets.own_mp;
    let letter = letter.clone();
    Effect::new(move |_| {
        let Some(channel) = form.sent.get() else { return };
        let mut targets = Vec::new();
        let riding = form.riding.get_untracked();
        let directory = untrack(|| form.ready_directory());
        let mp = directory.and_then(|d| Some(d.district(riding?)?.mp().is_some())).unwrap_or(false);
        if has_own_mp && form.own_mp.get_untracked() && mp {
            targets.push(LetterTarget::OwnMp);
        }
        // A call is to the MP only; a letter also to the extra recipients and senators the person kept.
        if channel != SendMethod::Call {
            let extra = form.extra.get_untracked();
            targets
                .extend(extra.iter().enumerate().filter(|(_, ticked)| **ticked).map(|(i, _)| LetterTarget::Extra(i)));
            let senators = untrack(|| offered_senators(&letter, form.ready_directory().as_deref(), form, Lang::En));
            let unticked = form.senators_unticked.get_untracked();
            if senators.iter().any(|senator| !unticked.contains(&senator.name)) {
                targets.push(LetterTarget::Senators);
            }
        }
        if targets.is_empty() {
            return;
        }
        let sent = LetterSent { partner: partner.clone(), riding, targets, channel };
        let (url, json) = (url.clone(), serde_json::to_string(&sent).unwrap_or_default());
        leptos::task::spawn_local(async move {
            let _ = crate::api::post_json(&url, &json).await;
        });
    });
}

/// The letter as the current choices compose it (before the person's own edits).
fn compose_now(letter: &Letter, form: LetterForm, lang: Lang) -> ComposedLetter {
    let directory = form.ready_directory();
    let district = form.riding.get().and_then(|fed_num| directory.as_ref()?.district(fed_num).cloned());
    let riding_name = district.as_ref().map(|d| d.name(lang).to_owned());
    let mp = district.as_ref().and_then(|d| d.mp().cloned());
    let (story, name, street, postal) = (form.story.get(), form.name.get(), form.street.get(), form.postal_input.get());
    let points = form.points.get();
    let point_ids: Vec<&str> = points.iter().map(String::as_str).collect();
    let senators = offered_senators(letter, directory.as_deref(), form, lang);
    let recipients = chosen_recipients(letter, senators, mp.as_ref(), riding_name.as_deref(), form, lang);
    let input = LetterInput {
        lang,
        seed: form.seed.get(),
        points: &point_ids,
        story: &story,
        sender: Sender {
            name: name.trim(),
            postal_code: postal.trim(),
            street_address: Some(street.trim()).filter(|s| !s.is_empty()),
            email: None,
        },
        riding: riding_name.as_deref(),
        mp_name: mp.as_ref().map(|mp| mp.name()),
        recipient: recipients.first().map(OwnedRecipient::as_recipient).unwrap_or_default(),
    };
    compose(letter, &input)
}

/// The letter as the person will send it: the composition with their own edits.
pub fn final_letter(composed: Memo<ComposedLetter>, form: LetterForm) -> ComposedLetter {
    let mut letter = composed.get();
    if let Some(subject) = form.subject_edit.get() {
        letter.subject = subject;
    }
    if let Some(message) = form.message_edit.get() {
        letter.message = message;
    }
    letter
}

/// The shadow root an event happened in. Read it while the event is being dispatched: for events inside a shadow
/// tree, the DOM clears `event.target` once dispatch ends, so after an `await` it is gone.
pub fn event_root(event: &web_sys::Event) -> Option<web_sys::Node> {
    event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).map(|node| node.get_root_node())
}

/// Moves focus to the element with `id` in `root` once the view has updated, so that keyboard and screen-reader
/// users land on what the last action revealed instead of falling back to the page's top.
pub fn focus_after_update(root: Option<web_sys::Node>, id: &'static str) {
    let Some(root) = root else { return };
    leptos::task::spawn_local(async move {
        crate::load::sleep_ms(0).await;
        let root: &web_sys::DocumentFragment = root.unchecked_ref();
        if let Some(element) = root.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        (js_sys::Math::random() * u64::MAX as f64) as u64
    }
}
