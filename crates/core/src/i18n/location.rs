//! The strings of the exact lookup from a location ("Use my location to be sure"), in the widget's map part and in
//! `voix lookup --at`: what is done with the location, and why a location gave no riding.

use super::catalogue;

// French typography: see `crate::i18n`.
catalogue! {
    enum LocationText;
    /// The button and the promise beside it.
    UseMyLocation => "Use my location to be sure", "Utiliser ma position pour m'en assurer";
    StaysInBrowser => "Your location is compared with the ridings' boundaries in this page: it is not sent anywhere.",
        "Votre position est comparée aux limites des circonscriptions dans cette page\u{a0}: elle n'est envoyée nulle part.";
    Locating => "Finding your location…", "Recherche de votre position…";
    YourLocationIsIn => "Your location is in this riding", "Votre position est dans cette circonscription";
    /// Why there is no exact answer (the short list stays).
    Refused => "Your browser did not share your location. Choose your riding from the list instead.",
        "Votre navigateur n'a pas communiqué votre position. Choisissez plutôt votre circonscription dans la liste.";
    Unavailable => "Your location could not be found just now. Choose your riding from the list instead.",
        "Votre position est introuvable pour le moment. Choisissez plutôt votre circonscription dans la liste.";
    OutsideCanada => "This location is outside Canada: find your riding by postal code instead.",
        "Cet endroit est hors du Canada\u{a0}: trouvez plutôt votre circonscription par code postal.";
    NoRiding => "This location is in none of our ridings' boundaries (it may be in a gap of the map data): choose your riding from the list by postal code.",
        "Cet endroit n'est dans aucune de nos limites de circonscriptions (peut-être un vide des données)\u{a0}: choisissez votre circonscription dans la liste par code postal.";
    Several => "This location is on a border where our map data overlaps: choose your riding from the list by postal code.",
        "Cet endroit est sur une limite où nos données se chevauchent\u{a0}: choisissez votre circonscription dans la liste par code postal.";
    /// The widget compares the location with the ridings of the postal code's province only.
    NotInProvince => "This location is in none of the ridings of your postal code's province: is it where you live? Choose your riding from the list.",
        "Cet endroit n'est dans aucune circonscription de la province de votre code postal\u{a0}: est-ce là que vous habitez\u{a0}? Choisissez votre circonscription dans la liste.";
    BoundariesUnavailable => "The ridings' boundaries could not be loaded. Choose your riding from the list instead.",
        "Les limites des circonscriptions n'ont pas pu être chargées. Choisissez plutôt votre circonscription dans la liste.";
    MapTitle => "Map of these ridings", "Carte de ces circonscriptions";
}
