//! Which senators a letter goes to: the campaign's `letter.targets.senators` ("province" or names) read against
//! the Senate in the riding data, for the person's province, on the day they write.

use super::wording;
use crate::campaign::{Senators, SenatorsOf};
use crate::directory::senate::{Senate, Senator};
use crate::directory::IsoDate;
use crate::postal::Province;
use crate::validate::{Message, Problem};
use crate::Lang;

/// The senators to offer, by name: those of `province` (unknown until the postal code is), or the named ones who
/// are listed and sitting on `today` (a name the data does not have is left out; `voix check` names it).
pub fn senators_to_write<'s>(
    targets: &Senators,
    senate: &'s Senate,
    province: Option<Province>,
    today: IsoDate,
) -> Vec<&'s Senator> {
    match targets {
        Senators::Of(SenatorsOf::Province) => {
            province.map(|province| senate.of_province(province, today)).unwrap_or_default()
        }
        Senators::Named(names) => names.iter().filter_map(|name| senate.named(name, today)).collect(),
    }
}

/// A senator's role on their card and letter: "Senator for Ontario" / "Membre du Sénat, Ontario".
pub fn senator_role(senator: &Senator, lang: Lang) -> String {
    senator_role_in(senator.province(), lang)
}

/// The role of a senator for `province`.
pub fn senator_role_in(province: Province, lang: Lang) -> String {
    wording::senator_role(province, lang)
}

/// For `voix check`: a warning for each senator `targets` names that the Senate list does not have, or who has
/// left it by `today` (the widget leaves such names out). "province" names nobody, so it has none.
pub fn name_problems(targets: &Senators, senate: &Senate, today: IsoDate) -> Vec<Problem> {
    let Senators::Named(names) = targets else { return Vec::new() };
    let mut problems = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let at = format!("letter.targets.senators[{index}]");
        match senate.listed(name) {
            None => problems.push(Problem::warning(
                at,
                Message::UnknownSenator { name: name.clone(), as_of: senate.as_of().to_string() },
            )),
            Some(senator) if !senator.sits_on(today) => {
                let retired_on = senator.retires_on().map(|date| date.to_string()).unwrap_or_default();
                problems.push(Problem::warning(at, Message::RetiredSenator { name: name.clone(), retired_on }));
            }
            Some(_) => {}
        }
    }
    problems
}
