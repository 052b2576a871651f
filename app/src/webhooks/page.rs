//! `/admin/webhooks` (supervisors): every event sent to the site's tools, whether it arrived, and
//! "send again" for one that did not (or that a receiver lost).
use super::api::{resend_webhook, webhook_log};
use super::{Delivery, DeliveryLog, DeliveryStatus};
use crate::admin::SupervisorGate;
use crate::calendar::format_datetime;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn WebhookLogPage() -> impl IntoView {
    view! { <SupervisorGate title=msg::WEBHOOKS_TITLE><Log /></SupervisorGate> }
}

#[component]
fn Log() -> impl IntoView {
    let i18n = use_i18n();
    // The oldest id shown: "older" asks for the rows before it.
    let before = RwSignal::new(None::<i64>);
    let loaded = LocalResource::new(move || webhook_log(before.get()));
    let resend = Action::new(|id: &i64| resend_webhook(*id));
    let problem = RwSignal::new(None::<AppError>);
    Effect::new(move |_| match resend.value().get() {
        Some(Ok(())) => {
            problem.set(None);
            loaded.refetch();
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    view! {
        <section aria-labelledby="webhooks-title">
            <h1 id="webhooks-title">{i18n.t(msg::WEBHOOKS_TITLE)}</h1>
            {move || problem.get().map(|e| view! { <p role="alert">{move || e.message(i18n.get())}</p> })}
            {move || match loaded.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(log)) => view! { <Table log=log before=before resend=resend /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Table(log: DeliveryLog, before: RwSignal<Option<i64>>, resend: Action<i64, Result<(), AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let oldest = log.deliveries.last().map(|d| d.id);
    let receivers = if log.receivers.is_empty() {
        msg::WEBHOOKS_NONE.get(i18n.get_untracked()).to_owned()
    } else {
        log.receivers.join(", ")
    };
    view! {
        <p><strong>{i18n.t(msg::WEBHOOKS_RECEIVERS)} ": "</strong>{receivers}</p>
        <table class="data">
            <thead><tr>
                <th>{i18n.t(msg::WEBHOOKS_EVENT)}</th><th>{i18n.t(msg::WEBHOOKS_URL)}</th><th>{i18n.t(msg::STATUS)}</th>
                <th>{i18n.t(msg::WEBHOOKS_ATTEMPTS)}</th><th>{i18n.t(msg::WEBHOOKS_CREATED)}</th><th></th>
            </tr></thead>
            <tbody>
                {log.deliveries.into_iter().map(|d| view! { <Row d=d resend=resend /> }).collect_view()}
            </tbody>
        </table>
        {(log.more).then(|| view! {
            <button type="button" on:click=move |_| before.set(oldest)>{i18n.t(msg::WEBHOOKS_OLDER)}</button>
        })}
    }
}

#[component]
fn Row(d: Delivery, resend: Action<i64, Result<(), AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = d.id;
    let created = d.created_at;
    let status = match d.status {
        DeliveryStatus::Pending => msg::WEBHOOKS_PENDING,
        DeliveryStatus::Delivered => msg::WEBHOOKS_DELIVERED,
        DeliveryStatus::Failed => msg::WEBHOOKS_FAILED,
    };
    let last =
        [d.last_status.map(|s| s.to_string()), d.last_error].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    view! {
        <tr>
            <td><code>{d.event_type}</code><br /><span class="muted">{d.event_id}</span></td>
            <td>{d.url}</td>
            <td>{i18n.t(status)} <br /><span class="muted">{last}</span></td>
            <td>{d.attempts}</td>
            <td>{move || format_datetime(&created, i18n.get())}</td>
            <td>{(d.status != DeliveryStatus::Pending).then(|| view! {
                <button type="button" on:click=move |_| { resend.dispatch(id); }>{i18n.t(msg::WEBHOOKS_RESEND)}</button>
            })}</td>
        </tr>
    }
}
