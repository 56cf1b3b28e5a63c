//! The as-of date of the MP list, read from `YYYY-MM-DD` and written out in each language.

use crate::date::{civil_from_days, days_from_civil, month_name};
use crate::Lang;
use std::fmt;

/// A calendar date (no time zone: the day the list was known to be right).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    year: u16,
    month: u8,
    day: u8,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl IsoDate {
    /// A real date from its parts, or `None` (month 13, February 30…).
    pub fn new(year: u16, month: u8, day: u8) -> Option<IsoDate> {
        let valid = (1000..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1;
        (valid && day <= days_in_month(year, month)).then_some(IsoDate { year, month, day })
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<IsoDate> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let year = text.get(0..4)?.parse().ok()?;
        let month = text.get(5..7)?.parse().ok()?;
        let day = text.get(8..10)?.parse().ok()?;
        IsoDate::new(year, month, day)
    }

    /// The date from a count of days since 1970-01-01 (for "today" from the system clock).
    pub fn from_days_since_epoch(days: i64) -> Option<IsoDate> {
        let (year, month, day) = civil_from_days(days);
        IsoDate::new(u16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// The count of days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(i64::from(self.year), i64::from(self.month), i64::from(self.day))
    }

    /// How many days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: IsoDate) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// "August 18, 2025" / "18 août 2025" ("1er" for the first of the month in French).
    pub fn text(&self, lang: Lang) -> String {
        let month = month_name(self.month, lang);
        match lang {
            Lang::En => format!("{month} {}, {}", self.day, self.year),
            Lang::Fr if self.day == 1 => format!("1er {month} {}", self.year),
            Lang::Fr => format!("{} {month} {}", self.day, self.year),
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write() {
        let date = IsoDate::parse("2025-08-18").expect("valid");
        assert_eq!(date.to_string(), "2025-08-18");
        assert_eq!(date.text(Lang::En), "August 18, 2025");
        assert_eq!(date.text(Lang::Fr), "18 août 2025");
        assert_eq!(IsoDate::parse("2024-02-01").map(|d| d.text(Lang::Fr)).as_deref(), Some("1er février 2024"));
        for bad in ["2025-02-29", "2025-13-01", "2025-8-18", "18/08/2025", "2025-08-18T00", "", "２０２５-08-18"] {
            assert_eq!(IsoDate::parse(bad), None, "{bad}");
        }
        assert!(IsoDate::parse("2024-02-29").is_some());
    }

    #[test]
    fn days_since_epoch_give_the_civil_date() {
        assert_eq!(IsoDate::from_days_since_epoch(0).map(|d| d.to_string()).as_deref(), Some("1970-01-01"));
        assert_eq!(IsoDate::from_days_since_epoch(20_318).map(|d| d.to_string()).as_deref(), Some("2025-08-18"));
        assert_eq!(IsoDate::from_days_since_epoch(11_016).map(|d| d.to_string()).as_deref(), Some("2000-02-29"));
    }

    #[test]
    fn days_since_epoch_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let Some(date) = IsoDate::from_days_since_epoch(days) else { continue };
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
        let (earlier, later) = (IsoDate::parse("2025-08-18"), IsoDate::parse("2026-12-08"));
        assert_eq!(earlier.zip(later).map(|(a, b)| a.days_until(b)), Some(477));
    }
}
