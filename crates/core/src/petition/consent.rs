//! The consent boxes of the petition, as Canada's anti-spam law (CASL) wants them: one per organisation that asks
//! to keep in touch, never ticked in advance, each saying who asks, how to reach them and how to withdraw.

use super::sha256_hex;
use crate::campaign::{Campaign, Partner};
use crate::i18n::{label, Text};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// Whose consent box: the organiser's, or the partner's whose site shows the petition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConsentTo {
    Organiser,
    Partner,
}

/// One consent box as the widget shows it. `text` is everything the person reads about it, and what the server
/// records; `version` is its SHA-256, which the widget sends back for a ticked box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConsentOffer {
    pub to: ConsentTo,
    /// The partner's id, for the partner's box.
    pub partner: Option<String>,
    /// The organisation's name.
    pub organisation: String,
    /// The checkbox's label: the campaign's wording.
    pub wording: String,
    /// How to reach the organisation (and withdraw): the organiser's mailing address and email, website or
    /// phone; a partner's privacy policy.
    pub contact: String,
    /// The organisation's privacy policy.
    pub privacy_policy: Option<String>,
    /// "You can withdraw this consent at any time: …".
    pub withdrawal: String,
    /// The wording, the withdrawal sentence and the privacy policy, one per line: the exact text recorded.
    pub text: String,
    /// The SHA-256 of `text`, in hex.
    pub version: String,
}

/// The consent boxes a signer sees in `lang` on `partner`'s site (or on the organiser's own page): the
/// organiser's first when it asks for consent, then the partner's.
pub fn consent_offers(campaign: &Campaign, partner: Option<&Partner>, lang: Lang) -> Vec<ConsentOffer> {
    let mut offers = Vec::new();
    let organiser = &campaign.organiser;
    if let Some(wording) = &organiser.consent {
        let address = organiser.mailing_address.lines().map(str::trim).collect::<Vec<_>>().join(", ");
        let reach = [&organiser.email, &organiser.website, &organiser.phone].into_iter().flatten().next();
        let contact = match reach {
            Some(reach) => format!("{address}, {reach}"),
            None => address,
        };
        offers.push(ConsentOffer::new(
            ConsentTo::Organiser,
            None,
            organiser.name.text(lang),
            wording.text(lang),
            contact,
            organiser.privacy_policy.as_ref().map(|policy| policy.text(lang).to_owned()),
            lang,
        ));
    }
    if let Some(partner) = partner {
        let policy = partner.privacy_policy.text(lang).to_owned();
        offers.push(ConsentOffer::new(
            ConsentTo::Partner,
            Some(partner.id.clone()),
            partner.name.text(lang),
            partner.consent.text(lang),
            policy.clone(),
            Some(policy),
            lang,
        ));
    }
    offers
}

impl ConsentOffer {
    fn new(
        to: ConsentTo,
        partner: Option<String>,
        organisation: &str,
        wording: &str,
        contact: String,
        privacy_policy: Option<String>,
        lang: Lang,
    ) -> ConsentOffer {
        let wording = wording.trim().to_owned();
        let withdrawal = match lang {
            Lang::En => format!("You can withdraw this consent at any time: contact {organisation} ({contact})."),
            Lang::Fr => format!(
                "Vous pouvez retirer ce consentement en tout temps\u{a0}: communiquez avec {organisation} ({contact})."
            ),
        };
        let mut text = format!("{wording}\n{withdrawal}");
        if let Some(policy) = &privacy_policy {
            text.push_str(&format!("\n{} {policy}", label(Text::PrivacyPolicy, lang)));
        }
        let version = sha256_hex(text.as_bytes());
        ConsentOffer {
            to,
            partner,
            organisation: organisation.to_owned(),
            wording,
            contact,
            privacy_policy,
            withdrawal,
            text,
            version,
        }
    }
}
