//! What every request handler shares.

use crate::bundle::Bundle;
use crate::campaigns::Campaigns;
use crate::config::Config;
use crate::db;
use crate::error::Error;
use sqlx::AnyPool;
use std::sync::Arc;

/// The application state: the bundle and campaigns read at start-up, and the database pool. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    pub bundle: Arc<Bundle>,
    pub campaigns: Arc<Campaigns>,
    pub db: AnyPool,
}

impl AppState {
    /// Reads the bundle and the campaigns, connects to the database and applies its migrations.
    pub async fn load(config: &Config) -> Result<AppState, Error> {
        let bundle = Bundle::load(&config.bundle_dir);
        let campaigns = Campaigns::load(&config.campaigns_dir, config.lang);
        let db = db::connect(&config.database).await?;
        Ok(AppState::new(bundle, campaigns, db))
    }

    pub fn new(bundle: Bundle, campaigns: Campaigns, db: AnyPool) -> AppState {
        AppState { bundle: Arc::new(bundle), campaigns: Arc::new(campaigns), db }
    }
}
