//! The page's storage: the draft of the form, and the signatures waiting for the server.
//!
//! The draft lives in `sessionStorage`: it survives an error or a reload in this tab and is gone when the tab
//! closes, so a name and email typed on a shared or library computer are not left for the next person. The
//! pending queue lives in `localStorage`: a signature already given must survive closing the tab until the
//! server has acknowledged it, and it is removed as soon as the server has. Both are the partner site's storage:
//! neither keeps the comment, and both are dropped unread after a day (`voix_core::petition::outbox`).

use voix_core::petition::outbox::{self, Draft, Pending};

const QUEUE_KEY: &str = "voix-petition-pending";

thread_local! {
    /// The waiting signatures as given, comment included, for as long as this page is open: the stored copies
    /// lack what is never stored, so a delivery from this page sends these instead.
    static GIVEN: std::cell::RefCell<Vec<Pending>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn draft_key(campaign: &str) -> String {
    format!("voix-petition-draft:{campaign}")
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Now, in unix seconds (the browser's clock).
pub fn now_secs() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

pub fn read_draft(campaign: &str) -> Draft {
    let stored = session().and_then(|s| s.get_item(&draft_key(campaign)).ok().flatten());
    let draft = Draft::read(stored.as_deref(), now_secs());
    if stored.is_some() && draft.is_empty() {
        clear_draft(campaign);
    }
    draft
}

pub fn save_draft(campaign: &str, draft: &Draft) {
    if let Some(storage) = session() {
        let _ = if draft.is_empty() {
            storage.remove_item(&draft_key(campaign))
        } else {
            storage.set_item(&draft_key(campaign), &draft.write(now_secs()))
        };
    }
}

pub fn clear_draft(campaign: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(&draft_key(campaign));
    }
}

/// The signatures still waiting; expired or unreadable entries leave the storage as they are read.
pub fn read_queue() -> Vec<Pending> {
    let stored = local().and_then(|s| s.get_item(QUEUE_KEY).ok().flatten());
    let queue = outbox::read_queue(stored.as_deref(), now_secs());
    if stored.is_some() {
        write_queue(&queue);
    }
    GIVEN.with_borrow(|given| {
        queue
            .into_iter()
            .map(|entry| given.iter().find(|full| full.key() == entry.key()).cloned().unwrap_or(entry))
            .collect()
    })
}

fn write_queue(queue: &[Pending]) {
    if let Some(storage) = local() {
        let _ = if queue.is_empty() {
            storage.remove_item(QUEUE_KEY)
        } else {
            storage.set_item(QUEUE_KEY, &outbox::write_queue(queue))
        };
    }
}

/// Keeps `entry` until the server acknowledges it. `false` when the storage is unavailable (private modes,
/// blocked storage): the signature is then only tried while the page is open.
pub fn enqueue(entry: Pending) -> bool {
    GIVEN.with_borrow_mut(|given| outbox::enqueue(given, entry.clone()));
    let mut queue = read_queue();
    outbox::enqueue(&mut queue, entry);
    write_queue(&queue);
    local().is_some()
}

/// Forgets the entry with `key`: the server has answered for good.
pub fn settle(key: &str) {
    GIVEN.with_borrow_mut(|given| outbox::settle(given, key));
    let mut queue = read_queue();
    outbox::settle(&mut queue, key);
    write_queue(&queue);
}
