//! The petition's counter lines, in each language's way of writing numbers.

use crate::i18n::format_count;
use crate::Lang;

/// The counter's accessible text: "1,234 signatures of a 10,000 goal" / "1 234 signatures sur un objectif de
/// 10 000"; without a goal, "1,234 signatures".
pub fn progress_line(total: u64, goal: Option<u32>, lang: Lang) -> String {
    let count = format_count(total, lang);
    let unit = signatures_unit(total, lang);
    match (goal, lang) {
        (Some(goal), Lang::En) => format!("{count} {unit} of a {} goal", format_count(u64::from(goal), lang)),
        (Some(goal), Lang::Fr) => format!("{count} {unit} sur un objectif de {}", format_count(u64::from(goal), lang)),
        (None, _) => format!("{count} {unit}"),
    }
}

/// "12 people in your riding have signed" / "12 personnes de votre circonscription ont signé".
pub fn riding_line(count: u64, lang: Lang) -> String {
    let n = format_count(count, lang);
    match (lang, count) {
        (Lang::En, 1) => "1 person in your riding has signed".to_owned(),
        (Lang::En, _) => format!("{n} people in your riding have signed"),
        (Lang::Fr, 0 | 1) => format!("{n} personne de votre circonscription a signé"),
        (Lang::Fr, _) => format!("{n} personnes de votre circonscription ont signé"),
    }
}

/// The share of the goal reached, 0 to 100, for the bar's width.
pub fn percent_of_goal(total: u64, goal: u32) -> u32 {
    if goal == 0 {
        return 100;
    }
    (total.saturating_mul(100) / u64::from(goal)).min(100) as u32
}

fn signatures_unit(total: u64, lang: Lang) -> &'static str {
    match (lang, total) {
        (Lang::En, 1) => "signature",
        (Lang::Fr, 0 | 1) => "signature",
        _ => "signatures",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_follow_each_language() {
        assert_eq!(progress_line(1234, Some(10_000), Lang::En), "1,234 signatures of a 10,000 goal");
        assert_eq!(
            progress_line(1234, Some(10_000), Lang::Fr),
            "1\u{202f}234 signatures sur un objectif de 10\u{202f}000"
        );
        assert_eq!(progress_line(1, None, Lang::En), "1 signature");
        assert_eq!(progress_line(0, None, Lang::Fr), "0 signature");
        assert_eq!(riding_line(1, Lang::En), "1 person in your riding has signed");
        assert_eq!(riding_line(12, Lang::En), "12 people in your riding have signed");
        assert_eq!(riding_line(1, Lang::Fr), "1 personne de votre circonscription a signé");
        assert_eq!(riding_line(3, Lang::Fr), "3 personnes de votre circonscription ont signé");
    }

    #[test]
    fn the_bar_never_passes_full() {
        assert_eq!(percent_of_goal(0, 100), 0);
        assert_eq!(percent_of_goal(50, 200), 25);
        assert_eq!(percent_of_goal(500, 200), 100);
        assert_eq!(percent_of_goal(5, 0), 100);
    }
}
