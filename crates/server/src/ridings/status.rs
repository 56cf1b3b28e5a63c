//! `voix data status`: what the secretariat needs before a campaign goes out — how old each source of the data
//! file is, which seats are vacant, which MPs have no email or telephone yet, and which senators have retired.

use std::path::Path;
use voix_core::directory::{as_of_line, IsoDate};
use voix_core::{Directory, Lang};

/// "81 days ago" / "il y a 81 jours" (or "today").
fn age(days: i64, lang: Lang) -> String {
    match (days, lang) {
        (0, Lang::En) => "today".to_owned(),
        (0, Lang::Fr) => "aujourd'hui".to_owned(),
        (1, Lang::En) => "1 day ago".to_owned(),
        (1, Lang::Fr) => "il y a 1 jour".to_owned(),
        (days, Lang::En) if days < 0 => format!("{} days from now: check the system clock", -days),
        (days, Lang::Fr) if days < 0 => format!("dans {} jours\u{a0}: vérifiez l'horloge du système", -days),
        (days, Lang::En) => format!("{days} days ago"),
        (days, Lang::Fr) => format!("il y a {days} jours"),
    }
}

/// A list of names under a heading, or nothing when empty.
fn section(lines: &mut Vec<String>, heading: String, items: Vec<String>) {
    if !items.is_empty() {
        lines.push(heading);
        lines.extend(items.into_iter().map(|item| format!("  {item}")));
    }
}

/// The report's lines in `lang`, for the file at `path` read as `directory`, on `today`.
pub fn lines(directory: &Directory, path: &Path, today: IsoDate, max_age_days: i64, lang: Lang) -> Vec<String> {
    let as_of = directory.as_of();
    let days = as_of.days_until(today);
    let mut lines = vec![path.display().to_string()];
    lines.push(format!("{} ({}).", as_of_line(&as_of, lang), age(days, lang)));
    if days > max_age_days {
        lines.push(match lang {
            Lang::En => format!(
                "Older than {max_age_days} days: the widget tells readers so (a campaign's letter.max_data_age_days sets its own limit). Run voix data refresh --fetch."
            ),
            Lang::Fr => format!(
                "Plus de {max_age_days} jours\u{a0}: le widget le signale aux lecteurs (letter.max_data_age_days d'une campagne fixe sa propre limite). Lancez voix data refresh --fetch."
            ),
        });
    }
    if let Some(phones) = directory.phones_as_of() {
        lines.push(match lang {
            Lang::En => format!("Telephones as of {} ({}).", phones.text(lang), age(phones.days_until(today), lang)),
            Lang::Fr => {
                format!("Téléphones à jour au {} ({}).", phones.text(lang), age(phones.days_until(today), lang))
            }
        });
    }
    let districts = directory.districts();
    let vacant: Vec<String> = districts
        .iter()
        .filter(|district| district.mp().is_none())
        .map(|district| format!("{} ({})", district.name(lang), district.fed_num()))
        .collect();
    let seated = districts.len() - vacant.len();
    let (total, empty) = (districts.len(), vacant.len());
    let heading = match (empty, lang) {
        (0, Lang::En) => format!("{total} districts, {seated} MPs, no vacant seat."),
        (0, Lang::Fr) => format!("{total} circonscriptions, {seated} députés, aucun siège vacant."),
        (_, Lang::En) => format!("{total} districts, {seated} MPs, {empty} vacant seats:"),
        (_, Lang::Fr) => format!("{total} circonscriptions, {seated} députés, {empty} sièges vacants\u{a0}:"),
    };
    lines.push(heading);
    lines.extend(vacant.into_iter().map(|seat| format!("  {seat}")));
    let without = |missing: &dyn Fn(&voix_core::directory::Mp) -> bool| -> Vec<String> {
        districts
            .iter()
            .filter_map(|district| district.mp().filter(|mp| missing(mp)).map(|mp| (district, mp)))
            .map(|(district, mp)| format!("{} — {} ({})", mp.name(), district.name(lang), district.fed_num()))
            .collect()
    };
    let no_email = without(&|mp| mp.email().is_none());
    section(
        &mut lines,
        match lang {
            Lang::En => format!(
                "MPs without a published email ({}): readers are offered a printed letter or a call",
                no_email.len()
            ),
            Lang::Fr => format!(
                "Députés sans courriel publié ({})\u{a0}: on propose aux lecteurs une lettre imprimée ou un appel",
                no_email.len()
            ),
        },
        no_email,
    );
    let no_phone = without(&|mp| mp.hill_phone().is_none() && mp.office_phone().is_none());
    section(
        &mut lines,
        match lang {
            Lang::En => format!("MPs without a telephone ({}): no call is offered for them", no_phone.len()),
            Lang::Fr => {
                format!("Députés sans téléphone ({})\u{a0}: aucun appel n'est proposé pour eux", no_phone.len())
            }
        },
        no_phone,
    );
    if let Some(senate) = directory.senate() {
        let sitting = senate.senators().iter().filter(|senator| senator.sits_on(today)).count();
        lines.push(match lang {
            Lang::En => format!(
                "Senators as of {} ({}): {} listed, {sitting} sitting today (the others have reached 75).",
                senate.as_of().text(lang),
                age(senate.as_of().days_until(today), lang),
                senate.senators().len()
            ),
            Lang::Fr => format!(
                "Sénateurs à jour au {} ({})\u{a0}: {} inscrits, {sitting} en fonction aujourd'hui (les autres ont atteint 75 ans).",
                senate.as_of().text(lang),
                age(senate.as_of().days_until(today), lang),
                senate.senators().len()
            ),
        });
    }
    lines
}
