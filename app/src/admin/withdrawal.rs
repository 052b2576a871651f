//! Closing a member's account on their request (by mail or phone), from the dashboard. The
//! server records which staff member did it.
use crate::account::api::withdraw_member;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;

#[component]
pub fn MemberWithdrawal() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let act = Action::new(|email: &String| withdraw_member(email.clone()));
    Effect::new(move |_| match act.value().get() {
        Some(Ok(())) => {
            problem.set(None);
            email.set(String::new());
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = email.get_untracked();
        // The one irreversible staff action here: asked once more, naming the address.
        let question = format!("{}\n{address}", msg::STAFF_WITHDRAW_CONFIRM.get(i18n.get()));
        if window().confirm_with_message(&question).unwrap_or(false) {
            act.dispatch(address);
        }
    };
    view! {
        <section class="card" aria-labelledby="staff-withdraw-title">
            <h2 id="staff-withdraw-title">{i18n.t(msg::STAFF_WITHDRAW_TITLE)}</h2>
            <p class="muted">{i18n.t(msg::STAFF_WITHDRAW_HELP)}</p>
            <form on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="withdraw-email" label=msg::EMAIL value=email input_type="email" error=Signal::derive(|| None::<String>) />
                <button type="submit" class="danger" disabled=move || act.pending().get()>{i18n.t(msg::WITHDRAW_BUTTON_STAFF)}</button>
                {move || matches!(act.value().get(), Some(Ok(()))).then(|| view! { <p role="status">{i18n.t(msg::STAFF_WITHDRAW_DONE)}</p> })}
            </form>
        </section>
    }
}
