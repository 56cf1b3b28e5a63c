//! The `voix` binary's library: the HTTP application (`app`), its state, and the command-line commands.
//!
//! `voix serve` serves the widget bundle at `/voix/`, the valid campaigns at `/campaigns/{id}.json`, the campaign
//! schema, the riding data at `/data/canada.json`, a health check and demo partner pages. `voix check` validates
//! campaign files; `voix schema` prints the JSON Schema; `voix data` builds and refreshes the riding data;
//! `voix lookup` finds the ridings of a postal code. The petition API (`/api/…`, see [`petition`]) records
//! signatures, consents and letter counts; `voix export`, `voix token create` and `voix forget` serve organisers.

pub mod background;
pub mod bundle;
pub mod campaigns;
pub mod check;
pub mod cli;
pub mod client_ip;
pub mod compression;
pub mod config;
pub mod data_file;
pub mod db;
pub mod demo;
pub mod error;
pub mod glossary;
pub mod health;
pub mod http;
pub mod ids;
pub mod listen;
pub mod lookup;
pub mod mail;
pub mod organiser;
pub mod personal_data;
pub mod petition;
pub mod private_file;
pub mod public_url;
pub mod request_log;
pub mod ridings;
pub mod schema;
pub mod serve;
pub mod state;

pub use bundle::content_hash;
pub use config::Config;
pub use error::Error;
pub use state::AppState;

use axum::routing::get;
use axum::Router;

/// The HTTP application. Tests call it directly with `tower::ServiceExt::oneshot`, without a socket.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(demo::page))
        .route("/demo/{campaign}", get(demo::campaign_page))
        .route("/demo.css", get(demo::stylesheet))
        .route("/voix/{*path}", get(bundle::serve_file))
        .route("/campaigns/{file}", get(campaigns::serve_campaign))
        .route("/schema/campaign.v1.json", get(schema::campaign_schema))
        .route(data_file::URL_PATH, get(data_file::serve))
        .route(data_file::BOUNDARIES_PATH, get(data_file::serve_boundaries))
        .route(glossary::URL_PATH, get(glossary::serve))
        .route("/healthz", get(health::healthz))
        // Browsers ask for an icon on every page the server renders (confirmation, withdrawal): "none", not a 404.
        .route("/favicon.ico", get(|| async { axum::http::StatusCode::NO_CONTENT }))
        .merge(petition::routes::routes())
        .merge(mail::routes::routes())
        .fallback(not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn(request_log::log_request))
}

async fn not_found() -> Error {
    Error::NotFound
}
