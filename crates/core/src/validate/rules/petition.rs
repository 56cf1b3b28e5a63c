//! Rules for the `petition` section and the organiser's consent: the campaign's own fields (ids, choices, what
//! each kind takes) and the privacy policy every consent box needs.

use super::super::path;
use super::super::problem::{Message, Problem};
use super::Rules;
use crate::campaign::{FieldKind, Petition, PetitionField};
use crate::petition::BUILT_IN_FIELDS;

impl Rules<'_> {
    pub(super) fn petition(&mut self, petition: &Petition) {
        self.text("petition.statement", &petition.statement);
        let mut ids: Vec<&str> = Vec::new();
        for (i, field) in petition.fields.iter().enumerate() {
            let at = path::index("petition.fields", i);
            let id_at = path::key(&at, "id");
            if BUILT_IN_FIELDS.contains(&field.id.as_str()) {
                self.error(id_at, Message::ReservedFieldId { id: field.id.clone() });
            } else {
                self.id(&id_at, &field.id);
                if ids.contains(&field.id.as_str()) {
                    self.error(id_at, Message::DuplicateId { id: field.id.clone() });
                }
            }
            ids.push(&field.id);
            self.text(&path::key(&at, "label"), &field.label);
            self.petition_field(&at, field);
        }
    }

    fn petition_field(&mut self, at: &str, field: &PetitionField) {
        let kind = field.kind.code().to_owned();
        if field.max_length.is_some() && field.kind != FieldKind::Text {
            self.error(path::key(at, "max_length"), Message::NotForKind { field: "max_length".into(), kind });
            return;
        }
        if field.kind != FieldKind::Choice {
            if !field.choices.is_empty() {
                self.error(path::key(at, "choices"), Message::NotForKind { field: "choices".into(), kind });
            }
            return;
        }
        let choices_at = path::key(at, "choices");
        if field.choices.len() < 2 {
            self.error(&*choices_at, Message::TooFewItems { min: 2 });
        }
        let mut seen: Vec<&str> = Vec::new();
        for (j, choice) in field.choices.iter().enumerate() {
            let choice_at = path::index(&choices_at, j);
            let id_at = path::key(&choice_at, "id");
            self.id(&id_at, &choice.id);
            if seen.contains(&choice.id.as_str()) {
                self.error(id_at, Message::DuplicateId { id: choice.id.clone() });
            }
            seen.push(&choice.id);
            self.text(&path::key(&choice_at, "label"), &choice.label);
        }
    }

    /// The organiser's consent box: translated, and backed by a privacy policy (partners must give one anyway).
    pub(super) fn organiser_consent(&mut self) {
        let organiser = &self.campaign.organiser;
        let Some(consent) = &organiser.consent else { return };
        self.text("organiser.consent", consent);
        if organiser.privacy_policy.is_none() {
            self.out.push(Problem::error("organiser.consent", Message::ConsentNeedsPrivacyPolicy));
        }
    }
}
