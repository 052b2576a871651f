//! In the contact wizard's points category: once the shop and the date of use are typed, the
//! member is told when a click still being judged will be decided — and may still send.
//!
//! Written with a plain signal and one task per question rather than a resource: this sits in
//! the contact area's budgeted first load, and a resource of a new type cost several KB there.
use super::api::ask_judgement_hint;
use crate::calendar::Day;
use crate::i18n::{msg, use_i18n, Lang};
use leptos::prelude::*;
use std::time::Duration;

/// Pause after typing before asking (each question may reach the parent site).
const DEBOUNCE: Duration = Duration::from_millis(700);

#[component]
pub fn JudgementNote(#[prop(into)] shop: Signal<String>, #[prop(into)] used_on: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let expected = RwSignal::new(None::<Day>);
    // Each change starts a new question; an answer to an older one is dropped.
    let question = StoredValue::new(0u32);
    Effect::new(move |_| {
        let (shop, used_on) = (shop.get(), used_on.get());
        let n = question.get_value().wrapping_add(1);
        question.set_value(n);
        if shop.trim().is_empty() || Day::parse(&used_on).is_none() {
            expected.set(None);
            return;
        }
        set_timeout(
            move || {
                if question.get_value() != n {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let answer = ask_judgement_hint(shop, used_on).await.ok().flatten();
                    if question.get_value() == n {
                        expected.set(answer);
                    }
                });
            },
            DEBOUNCE,
        );
    });
    move || {
        expected.get().map(|day| {
            let date = move || match i18n.get() {
                Lang::Ja => format!("{}月{}日", day.month(), day.day()),
                Lang::En => day.to_string(),
            };
            view! {
                <p class="notice judgement-note" role="status">
                    {i18n.t(msg::PARENT_HINT_BEFORE)} {date} {i18n.t(msg::PARENT_HINT_AFTER)}
                </p>
            }
        })
    }
}
