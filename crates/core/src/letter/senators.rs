//! Which senators a letter goes to: the campaign's `letter.targets.senators` ("province" or names) read against
//! the Senate in the riding data, for the person's province, on the day they write.

use super::wording;
use crate::campaign::{Senators, SenatorsOf};
use crate::directory::senate::{Senate, Senator};
use crate::directory::IsoDate;
use crate::postal::Province;
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
