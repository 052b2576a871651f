//! `/admin/rules` (supervisors): the switches of the rules that run on their own.
use super::api::{get_desk_rules, save_desk_rules};
use super::DeskRules;
use crate::admin::SupervisorGate;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;

#[component]
pub fn RulesPage() -> impl IntoView {
    view! { <SupervisorGate title=msg::RULES_TITLE><RulesForm /></SupervisorGate> }
}

#[component]
fn RulesForm() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = LocalResource::new(get_desk_rules);
    // What is typed stays as typed when the server refuses it.
    let days = RwSignal::new(String::new());
    let limit = RwSignal::new(String::new());
    let assign = RwSignal::new(false);
    let problem = RwSignal::new(None::<AppError>);
    Effect::new(move |_| {
        if let Some(Ok(r)) = loaded.get() {
            days.set(r.auto_close_days.to_string());
            limit.set(r.assign_limit.to_string());
            assign.set(r.auto_assign);
        }
    });
    let save = Action::new(|rules: &DeskRules| save_desk_rules(*rules));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => problem.set(None),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A number that does not parse is sent out of range, so the server names the field.
        let number = |s: String| s.trim().parse::<u32>().unwrap_or(u32::MAX);
        let rules = DeskRules {
            auto_close_days: number(days.get_untracked()),
            auto_assign: assign.get_untracked(),
            assign_limit: number(limit.get_untracked()),
        };
        match rules.validate() {
            Ok(()) => {
                save.dispatch(rules);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <section aria-labelledby="rules-title">
            <h1 id="rules-title">{i18n.t(msg::RULES_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::RULES_LEAD)}</p>
            {move || loaded.get().and_then(Result::err).map(|e| view! { <p role="alert">{move || e.message(i18n.get())}</p> })}
            <form class="card" on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="rules-days" label=msg::RULES_AUTO_CLOSE value=days input_type="number" error=field("auto_close_days") />
                <label class="choice">
                    <input type="checkbox" prop:checked=move || assign.get() on:change=move |ev| assign.set(event_target_checked(&ev)) />
                    <span>{i18n.t(msg::RULES_AUTO_ASSIGN)}</span>
                </label>
                <TextField id="rules-limit" label=msg::RULES_ASSIGN_LIMIT value=limit input_type="number" error=field("assign_limit") />
                <button type="submit" class="primary" disabled=move || save.pending().get()>{i18n.t(msg::SAVE)}</button>
                {move || matches!(save.value().get(), Some(Ok(_))).then(|| view! { <p role="status">{i18n.t(msg::RULES_SAVED)}</p> })}
            </form>
        </section>
    }
}
