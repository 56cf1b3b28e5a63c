//! The Senate: 105 seats by province and territory, filled by appointment. A campaign at the Senate stage of a
//! bill asks the person's own province's senators (`letter.targets.senators: "province"`) or a fixed list.
//!
//! The data has no email for most senators (the Senate publishes none in a form the sources kept): letters to
//! them are printed or copied, and mail to a senator is postage-free in Canada (Canada Post Corporation Act,
//! s. 35(2)(b)), addressed to the Senate of Canada, Ottawa ON K1A 0A4 (`letter::wording::senate`).

use super::{name_key, IsoDate, Party};
use crate::postal::Province;

/// A senator as the data lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Senator {
    pub(super) name: String,
    pub(super) province: Province,
    pub(super) division: Option<String>,
    pub(super) group: Party,
    pub(super) email: Option<String>,
    pub(super) retires_on: Option<IsoDate>,
}

impl Senator {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn province(&self) -> Province {
        self.province
    }

    /// Quebec's senatorial division, when the source gives it.
    pub fn division(&self) -> Option<&str> {
        self.division.as_deref()
    }

    /// The Senate group or caucus ("Independent Senators Group" / "Groupe des sénateurs indépendants").
    pub fn group(&self) -> &Party {
        &self.group
    }

    /// Only where a source gives it (never made from the name).
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }

    /// The day the senator turns 75, when the source gives it.
    pub fn retires_on(&self) -> Option<IsoDate> {
        self.retires_on
    }

    /// Whether the senator still sits on `today`: the Constitution retires a senator at 75.
    pub fn sits_on(&self, today: IsoDate) -> bool {
        self.retires_on.is_none_or(|retires_on| today < retires_on)
    }
}

/// The Senate as of a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Senate {
    pub(super) as_of: IsoDate,
    /// Ordered by name.
    pub(super) senators: Vec<Senator>,
}

impl Senate {
    /// The date the list was read.
    pub fn as_of(&self) -> IsoDate {
        self.as_of
    }

    pub fn senators(&self) -> &[Senator] {
        &self.senators
    }

    /// The senators of `province` sitting on `today`, by name.
    pub fn of_province(&self, province: Province, today: IsoDate) -> Vec<&Senator> {
        self.senators.iter().filter(|senator| senator.province == province && senator.sits_on(today)).collect()
    }

    /// The senator named `name` (case, accents and punctuation folded), if listed and sitting on `today`.
    pub fn named(&self, name: &str, today: IsoDate) -> Option<&Senator> {
        let key = name_key(name);
        self.senators.iter().find(|senator| name_key(&senator.name) == key && senator.sits_on(today))
    }

    /// The senator named `name`, sitting or not (for `voix check`, which says which names are unknown).
    pub fn listed(&self, name: &str) -> Option<&Senator> {
        let key = name_key(name);
        self.senators.iter().find(|senator| name_key(&senator.name) == key)
    }
}
