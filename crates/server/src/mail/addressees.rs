//! Who a server letter may go to, named from the server's own data: the person's MP from the riding data file
//! (the MP of the riding they chose), or one of the campaign's fixed recipients. The client sends addresses only;
//! any other address, an MP of another riding, or an MP when the server has no riding data is refused, so the
//! confirmation email never names someone the client made up and the server is never a relay.

use voix_core::campaign::Letter;
use voix_core::letter::server::{LetterProblem, ServerLetter};
use voix_core::{Directory, FedNum, Lang};

/// A recipient as the server will write to them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addressee {
    pub name: String,
    /// Lowercase.
    pub email: String,
}

/// The letter's recipients with their names, and the name of the riding it is written from (in `lang`).
#[derive(Debug, PartialEq, Eq)]
pub struct Addressees {
    pub recipients: Vec<Addressee>,
    pub riding: Option<String>,
}

/// Resolves every recipient of `letter` (already [`ServerLetter::check`]ed), once each, in the order given.
pub fn resolve(
    letter: &ServerLetter,
    settings: &Letter,
    directory: Option<&Directory>,
    lang: Lang,
) -> Result<Addressees, LetterProblem> {
    let district = letter.fed_num.and_then(|fed_num| directory?.district(FedNum(fed_num)));
    if letter.fed_num.is_some() && district.is_none() {
        return Err(LetterProblem::Recipients);
    }
    let mut recipients: Vec<Addressee> = Vec::new();
    for recipient in &letter.recipients {
        let address = recipient.email.trim().to_lowercase();
        if !voix_core::checks::is_email(&address) || recipients.iter().any(|known| known.email == address) {
            return Err(LetterProblem::Recipients);
        }
        let target = settings.targets.extra.iter().find(|target| target.email.trim().eq_ignore_ascii_case(&address));
        let own_mp = district
            .filter(|_| settings.targets.own_mp)
            .and_then(|district| district.mp())
            .filter(|mp| mp.email().is_some_and(|email| email.trim().eq_ignore_ascii_case(&address)));
        let name = match (target, own_mp) {
            (Some(target), _) => target.name.trim().to_owned(),
            (None, Some(mp)) => mp.name().to_owned(),
            (None, None) => return Err(LetterProblem::Recipients),
        };
        recipients.push(Addressee { name, email: address });
    }
    Ok(Addressees { recipients, riding: district.map(|district| district.name(lang).to_owned()) })
}
