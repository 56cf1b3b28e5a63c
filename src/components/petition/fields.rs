//! The form's fields: a visible label for each, hints and errors tied to the input with `aria-describedby`.

use super::PetitionForm;
use crate::components::riding_map::{locate_riding, riding_map};
use crate::components::text::Tr;
use crate::load::DirectoryState;
use leptos::prelude::*;
use serde_json::Value;
use voix_core::campaign::{FieldKind, PetitionField};
use voix_core::i18n::{label, ActionText, PetitionText};
use voix_core::{FedNum, Lang};

/// The element id of a field (`fields.email` → `voix-pet-email`); where focus goes for an error at `path`.
pub fn dom_id(path: &str) -> String {
    if let Some(field) = path.strip_prefix("fields.") {
        return format!("voix-pet-{field}");
    }
    if let Some(index) = path.strip_prefix("consents[").and_then(|rest| rest.strip_suffix(']')) {
        return format!("voix-pet-consent-{index}");
    }
    match path {
        "riding" => "voix-pet-riding".to_owned(),
        _ => "voix-pet-summary".to_owned(),
    }
}

/// How a text field looks and fills in.
#[derive(Clone, Copy)]
pub struct Input {
    pub kind: &'static str,
    pub autocomplete: &'static str,
    pub inputmode: &'static str,
    pub multiline: bool,
    pub maxlength: usize,
}

impl Input {
    pub const fn text(autocomplete: &'static str, maxlength: usize) -> Input {
        Input { kind: "text", autocomplete, inputmode: "text", multiline: false, maxlength }
    }
}

/// A line (or a box) of text.
#[component]
pub fn TextField(
    form: PetitionForm,
    field: String,
    label: Signal<String>,
    required: bool,
    input: Input,
    hint: Option<PetitionText>,
    lang: Signal<Lang>,
    #[prop(optional)] on_focus: Option<Callback<()>>,
) -> impl IntoView {
    let id = dom_id(&format!("fields.{field}"));
    let path = format!("fields.{field}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describedby = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let invalid = {
        let path = path.clone();
        move || form.error(&path).is_some().to_string()
    };
    let value = {
        let field = field.clone();
        move || form.text(&field)
    };
    let on_input = {
        let (field, path) = (field.clone(), path.clone());
        move |ev: leptos::ev::Event| {
            form.set(&field, Value::String(event_target_value(&ev)));
            form.errors.update(|errors| errors.retain(|e| e.path != path));
        }
    };
    let focus = move |_| {
        if let Some(callback) = on_focus {
            callback.run(());
        }
    };
    let control = if input.multiline {
        view! {
            <textarea id=id.clone() name=field.clone() rows="4" maxlength=input.maxlength
                aria-describedby=describedby aria-invalid=invalid
                prop:value=value on:input=on_input on:focus=focus></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=field.clone() type=input.kind autocomplete=input.autocomplete
                inputmode=input.inputmode maxlength=input.maxlength spellcheck="false"
                aria-required=required.to_string() aria-describedby=describedby aria-invalid=invalid
                prop:value=value on:input=on_input on:focus=focus/>
        }
        .into_any()
    };
    let error = move || form.error(&path);
    view! {
        <div class="voix-field">
            <label for=id.clone()>{move || label.get()}</label>
            {hint.map(|hint| view! { <p id=hint_id class="voix-muted"><Tr text=hint lang/></p> })}
            {control}
            <p id=error_id class="voix-field-error">{error}</p>
        </div>
    }
}

/// One of the campaign's own questions.
#[component]
pub fn CustomField(form: PetitionForm, field: PetitionField, lang: Signal<Lang>) -> impl IntoView {
    let required = field.required;
    let title = field.label.clone();
    let label = Signal::derive(move || {
        let lang = lang.get();
        let text = title.text(lang).to_owned();
        if required {
            text
        } else {
            format!("{text} {}", PetitionText::OptionalMark.get(lang))
        }
    });
    let id = dom_id(&format!("fields.{}", field.id));
    let path = format!("fields.{}", field.id);
    let error_id = format!("{id}-error");
    let error = {
        let path = path.clone();
        move || form.error(&path)
    };
    let invalid = move || form.error(&path).is_some().to_string();
    match field.kind {
        FieldKind::Text => view! {
            <TextField form field=field.id.clone() label required input=Input::text("off", field.max_length()) hint=None lang/>
        }
        .into_any(),
        FieldKind::Checkbox => {
            let name = field.id.clone();
            let checked = {
                let name = name.clone();
                move || form.checked(&name)
            };
            let described = error_id.clone();
            view! {
                <div class="voix-field voix-check">
                    <input type="checkbox" id=id.clone() name=name.clone() aria-describedby=described
                        aria-invalid=invalid prop:checked=checked
                        on:change=move |ev| form.set(&name, Value::Bool(event_target_checked(&ev)))/>
                    <label for=id>{move || label.get()}</label>
                    <p id=error_id class="voix-field-error">{error}</p>
                </div>
            }
            .into_any()
        }
        FieldKind::Choice => {
            let options = field
                .choices
                .iter()
                .enumerate()
                .map(|(index, choice)| {
                    let (name, value) = (field.id.clone(), choice.id.clone());
                    let option_id = if index == 0 { id.clone() } else { format!("{id}-{}", choice.id) };
                    let text = choice.label.clone();
                    let checked = {
                        let (name, value) = (name.clone(), value.clone());
                        move || form.text(&name) == value
                    };
                    view! {
                        <div class="voix-check">
                            <input type="radio" id=option_id.clone() name=name.clone() value=value.clone()
                                prop:checked=checked
                                on:change=move |_| form.set(&name, Value::String(value.clone()))/>
                            <label for=option_id>{move || text.text(lang.get()).to_owned()}</label>
                        </div>
                    }
                })
                .collect_view();
            let described = error_id.clone();
            view! {
                <fieldset class="voix-field voix-choices-field" aria-describedby=described aria-invalid=invalid>
                    <legend>{move || label.get()}</legend>
                    {options}
                    <p id=error_id class="voix-field-error">{error}</p>
                </fieldset>
            }
            .into_any()
        }
    }
}

/// The riding the postal code gives: a line when it is one riding, a choice when it may be several.
#[component]
pub fn RidingField(form: PetitionForm, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let DirectoryState::Ready(directory) = form.directory.get() else { return None };
        let candidates = form.candidates.get()?;
        let lang_now = lang.get();
        if let Some(single) = candidates.single() {
            let name = directory.district(single)?.name(lang_now).to_owned();
            return Some(
                view! {
                    <p class="voix-riding-line" id="voix-pet-riding" tabindex="-1">
                        {label(ActionText::YourRiding, lang_now)} " " <strong>{name}</strong>
                    </p>
                }
                .into_any(),
            );
        }
        if candidates.is_empty() {
            return None;
        }
        let hint = candidates.hint();
        let chosen = form.riding.get_untracked();
        let option = |fed_num: FedNum| {
            let name = directory.district(fed_num)?.name(lang_now).to_owned();
            let text = if Some(fed_num) == hint {
                format!("{name} {}", PetitionText::ProbablyYours.get(lang_now))
            } else {
                name
            };
            Some(view! { <option value=fed_num.to_string() selected=chosen == Some(fed_num)>{text}</option> })
        };
        // The ridings sharing the postal code's area first, then the rest of the province for whoever is in none.
        let short: Vec<FedNum> = candidates.short_list().iter().map(|riding| riding.fed_num).collect();
        let rest: Vec<FedNum> =
            if short.is_empty() { candidates.fed_nums().to_vec() } else { candidates.rest().to_vec() };
        // A map of the ridings the area is shared by, beside the list (the list stays the way to choose).
        let map = (short.len() > 1).then(|| riding_map::<PetitionForm>(directory.clone(), short.clone(), lang));
        let shared = (!short.is_empty()).then(|| {
            view! { <optgroup label=PetitionText::PostalAreaRidings.get(lang_now)>{short.into_iter().filter_map(option).collect_view()}</optgroup> }
        });
        let others = view! {
            <optgroup label=PetitionText::OtherRidings.get(lang_now)>
                {rest.into_iter().filter_map(option).collect_view()}
            </optgroup>
        };
        let options = view! { {shared} {others} };
        let error = move || form.error("riding");
        // "Use my location to be sure", as in the letter: the exact riding is chosen in the list.
        let locate =
            locate_riding::<PetitionForm>(candidates.provinces().to_vec(), form.riding, "voix-pet-riding", lang);
        let on_change = move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            form.riding.set(value.parse::<u32>().ok().map(FedNum));
            form.save_draft();
        };
        Some(
            view! {
                <div class="voix-field">
                    <label for="voix-pet-riding">{PetitionText::ChooseYourRiding.get(lang_now)}</label>
                    <p id="voix-pet-riding-hint" class="voix-muted">{PetitionText::SeveralRidings.get(lang_now)}</p>
                    <select id="voix-pet-riding" name="riding" aria-describedby="voix-pet-riding-hint voix-pet-riding-error"
                        on:change=on_change
                        prop:value=move || form.riding.get().map(|fed_num| fed_num.to_string()).unwrap_or_default()>
                        <option value="" selected=chosen.is_none()>{PetitionText::ChooseRidingOption.get(lang_now)}</option>
                        {options}
                    </select>
                    <p id="voix-pet-riding-error" class="voix-field-error">{error}</p>
                    {map}
                    {locate}
                </div>
            }
            .into_any(),
        )
    }
}
