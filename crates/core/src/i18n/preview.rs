//! The organiser preview's own lines (`index.html`, the `voix-widget` binary): kept out of `Text`, so that the
//! widget's first download does not carry strings only the preview shows.

use super::catalogue;

// French typography: see `crate::i18n`.
catalogue! {
    enum PreviewText;
    /// Shown in both languages at once.
    Checking => "Checking the campaign…", "Vérification de la campagne…";
    NoProblems => "No problems.", "Aucun problème.";
    LoadFailed => "The campaign file could not be loaded: is it in campaigns/?",
        "Le fichier de la campagne n'a pas pu être chargé\u{a0}: est-il dans campaigns/\u{202f}?";
    /// The reading grade of each explainer section.
    Grades => "Reading grade of each explainer section (8 or below reads easily)",
        "Niveau de lecture de chaque section de l'explication (8 ou moins se lit facilement)";
    Section => "Section", "Section";
}
