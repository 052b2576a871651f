use crate::calendar::format_datetime;
use crate::contact::Submitted;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DoneStep(done: Submitted, on_new: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let due = done.due_at;
    let history = format!("/contact/history/{}", done.id);
    view! {
        <div role="status" class="done">
            <h2>{i18n.t(msg::DONE_TITLE)}</h2>
            <dl class="summary">
                <dt>{i18n.t(msg::DONE_REFERENCE)}</dt>
                <dd class="reference">{done.reference}</dd>
                <dt>{i18n.t(msg::DONE_DUE)}</dt>
                <dd class="due">{move || format_datetime(&due, i18n.get())}</dd>
            </dl>
            <p>{i18n.t(msg::DONE_MAIL)}</p>
        </div>
        <div class="actions">
            <A href=history>{i18n.t(msg::TO_HISTORY)}</A>
            <button type="button" on:click=move |_| on_new()>{i18n.t(msg::NEW_INQUIRY)}</button>
        </div>
    }
}
