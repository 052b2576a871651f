//! Beside the help center's deflections: how often the wizard's judgement-date hint was shown,
//! and how often the member then did not write. Nothing when the connector never answered.
use super::api::parent_deflections;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn HintDeflections() -> impl IntoView {
    let i18n = use_i18n();
    let counts = LocalResource::new(parent_deflections);
    move || {
        counts.get().and_then(Result::ok).filter(|(shown, _)| *shown > 0).map(|(shown, deflected)| {
            view! {
                <p class="card">
                    <strong>{i18n.t(msg::PARENT_HINTS_TITLE)} ": "</strong>
                    {i18n.t(msg::PARENT_HINTS_SHOWN)} " " {shown} " · "
                    {i18n.t(msg::PARENT_HINTS_DEFLECTED)} " " {deflected}
                </p>
            }
        })
    }
}
