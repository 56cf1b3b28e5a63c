//! Whether a campaign may run on the page that embeds it: the organiser lists each partner's website origins, and
//! the Voix server accepts signatures and letters only from those (naming the partner) or from its own pages.
//!
//! The campaign file itself is public, so the widget reads it anywhere and applies this rule first: a site the
//! organiser has not listed yet tells its reader plainly that the campaign is not available there, and tells its
//! webmaster exactly what to ask for, instead of failing later on a refused request.

use super::Campaign;

/// Why the campaign does not run on this page. [`NotOnThisSite::advice`] is the console line for the webmaster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotOnThisSite {
    /// `data-partner` names no partner of the campaign.
    UnknownPartner { campaign: String, given: String, known: Vec<String> },
    /// The page's origin is not among the origins of the partner the tag names (or of any partner, with none named).
    OriginNotListed {
        campaign: String,
        origin: String,
        /// The partner the script tag names, with its place in `partners`.
        partner: Option<(usize, String)>,
    },
    /// The page's origin belongs to partners, but the script tag does not say which one.
    PartnerNotNamed { campaign: String, candidates: Vec<String> },
}

impl Campaign {
    /// Checks that the campaign can run on a page of `page_origin` whose script tag says `data-partner="partner"`,
    /// with the widget from the Voix server at `voix_origin` (whose own pages need no listing).
    pub fn check_site(&self, page_origin: &str, voix_origin: &str, partner: Option<&str>) -> Result<(), NotOnThisSite> {
        let campaign = || self.id.clone();
        let named = match partner {
            None => None,
            Some(given) => match self.partners.iter().position(|p| p.id == given) {
                Some(index) => Some(index),
                None => {
                    let known = self.partners.iter().map(|p| p.id.clone()).collect();
                    return Err(NotOnThisSite::UnknownPartner { campaign: campaign(), given: given.to_owned(), known });
                }
            },
        };
        if page_origin == voix_origin {
            return Ok(());
        }
        let lists = |index: usize| self.partners[index].origins.iter().any(|listed| listed == page_origin);
        match named {
            Some(index) if lists(index) => Ok(()),
            Some(index) => Err(NotOnThisSite::OriginNotListed {
                campaign: campaign(),
                origin: page_origin.to_owned(),
                partner: Some((index, self.partners[index].id.clone())),
            }),
            None => {
                let candidates: Vec<String> =
                    (0..self.partners.len()).filter(|&i| lists(i)).map(|i| self.partners[i].id.clone()).collect();
                if candidates.is_empty() {
                    Err(NotOnThisSite::OriginNotListed {
                        campaign: campaign(),
                        origin: page_origin.to_owned(),
                        partner: None,
                    })
                } else {
                    Err(NotOnThisSite::PartnerNotNamed { campaign: campaign(), candidates })
                }
            }
        }
    }
}

impl NotOnThisSite {
    /// What the webmaster should do, in English (the console is a developer tool).
    pub fn advice(&self) -> String {
        let ids = |ids: &[String]| ids.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ");
        match self {
            NotOnThisSite::UnknownPartner { campaign, given, known } if known.is_empty() => format!(
                "data-partner=\"{given}\" is unknown: campaign {campaign} has no partners yet; ask the organiser to \
                 add yours to its partners"
            ),
            NotOnThisSite::UnknownPartner { campaign, given, known } => format!(
                "data-partner=\"{given}\" is unknown: the partners of campaign {campaign} are {}; use your \
                 organisation's id",
                ids(known)
            ),
            NotOnThisSite::OriginNotListed { campaign, origin, partner: Some((index, id)) } => format!(
                "this site is not listed for partner \"{id}\": ask the organiser to add {origin} to \
                 partners[{index}].origins of campaign {campaign}"
            ),
            NotOnThisSite::OriginNotListed { campaign, origin, partner: None } => format!(
                "this site is not a partner of campaign {campaign}: ask the organiser to add {origin} to \
                 partners[…].origins of campaign {campaign}, then add data-partner=\"YOUR-PARTNER-ID\" to the script tag"
            ),
            NotOnThisSite::PartnerNotNamed { campaign, candidates } => {
                let choices: Vec<String> = candidates.iter().map(|id| format!("data-partner=\"{id}\"")).collect();
                format!(
                    "the script tag has no data-partner, and campaign {campaign} needs one on this site: add {} to \
                     the script tag",
                    choices.join(" or ")
                )
            }
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
