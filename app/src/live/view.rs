//! The live conditions in the browser: one `EventSource` per page on `/api/live` (the browser
//! reconnects it by itself), shared through context by everything on the page that shows them.
//! Each line keeps its room while loading, so nothing below it moves when the numbers arrive.
use super::LiveStatus;
use crate::calendar::format_datetime;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct LiveFeed(pub ReadSignal<Option<LiveStatus>>);

/// The page's live feed: the one already open on this page, or a new one (closed with the page).
pub fn use_live() -> LiveFeed {
    if let Some(feed) = use_context::<LiveFeed>() {
        return feed;
    }
    let (status, set_status) = signal(None::<LiveStatus>);
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::wasm_bindgen::closure::Closure;
        use leptos::wasm_bindgen::JsCast;
        if let Ok(source) = web_sys::EventSource::new("/api/live") {
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let parsed = event.data().as_string().and_then(|text| serde_json::from_str::<LiveStatus>(&text).ok());
                if let Some(parsed) = parsed {
                    set_status.set(Some(parsed));
                }
            });
            source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // Kept alive with the page (the closure answers every event), closed with it.
            let kept = StoredValue::new_local((source, on_message));
            on_cleanup(move || kept.with_value(|(source, _)| source.close()));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = set_status;
    let feed = LiveFeed(status);
    provide_context(feed);
    feed
}

/// Chat: open with how many wait, the estimate and staff available, "line busy", or closed with
/// the next opening.
#[component]
pub fn ChatLive(live: LiveFeed) -> impl IntoView {
    let i18n = use_i18n();
    let line = move || {
        let lang = i18n.get();
        let Some(s) = live.0.get() else { return (String::from("…"), "live-line") };
        if !s.chat_open {
            let next = format_datetime(&s.chat_next_opening, lang);
            return (
                format!("{} · {} {next}", msg::LIVE_CHAT_CLOSED.get(lang), msg::CHAT_NEXT_OPEN.get(lang)),
                "live-line closed",
            );
        }
        if s.line_busy {
            return (msg::LIVE_LINE_BUSY.get(lang).to_owned(), "live-line busy");
        }
        let mut text = format!("{} · {}{}", msg::LIVE_CHAT_OPEN.get(lang), s.waiting, msg::LIVE_WAITING.get(lang));
        if let Some(minutes) = s.estimate_minutes() {
            text.push_str(&format!(" · {}{minutes}{}", msg::LIVE_ESTIMATE.get(lang), msg::CHAT_MINUTES.get(lang)));
        }
        text.push_str(&format!(" · {}{}", msg::LIVE_STAFF.get(lang), s.staff_available));
        (text, "live-line open")
    };
    view! { <span class=move || line().1 role="status" aria-live="polite" data-testid="chat-live">{move || line().0}</span> }
}

/// The mail desk: open or closed, and the answer date an inquiry sent now gets.
#[component]
pub fn DeskLive(live: LiveFeed) -> impl IntoView {
    let i18n = use_i18n();
    let line = move || {
        let lang = i18n.get();
        let Some(s) = live.0.get() else { return (String::from("…"), "live-line") };
        let state = if s.desk_open { msg::LIVE_DESK_OPEN } else { msg::LIVE_DESK_CLOSED };
        let reply_by = format_datetime(&s.reply_by, lang);
        (
            format!("{} · {} {reply_by}", state.get(lang), msg::LIVE_REPLY_BY.get(lang)),
            if s.desk_open { "live-line open" } else { "live-line closed" },
        )
    };
    view! { <span class=move || line().1 role="status" aria-live="polite" data-testid="desk-live">{move || line().0}</span> }
}

/// On the wizard's confirm step: when an answer comes if the member sends now.
#[component]
pub fn ReplyByNotice() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let text = move || {
        let lang = i18n.get();
        live.0.get().map(|s| format!("{} {}", msg::LIVE_CONFIRM_REPLY_BY.get(lang), format_datetime(&s.reply_by, lang)))
    };
    view! { <p class="notice reply-by" data-testid="reply-by">{move || text().unwrap_or_else(|| "…".into())}</p> }
}
