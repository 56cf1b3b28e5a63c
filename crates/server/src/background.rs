//! Work a request starts but does not wait for (the withdrawal form answers before it looks the address up), kept
//! countable so that a test, or a stop, can wait until it is done.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::Notify;

/// Spawns tasks and knows how many are still running. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Background {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    running: AtomicUsize,
    finished: Notify,
}

/// Counts a task as finished when dropped, even if it panicked.
struct Running(Arc<Inner>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.running.fetch_sub(1, Ordering::AcqRel);
        self.0.finished.notify_waiters();
    }
}

impl Background {
    /// Runs `work` on the Tokio runtime, after the caller returns.
    pub fn spawn(&self, work: impl Future<Output = ()> + Send + 'static) {
        self.inner.running.fetch_add(1, Ordering::AcqRel);
        let running = Running(Arc::clone(&self.inner));
        tokio::spawn(async move {
            let _running = running;
            work.await;
        });
    }

    /// Waits until every task spawned so far has finished.
    pub async fn idle(&self) {
        loop {
            let finished = self.inner.finished.notified();
            if self.inner.running.load(Ordering::Acquire) == 0 {
                return;
            }
            finished.await;
        }
    }
}
