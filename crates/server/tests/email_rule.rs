//! One email rule for the whole project (`voix_core::checks::is_email`), checked against the mail library the
//! server sends with: every address the rule accepts, lettre parses too, over thousands of addresses made by
//! mutating real ones (so a letter or confirmation the widget and the server accept is never refused at
//! sending time).

use voix_core::checks::is_email;

const SEEDS: &[&str] = &[
    "Chris.dEntremont@parl.gc.ca",
    "o'neil+voix@example.org",
    "élise@exemple.québec",
    "a.b-c_d@sub.example-domain.ca",
    "x@y.co",
];

const PIECES: &[&str] = &[
    "", ".", "..", "@", "-", "_", "+", " ", "\"", "(", ")", ",", ";", ":", "<", ">", "[", "]", "\\", "é", "1", "ß",
    "\t", "%", "!", "#", "~", "|", "'",
];

#[test]
fn every_address_the_rule_accepts_the_mail_library_accepts() {
    let mut accepted = 0;
    let mut tried = 0;
    for seed in SEEDS {
        assert!(is_email(seed), "{seed}");
        for position in 0..=seed.chars().count() {
            let (before, after): (String, String) = {
                let chars: Vec<char> = seed.chars().collect();
                (chars[..position].iter().collect(), chars[position..].iter().collect())
            };
            for piece in PIECES {
                for candidate in [
                    format!("{before}{piece}{after}"),
                    format!("{before}{piece}{}", after.chars().skip(1).collect::<String>()),
                ] {
                    tried += 1;
                    if is_email(&candidate) {
                        accepted += 1;
                        assert!(
                            candidate.parse::<lettre::Address>().is_ok(),
                            "the rule accepts {candidate:?}, lettre does not"
                        );
                    }
                }
            }
        }
    }
    assert!(tried > 2_000 && accepted > 200, "{tried} tried, {accepted} accepted");
}
