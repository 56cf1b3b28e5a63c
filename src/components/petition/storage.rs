//! The page's storage: the draft of the form, and the signatures waiting for the server.
//!
//! The draft lives in `sessionStorage`: it survives an error or a reload in this tab and is gone when the tab
//! closes, so a name and email typed on a shared or library computer are not left for the next person. The
//! pending queue lives in `localStorage`: a signature already given must survive closing the tab until the
//! server has acknowledged it, and it is removed as soon as the server has.

use voix_core::petition::outbox::{self, Draft, Pending};

const QUEUE_KEY: &str = "voix-petition-pending";

fn draft_key(campaign: &str) -> String {
    format!("voix-petition-draft:{campaign}")
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn read_draft(campaign: &str) -> Draft {
    let stored = session().and_then(|s| s.get_item(&draft_key(campaign)).ok().flatten());
    Draft::read(stored.as_deref())
}

pub fn save_draft(campaign: &str, draft: &Draft) {
    if let Some(storage) = session() {
        let _ = if draft.is_empty() {
            storage.remove_item(&draft_key(campaign))
        } else {
            storage.set_item(&draft_key(campaign), &draft.write())
        };
    }
}

pub fn clear_draft(campaign: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(&draft_key(campaign));
    }
}

pub fn read_queue() -> Vec<Pending> {
    let stored = local().and_then(|s| s.get_item(QUEUE_KEY).ok().flatten());
    outbox::read_queue(stored.as_deref())
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
    let mut queue = read_queue();
    outbox::enqueue(&mut queue, entry);
    write_queue(&queue);
    local().is_some()
}

/// Forgets the entry with `key`: the server has answered for good.
pub fn settle(key: &str) {
    let mut queue = read_queue();
    outbox::settle(&mut queue, key);
    write_queue(&queue);
}
