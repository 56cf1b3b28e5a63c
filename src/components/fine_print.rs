//! The sender identification Canada's anti-spam law asks for, and the partner's privacy policy.

use super::text::{Loc, Tr};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::Partner;
use voix_core::i18n::{label, Text};
use voix_core::{Campaign, Lang, Localized};

#[component]
pub fn FinePrint(campaign: Arc<Campaign>, partner: Option<Partner>, lang: Signal<Lang>) -> impl IntoView {
    let organiser = campaign.organiser.clone();
    let name = organiser.name.clone();
    let address = organiser.mailing_address.clone();
    let email = organiser.email.clone().map(|email| {
        let href = format!("mailto:{email}");
        view! { <a href=href>{email}</a> }
    });
    let website = organiser.website.clone().map(|site| view! { <ExternalLink href=site.clone() label=site lang/> });
    let phone = organiser.phone.clone().map(|phone| view! { <span>{phone}</span> });
    let organiser_policy = organiser.privacy_policy.clone().map(|policy| view! { <PolicyLink policy lang/> });
    let partner_line = partner.map(|partner| {
        let partner_name = partner.name.clone();
        view! {
            <p>
                {move || label(Text::SharedBy, lang.get())} " " <Loc text=partner_name.clone() lang/> ". "
                <PolicyLink policy=partner.privacy_policy lang/>
            </p>
        }
    });
    view! {
        <div class="voix-fine-print">
            <p>
                {move || label(Text::CampaignBy, lang.get())} " " <Loc text=name.clone() lang/> ". "
                {move || label(Text::MailingAddress, lang.get())} " " {address} ". "
            </p>
            <p>{move || label(Text::Contact, lang.get())} " " {email} " " {website} " " {phone} " " {organiser_policy}</p>
            {partner_line}
        </div>
    }
}

#[component]
fn PolicyLink(policy: Localized, lang: Signal<Lang>) -> impl IntoView {
    let href = Signal::derive(move || policy.text(lang.get()).to_owned());
    view! {
        <a href=move || href.get() target="_blank" rel="noopener noreferrer">
            <Tr text=Text::PrivacyPolicy lang/>
            <span class="voix-sr-only">" " <Tr text=Text::OpensInNewTab lang/></span>
        </a>
    }
}

#[component]
fn ExternalLink(href: String, label: String, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {label.trim_start_matches("https://").trim_end_matches('/').to_owned()}
            <span class="voix-sr-only">" " <Tr text=Text::OpensInNewTab lang/></span>
        </a>
    }
}
