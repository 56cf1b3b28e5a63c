//! The live counter: signatures so far against the goal, and the signer's riding.

use super::PetitionForm;
use leptos::prelude::*;
use voix_core::petition::display::{progress_line, riding_line};
use voix_core::Lang;

#[component]
pub fn Counter(form: PetitionForm, goal: Option<u32>, lang: Signal<Lang>) -> impl IntoView {
    move || {
        let stats = form.stats.get()?;
        let lang_now = lang.get();
        let goal = stats.goal.or(goal);
        let line = progress_line(stats.total, goal, lang_now);
        let riding = form.riding.get().and_then(|riding| {
            let signed = form.signed.with(|s| s.as_ref().and_then(|reply| reply.riding_total));
            let count = signed.unwrap_or_else(|| stats.riding(riding));
            (count > 0).then(|| view! { <p class="voix-riding-count">{riding_line(count, lang_now)}</p> })
        });
        let bar = goal.map(|goal| {
            let value = stats.total.min(u64::from(goal));
            view! {
                <progress class="voix-progress" max=goal.to_string() value=value.to_string()
                    aria-labelledby="voix-pet-count"></progress>
            }
        });
        Some(view! {
            <div class="voix-counter">
                <p class="voix-count" id="voix-pet-count" aria-live="polite">{line}</p>
                {bar}
                {riding}
            </div>
        })
    }
}
