//! `voix serve`: binds, serves until Ctrl-C or SIGTERM, then lets requests in flight finish.

use crate::config::Config;
use crate::error::Error;
use crate::state::AppState;

/// Starts the server on `addr` (e.g. `127.0.0.1:8080`; port 0 picks a free one) and prints its URL.
pub async fn serve(addr: &str, config: &Config) -> Result<(), Error> {
    let state = AppState::load(config).await?;
    let pool = state.db.clone();
    if let Some(mail) = state.mail.clone() {
        tracing::info!(
            "email: server delivery offered (test mode: {}); letters per hour at most {} per sender, {} per office",
            mail.settings.mail_test_mode,
            mail.settings.mail_cap_sender,
            mail.settings.mail_cap_office
        );
        let every = mail.settings.purge_every_secs;
        tokio::spawn(crate::mail::queue::run(state.clone(), mail));
        if every > 0 {
            let pool = pool.clone();
            tokio::spawn(async move {
                let mut interval = tokio::time::interval(std::time::Duration::from_secs(every));
                loop {
                    interval.tick().await;
                    match crate::mail::purge::purge(&pool, crate::ids::now_secs()).await {
                        Ok(purged) => tracing::info!("purge: {purged:?}"),
                        Err(error) => tracing::warn!("purge: {error}"),
                    }
                }
            });
        }
    } else {
        tracing::info!("email: no --smtp-host, so the server does not send letters itself");
    }
    let listener =
        tokio::net::TcpListener::bind(addr).await.map_err(|source| Error::Listen { addr: addr.to_owned(), source })?;
    let local = listener.local_addr().map_err(|source| Error::Listen { addr: addr.to_owned(), source })?;
    println!("Voix is serving on http://{local}/");
    // The socket's address is the client's for the rate limits (see `--trusted-proxy`).
    crate::listen::serve(listener, crate::app(state), config.limits, shutdown_signal()).await;
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or (on Unix) SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!("cannot listen for Ctrl-C: {error}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!("cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
