//! Step two: talking points, the person's own story and name, and the whole letter, live and editable.

use super::{final_letter, LetterForm};
use crate::components::text::{Loc, Tr};
use leptos::prelude::*;
use std::sync::Arc;
use voix_core::campaign::Letter;
use voix_core::i18n::LetterText;
use voix_core::letter::ComposedLetter;
use voix_core::Lang;

#[component]
pub fn Write(
    letter: Arc<Letter>,
    form: LetterForm,
    composed: Memo<ComposedLetter>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let points = letter
        .talking_points
        .iter()
        .map(|point| {
            let (id, label) = (point.id.clone(), point.label.clone());
            let input_id = format!("voix-point-{id}");
            let label_for = input_id.clone();
            let checked = {
                let id = id.clone();
                move || form.points.with(|ids| ids.contains(&id))
            };
            view! {
                <li>
                    <label class="voix-check" for=label_for>
                        <input type="checkbox" id=input_id prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                form.points.update(|ids| {
                                    ids.retain(|existing| existing != &id);
                                    if on { ids.push(id.clone()); }
                                });
                            }/>
                        <span><Loc text=label.clone() lang/></span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let prompts = letter.story_prompts.clone();
    let prompt_list = move || {
        let lang_now = lang.get();
        prompts.iter().map(|p| view! { <li>{p.text(lang_now).to_owned()}</li> }).collect_view()
    };
    let sending = Memo::new(move |_| final_letter(composed, form));
    let originality = move || sending.with(ComposedLetter::originality);
    view! {
        <section class="voix-step" aria-labelledby="voix-write-heading">
            <h4 id="voix-write-heading"><Tr text=LetterText::ChoosePoints lang/></h4>
            <ul class="voix-points">{points}</ul>

            <label for="voix-story" class="voix-label"><Tr text=LetterText::YourStory lang/></label>
            <p id="voix-story-hint" class="voix-muted"><Tr text=LetterText::YourStoryHint lang/></p>
            <div id="voix-story-ideas" class="voix-ideas">
                <p class="voix-muted"><Tr text=LetterText::StoryIdeas lang/></p>
                <ul>{prompt_list}</ul>
            </div>
            <textarea id="voix-story" rows="5" aria-describedby="voix-story-hint voix-story-ideas"
                prop:value=move || form.story.get()
                on:input=move |ev| form.story.set(event_target_value(&ev))></textarea>

            <label for="voix-name" class="voix-label"><Tr text=LetterText::YourName lang/></label>
            <input id="voix-name" type="text" autocomplete="name"
                prop:value=move || form.name.get()
                on:input=move |ev| form.name.set(event_target_value(&ev))/>
            <label for="voix-street" class="voix-label"><Tr text=LetterText::YourStreetAddress lang/></label>
            <p id="voix-street-why" class="voix-muted"><Tr text=LetterText::StreetAddressWhy lang/></p>
            <input id="voix-street" type="text" autocomplete="street-address" aria-describedby="voix-street-why"
                prop:value=move || form.street.get()
                on:input=move |ev| form.street.set(event_target_value(&ev))/>
        </section>

        <section class="voix-step" aria-labelledby="voix-letter-heading">
            <h4 id="voix-letter-heading"><Tr text=LetterText::YourLetter lang/></h4>
            <p class="voix-muted"><Tr text=LetterText::EditHint lang/></p>
            <label for="voix-subject" class="voix-label"><Tr text=LetterText::SubjectLabel lang/></label>
            <input id="voix-subject" type="text"
                prop:value=move || sending.with(|l| l.subject.clone())
                on:input=move |ev| form.subject_edit.set(Some(event_target_value(&ev)))/>
            <div class="voix-letter-text">
                <p class="voix-salutation">{move || sending.with(|l| l.salutation.clone())}</p>
                <label for="voix-message" class="voix-sr-only"><Tr text=LetterText::YourLetter lang/></label>
                <textarea id="voix-message" rows="14"
                    prop:value=move || sending.with(|l| l.message.clone())
                    on:input=move |ev| form.message_edit.set(Some(event_target_value(&ev)))></textarea>
                <p class="voix-sign-off">{move || sending.with(|l| l.sign_off.clone())}</p>
                <p class="voix-signature">{move || sending.with(|l| l.signature.join("\n"))}</p>
            </div>
            {move || form.message_edit.with(Option::is_some).then(|| view! {
                <p class="voix-muted">
                    {LetterText::EditedNotice.get(lang.get())} " "
                    <button type="button" class="voix-link-button" on:click=move |_| {
                        form.message_edit.set(None);
                        form.subject_edit.set(None);
                    }>{LetterText::RebuildLetter.get(lang.get())}</button>
                </p>
            })}
            <div class="voix-inline">
                <button type="button" class="voix-button voix-button--secondary"
                    on:click=move |_| { form.seed.update(|s| *s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407)); form.message_edit.set(None); form.subject_edit.set(None); }>
                    <Tr text=LetterText::OtherWording lang/>
                </button>
            </div>
            <div class="voix-originality" aria-live="polite">
                <p>
                    <span class="voix-label">{move || originality().line(lang.get())}</span>
                    <meter min="0" max="100" low="20" high="50" optimum="100" value=move || originality().percent.to_string()
                        aria-label=move || LetterText::OriginalityLabel.get(lang.get())></meter>
                </p>
                <p class="voix-muted">{move || originality().level.message().get(lang.get())}</p>
            </div>
        </section>
    }
}
