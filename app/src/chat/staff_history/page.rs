use super::api::list_past_chats;
use crate::admin::StaffGate;
use crate::calendar::format_datetime;
use crate::chat::topic;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn PastChatsPage() -> impl IntoView {
    view! { <StaffGate><PastChatsList /></StaffGate> }
}

#[component]
fn PastChatsList() -> impl IntoView {
    let i18n = use_i18n();
    // The page shown: `None` is the newest.
    let before = RwSignal::new(None::<i64>);
    let page = LocalResource::new(move || list_past_chats(before.get()));
    view! {
        <section aria-labelledby="past-chats-title">
            <h1 id="past-chats-title">{i18n.t(msg::PAST_CHATS_TITLE)}</h1>
            {move || match page.get() {
                None => view! { <p class="muted" role="status">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(p)) if p.rows.is_empty() => view! { <p class="muted">{i18n.t(msg::NONE_YET)}</p> }.into_any(),
                Some(Ok(p)) => view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t(msg::PAST_CHATS_STARTED)}</th>
                                    <th scope="col">{i18n.t(msg::MEMBER)}</th>
                                    <th scope="col">{i18n.t(msg::PAST_CHATS_TOPIC)}</th>
                                    <th scope="col">{i18n.t(msg::PAST_CHATS_STAFF)}</th>
                                    <th scope="col">{i18n.t(msg::MEMBER_CHAT_MESSAGES)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {p.rows.into_iter().map(|c| {
                                    let started = c.started_at;
                                    let label = topic(&c.topic).map(|t| t.label);
                                    let raw = c.topic.clone();
                                    view! {
                                        <tr>
                                            <td><a href=format!("/admin/chat/transcript/{}", c.id)>{move || format_datetime(&started, i18n.get())}</a></td>
                                            <td><a href=format!("/admin/members/{}", c.member_id)>{c.member_name}</a></td>
                                            <td>{move || label.map(|l| l.get(i18n.get()).to_owned()).unwrap_or_else(|| raw.clone())}</td>
                                            <td>{c.staff_name.unwrap_or_else(|| "—".into())}</td>
                                            <td>{c.messages}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="pager">
                        {move || before.get().is_some().then(|| view! {
                            <button type="button" on:click=move |_| before.set(None)>{i18n.t(msg::INBOX_FIRST)}</button>
                        })}
                        {p.next.map(|next| view! {
                            <button type="button" on:click=move |_| before.set(Some(next))>{i18n.t(msg::PAST_CHATS_OLDER)}</button>
                        })}
                    </p>
                }.into_any(),
            }}
        </section>
    }
}
