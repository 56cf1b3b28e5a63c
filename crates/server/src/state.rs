//! What every request handler shares.

use crate::bundle::Bundle;
use crate::campaigns::Campaigns;
use crate::config::{Config, PetitionSettings};
use crate::data_file::DataFile;
use crate::db;
use crate::error::Error;
use crate::petition::Petition;
use sqlx::AnyPool;
use std::sync::Arc;

/// The application state: the bundle, campaigns and riding data read at start-up, and the database pool. Cheap to
/// clone.
#[derive(Clone, Debug)]
pub struct AppState {
    pub bundle: Arc<Bundle>,
    pub campaigns: Arc<Campaigns>,
    pub data_file: Arc<DataFile>,
    pub db: AnyPool,
    /// Signatures, letters, counts and abuse protection.
    pub petition: Arc<Petition>,
    /// Email, when SMTP is configured.
    pub mail: Option<Arc<crate::mail::Mail>>,
    /// Work requests leave running after they answer.
    pub background: crate::background::Background,
}

impl AppState {
    /// Reads the bundle, the campaigns and the riding data, connects to the database and applies its migrations.
    pub async fn load(config: &Config) -> Result<AppState, Error> {
        let bundle = Bundle::load(&config.bundle_dir);
        let campaigns = Campaigns::load(&config.campaigns_dir, config.lang);
        let data_file = DataFile::load(&config.data_file);
        let db = db::connect(&config.database).await?;
        let state = AppState::new(bundle, campaigns, db, &config.petition).await?.with_data_file(data_file);
        match &config.mail {
            Some(mail) => Ok(state.with_mail(crate::mail::Mail::new(mail, config.lang)?)),
            None => Ok(state),
        }
    }

    /// The state without riding data (`/data/canada.json` answers 404). Starts the petition's writer on the
    /// current Tokio runtime.
    pub async fn new(
        bundle: Bundle,
        campaigns: Campaigns,
        db: AnyPool,
        settings: &PetitionSettings,
    ) -> Result<AppState, Error> {
        let petition = Arc::new(Petition::start(&db, settings.clone()).await?);
        Ok(AppState {
            bundle: Arc::new(bundle),
            campaigns: Arc::new(campaigns),
            data_file: Arc::default(),
            db,
            petition,
            mail: None,
            background: crate::background::Background::default(),
        })
    }

    /// The state with email: server delivery of letters, confirmations and withdrawals.
    pub fn with_mail(self, mail: Option<crate::mail::Mail>) -> AppState {
        AppState { mail: mail.map(Arc::new), ..self }
    }

    pub fn with_data_file(self, data_file: DataFile) -> AppState {
        AppState { data_file: Arc::new(data_file), ..self }
    }
}
