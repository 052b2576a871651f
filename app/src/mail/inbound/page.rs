//! `/admin/mail` (supervisors): mail that was not threaded, with the reason; attach it to an
//! inquiry or discard it. A stranger wrote every word here: it is shown as text only.
use super::api::{attach_held_mail, discard_held_mail, held_mails, new_inquiry_from_mail};
use super::{AttachInput, HeldMail, HoldReason, NewInquiryInput};
use crate::admin::SupervisorGate;
use crate::calendar::format_datetime;
use crate::contact::api::get_contact_form;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::FormProblem;
use leptos::prelude::*;

#[component]
pub fn HeldMailPage() -> impl IntoView {
    view! { <SupervisorGate title=msg::MAIL_HELD_TITLE><HeldList /></SupervisorGate> }
}

#[component]
fn HeldList() -> impl IntoView {
    let i18n = use_i18n();
    let include_ignored = RwSignal::new(false);
    let version = RwSignal::new(0u32);
    // The reference of the inquiry last made from a mail (its card leaves the list).
    let created = RwSignal::new(None::<String>);
    let list = LocalResource::new(move || {
        version.track();
        held_mails(include_ignored.get())
    });
    view! {
        <section aria-labelledby="held-title">
            <h1 id="held-title">{i18n.t(msg::MAIL_HELD_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::MAIL_HELD_LEAD)}</p>
            <label class="check">
                <input type="checkbox" on:change=move |ev| include_ignored.set(event_target_checked(&ev)) />
                {i18n.t(msg::MAIL_HELD_SHOW_IGNORED)}
            </label>
            {move || created.get().map(|reference| view! {
                <p role="status" class="notice">{i18n.t(msg::MAIL_HELD_NEW_DONE)} " "
                    <a href=format!("/admin/search?q={reference}")>{reference.clone()}</a></p>
            })}
            {move || match list.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(mails)) if mails.is_empty() => view! { <p class="muted">{i18n.t(msg::NONE_YET)}</p> }.into_any(),
                Some(Ok(mails)) => mails
                    .into_iter()
                    .map(|mail| view! { <HeldCard mail created on_done=move || version.update(|v| *v += 1) /> })
                    .collect_view()
                    .into_any(),
            }}
        </section>
    }
}

#[component]
fn HeldCard(
    mail: HeldMail,
    created: RwSignal<Option<String>>,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = mail.id;
    // What the supervisor typed stays when an action fails.
    let inquiry = RwSignal::new(mail.inquiry_reference.clone().unwrap_or_default());
    let problem = RwSignal::new(None::<AppError>);
    let attach = Action::new(move |reference: &String| {
        let input = AttachInput { mail_id: id, inquiry: reference.clone() };
        async move { attach_held_mail(input).await }
    });
    let discard = Action::new(move |_: &()| async move { discard_held_mail(id).await });
    // Mail to the plain support address: a new inquiry of its sender's, in a chosen category.
    let new_category = RwSignal::new(String::new());
    // The sender is no member's address: said in words of this page, not as a form problem.
    let no_member = RwSignal::new(false);
    let make_new = Action::new(move |category_id: &String| {
        let input = NewInquiryInput { mail_id: id, category_id: category_id.clone() };
        async move { new_inquiry_from_mail(input).await }
    });
    Effect::new(move || match make_new.value().get() {
        Some(Ok(reference)) => {
            created.set(Some(reference));
            on_done();
        }
        Some(Err(AppError::Validation(fields))) if fields.iter().any(|f| f.field == "sender") => no_member.set(true),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    Effect::new(move || {
        let done = attach.value().get().or_else(|| discard.value().get());
        match done {
            Some(Ok(())) => on_done(),
            Some(Err(e)) => problem.set(Some(e)),
            None => {}
        }
    });
    let at = mail.received_at;
    let reason = mail.reason;
    let field_id = format!("held-inquiry-{id}");
    view! {
        <article class="card held-mail" data-mail=id.to_string()>
            <p class="muted">
                {move || format_datetime(&at, i18n.get())} " · "
                {i18n.t(msg::MAIL_HELD_REASON)} ": "
                <strong>{move || reason.map(|r| r.label(i18n.get())).unwrap_or_default()}</strong>
            </p>
            <p>{i18n.t(msg::MAIL_HELD_FROM)} ": " {mail.from}</p>
            <p>{i18n.t(msg::MAIL_HELD_SUBJECT)} ": " {mail.subject}</p>
            <pre class="mail-text">{mail.text}</pre>
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                problem.set(None);
                attach.dispatch(inquiry.get_untracked());
            }>
                <div class="field">
                    <label for=field_id.clone()>{i18n.t(msg::MAIL_HELD_INQUIRY)}</label>
                    <input id=field_id type="text" maxlength="40" prop:value=move || inquiry.get()
                        on:input=move |ev| inquiry.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="primary" disabled=move || attach.pending().get()>{i18n.t(msg::MAIL_HELD_ATTACH)}</button>
                <button type="button" disabled=move || discard.pending().get() on:click=move |_| {
                    problem.set(None);
                    discard.dispatch(());
                }>{i18n.t(msg::MAIL_HELD_DISCARD)}</button>
            </form>
            {(reason == Some(HoldReason::NoToken)).then(|| {
                let form = LocalResource::new(get_contact_form);
                let select_id = format!("held-category-{id}");
                view! {
                    <form class="inline-form" on:submit=move |ev| {
                        ev.prevent_default();
                        problem.set(None);
                        no_member.set(false);
                        make_new.dispatch(new_category.get_untracked());
                    }>
                        <div class="field">
                            <label for=select_id.clone()>{i18n.t(msg::MAIL_HELD_NEW_CATEGORY)}</label>
                            <select id=select_id on:change=move |ev| new_category.set(event_target_value(&ev))>
                                <option value="">{i18n.t(msg::SELECT_PLACEHOLDER)}</option>
                                {move || form.get().and_then(Result::ok).map(|f| f.categories).unwrap_or_default().into_iter().map(|c| {
                                    view! { <option value=c.id.clone()>{c.name.get(i18n.get()).to_owned()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" disabled=move || make_new.pending().get()>{i18n.t(msg::MAIL_HELD_NEW)}</button>
                    </form>
                }
            })}
            <Show when=move || no_member.get()>
                <p role="alert">{i18n.t(msg::MAIL_HELD_NO_MEMBER)}</p>
            </Show>
            <FormProblem problem=problem.into() />
        </article>
    }
}
