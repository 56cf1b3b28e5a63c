//! Whether a campaign may run on the page that embeds it: the organiser lists each partner's website origins, and
//! the Voix server accepts signatures and letters only from those (naming the partner) or from its own pages.
//!
//! The campaign file itself is public, so the widget reads it anywhere and applies this rule first: a site the
//! organiser has not listed yet tells its reader plainly that the campaign is not available there, and tells its
//! webmaster exactly what to ask for, instead of failing later on a refused request.

use super::Campaign;

/// Why the campaign does not run on this page, borrowing from the campaign. [`NotOnThisSite::advice`] is the console
/// line for the webmaster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NotOnThisSite<'c> {
    /// `data-partner` names no partner of the campaign.
    UnknownPartner { campaign: &'c Campaign, given: &'c str },
    /// The page's origin is not among the origins of the partner the tag names (`partner`, its place in
    /// `partners`), or of any partner when the tag names none.
    OriginNotListed { campaign: &'c Campaign, origin: &'c str, partner: Option<usize> },
    /// The page's origin belongs to partners, but the script tag does not say which one.
    PartnerNotNamed { campaign: &'c Campaign, origin: &'c str },
}

impl Campaign {
    /// Checks that the campaign can run on a page of `page_origin` whose script tag says `data-partner="partner"`,
    /// with the widget from the Voix server at `voix_origin` (whose own pages need no listing).
    pub fn check_site<'c>(
        &'c self,
        page_origin: &'c str,
        voix_origin: &str,
        partner: Option<&'c str>,
    ) -> Result<(), NotOnThisSite<'c>> {
        let named = match partner {
            None => None,
            Some(given) => match self.partners.iter().position(|p| p.id == given) {
                Some(index) => Some(index),
                None => return Err(NotOnThisSite::UnknownPartner { campaign: self, given }),
            },
        };
        if page_origin == voix_origin {
            return Ok(());
        }
        let listed = self.partners_listing(page_origin).next().is_some();
        match named {
            Some(index) if self.partners[index].origins.iter().any(|o| o == page_origin) => Ok(()),
            None if listed => Err(NotOnThisSite::PartnerNotNamed { campaign: self, origin: page_origin }),
            partner => Err(NotOnThisSite::OriginNotListed { campaign: self, origin: page_origin, partner }),
        }
    }

    /// The ids of the partners that list `origin`.
    fn partners_listing<'c>(&'c self, origin: &'c str) -> impl Iterator<Item = &'c str> + 'c {
        self.partners.iter().filter(move |p| p.origins.iter().any(|o| o == origin)).map(|p| p.id.as_str())
    }
}

/// `"a", "b"` or `data-partner="a" or data-partner="b"`: one list for the console line, without a Vec.
fn list<'a>(items: impl Iterator<Item = &'a str>, before: &str, separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(before);
        out.push('"');
        out.push_str(item);
        out.push('"');
    }
    out
}

impl NotOnThisSite<'_> {
    /// What the webmaster should do, in English (the console is a developer tool).
    pub fn advice(&self) -> String {
        match *self {
            NotOnThisSite::UnknownPartner { campaign, given } => format!(
                "data-partner=\"{given}\" is unknown: the partners of campaign {} are {}; use your organisation's id",
                campaign.id,
                list(campaign.partners.iter().map(|p| p.id.as_str()), "", ", ")
            ),
            NotOnThisSite::OriginNotListed { campaign, origin, partner: Some(index) } => format!(
                "this site is not listed for partner \"{}\": ask the organiser to add {origin} to \
                 partners[{index}].origins of campaign {}",
                campaign.partners[index].id, campaign.id
            ),
            NotOnThisSite::OriginNotListed { campaign, origin, partner: None } => format!(
                "this site is not a partner of campaign {0}: ask the organiser to add {origin} to \
                 partners[…].origins of campaign {0}, then add data-partner=\"YOUR-PARTNER-ID\" to the script tag",
                campaign.id
            ),
            NotOnThisSite::PartnerNotNamed { campaign, origin } => format!(
                "the script tag has no data-partner, and campaign {} needs one on this site: add {} to the script tag",
                campaign.id,
                list(campaign.partners_listing(origin), "data-partner=", " or ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign() -> Campaign {
        let source = include_str!("../../../../campaigns/lawful-access.json");
        crate::validate::validate_campaign(source, None).campaign.expect("the example campaign is valid")
    }

    const VOIX: &str = "https://voix.example.org";

    #[test]
    fn a_listed_origin_with_its_partner_runs() {
        let c = campaign();
        let origin = c.partners[0].origins[0].clone();
        assert_eq!(c.check_site(&origin, VOIX, Some(&c.partners[0].id)), Ok(()));
    }

    #[test]
    fn the_voix_servers_own_pages_need_no_listing() {
        let c = campaign();
        assert_eq!(c.check_site(VOIX, VOIX, None), Ok(()));
        assert_eq!(c.check_site(VOIX, VOIX, Some("demo")), Ok(()));
    }

    #[test]
    fn an_unlisted_site_is_told_which_list_to_join() {
        let c = campaign();
        let refusal = c.check_site("https://example.org", VOIX, Some("demo")).expect_err("not listed");
        assert_eq!(
            refusal.advice(),
            "this site is not listed for partner \"demo\": ask the organiser to add https://example.org to \
             partners[0].origins of campaign lawful-access"
        );
        let anonymous = c.check_site("https://example.org", VOIX, None).expect_err("not listed");
        assert!(
            anonymous.advice().contains(
                "ask the organiser to add https://example.org to partners[…].origins of campaign lawful-access"
            ),
            "{}",
            anonymous.advice()
        );
    }

    #[test]
    fn an_unknown_partner_names_the_known_ones() {
        let c = campaign();
        let refusal = c.check_site(VOIX, VOIX, Some("x")).expect_err("unknown partner");
        let known = c.partners.iter().map(|p| format!("\"{}\"", p.id)).collect::<Vec<_>>().join(", ");
        assert_eq!(
            refusal.advice(),
            format!("data-partner=\"x\" is unknown: the partners of campaign lawful-access are {known}; use your organisation's id")
        );
    }

    #[test]
    fn a_partner_site_must_say_which_partner_it_is() {
        let c = campaign();
        let origin = c.partners[0].origins[0].clone();
        let refusal = c.check_site(&origin, VOIX, None).expect_err("no data-partner");
        assert!(refusal.advice().ends_with(&format!("add data-partner=\"{}\" to the script tag", c.partners[0].id)));
    }
}
