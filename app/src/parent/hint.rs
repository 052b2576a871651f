//! In the contact wizard's points category: once the shop and the date of use are typed, the
//! member is told when a click still being judged will be decided — and may still send.
use super::api::ask_judgement_hint;
use super::JudgementHint;
use crate::calendar::Day;
use crate::i18n::{msg, use_i18n, Lang};
use leptos::prelude::*;
use std::time::Duration;

/// Pause after typing before asking (each question may reach the parent site).
const DEBOUNCE: Duration = Duration::from_millis(700);

#[component]
pub fn JudgementNote(#[prop(into)] shop: Signal<String>, #[prop(into)] used_on: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let asked = move || {
        let (shop, used_on) = (shop.get(), used_on.get());
        (!shop.trim().is_empty() && Day::parse(&used_on).is_some()).then_some((shop, used_on))
    };
    let settled = RwSignal::new(None::<(String, String)>);
    Effect::new(move |_| {
        let now = asked();
        set_timeout(
            move || {
                if asked() == now {
                    settled.set(now);
                }
            },
            DEBOUNCE,
        );
    });
    let hint = LocalResource::new(move || async move {
        match settled.get() {
            Some((shop, used_on)) => ask_judgement_hint(shop, used_on).await.unwrap_or(JudgementHint::Nothing),
            None => JudgementHint::Nothing,
        }
    });
    move || match hint.get() {
        Some(JudgementHint::Pending { expected_on }) => {
            let date = move || match i18n.get() {
                Lang::Ja => format!("{}月{}日", expected_on.month(), expected_on.day()),
                Lang::En => expected_on.to_string(),
            };
            Some(view! {
                <p class="notice judgement-note" role="status">
                    {i18n.t(msg::PARENT_HINT_BEFORE)} {date} {i18n.t(msg::PARENT_HINT_AFTER)}
                </p>
            })
        }
        _ => None,
    }
}
