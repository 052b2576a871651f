//! A browser title for every route, most specific first, ending with the site's name:
//! 「利用規約 | Madoguchi サポートセンター」. Each area's routes have their table here (each bundle
//! carries only its own); a unit test reads `areas.rs` and fails when a route has no entry, so a
//! page added later cannot go untitled. Pages that know more once their data arrives (an
//! article's title, an inquiry's reference) put it in front with `use_title`.
//!
//! On a move within an area the title changes and focus goes to the page's main heading, so
//! screen readers announce the new page (WCAG 2.4.2, 2.4.3).
use crate::i18n::{msg, use_i18n, Lang, Text};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A route pattern (as in `path!`) and its title parts, most specific first.
pub type TitleTable = &'static [(&'static str, &'static [Text])];

pub const HOME: TitleTable =
    &[("", &[msg::CORNER_TITLE]), ("/privacy", &[msg::PRIVACY_LINK]), ("/terms", &[msg::TERMS_LINK])];
pub const CONTACT: TitleTable = &[("/contact", &[msg::CONTACT_TITLE])];
pub const HISTORY: TitleTable = &[
    ("/contact/history", &[msg::HISTORY_TITLE]),
    ("/contact/history/:id", &[msg::THREAD_TITLE, msg::HISTORY_TITLE]),
    ("/contact/survey/:id", &[msg::SURVEY_TITLE, msg::HISTORY_TITLE]),
];
pub const CHAT: TitleTable = &[("/chat", &[msg::CHAT_TITLE])];
pub const CHAT_HISTORY: TitleTable = &[
    ("/chat/history", &[msg::CHAT_HISTORY]),
    ("/chat/history/:id", &[msg::TRANSCRIPT, msg::CHAT_HISTORY]),
    ("/chat/survey/:id", &[msg::SURVEY_TITLE]),
];
pub const IDEAS: TitleTable = &[
    ("/ideas", &[msg::IDEAS_ADOPTED_TITLE, msg::IDEAS_TITLE]),
    ("/ideas/board", &[msg::IDEAS_BOARD, msg::IDEAS_TITLE]),
    ("/ideas/new", &[msg::IDEAS_POST, msg::IDEAS_TITLE]),
    ("/ideas/mine", &[msg::IDEAS_MINE, msg::IDEAS_TITLE]),
];
pub const HELP: TitleTable = &[("/faq", &[msg::FAQ_TITLE]), ("/faq/:id", &[msg::FAQ_TITLE])];
pub const ACCOUNT: TitleTable = &[
    ("/login", &[msg::LOGIN_TITLE]),
    ("/register", &[msg::REGISTER_TITLE]),
    ("/account", &[msg::ACCOUNT_TITLE]),
    ("/account/verify", &[msg::VERIFY_TITLE]),
    ("/account/email", &[msg::EMAIL_CHANGE_TITLE]),
    ("/account/invite", &[msg::JOIN_TITLE]),
    ("/account/reset", &[msg::RESET_TITLE]),
];
pub const STAFF: TitleTable = &[
    ("/admin/inquiries", &[msg::INBOX_TITLE]),
    ("/admin/inquiries/:id", &[msg::INBOX_TITLE]),
    ("/admin/incidents", &[msg::INCIDENTS_TITLE]),
    ("/admin/incidents/:id", &[msg::INCIDENTS_TITLE]),
];
pub const STAFF_ADMIN: TitleTable = &[
    ("/admin/two-factor", &[msg::TWO_FACTOR_TITLE, msg::ADMIN_TITLE]),
    ("/admin/insights", &[msg::INSIGHTS_TITLE]),
    ("/admin/staff", &[msg::TEAM_TITLE]),
    ("/admin/audit", &[msg::AUDIT_TITLE]),
    ("/admin/categories", &[msg::CAT_TITLE]),
];
pub const STAFF_CHAT: TitleTable = &[
    ("/admin/chat", &[msg::STAFF_CHAT_TITLE]),
    ("/admin/chat/transcript/:id", &[msg::TRANSCRIPT, msg::INSIGHTS_TITLE]),
];
pub const STAFF_CONTENT: TitleTable = &[
    ("/admin/mail", &[msg::MAIL_HELD_TITLE]),
    ("/admin/rules", &[msg::RULES_TITLE]),
    ("/admin/webhooks", &[msg::WEBHOOKS_TITLE]),
    ("/admin/ideas", &[msg::IDEAS_ADMIN_TITLE]),
    ("/admin/faq", &[msg::FAQ_ADMIN_TITLE]),
    ("/admin/faq/:id", &[msg::FAQ_EDIT, msg::FAQ_ADMIN_TITLE]),
];
pub const STAFF_FIGURES: TitleTable = &[("/admin/figures", &[msg::FIGURES_TITLE])];

pub const STAFF_RECORDS: TitleTable = &[
    ("/admin", &[msg::ADMIN_TITLE]),
    ("/admin/search", &[msg::SEARCH_TITLE]),
    ("/admin/members/:id", &[msg::MEMBER_LINK]),
    ("/admin/chats", &[msg::PAST_CHATS_TITLE]),
];

/// Whether `path` (no query) is an instance of `pattern` (`:name` matches one segment).
fn matches(pattern: &str, path: &str) -> bool {
    let (p, q) = (pattern.trim_end_matches('/'), path.trim_end_matches('/'));
    let (mut ps, mut qs) = (p.split('/'), q.split('/'));
    loop {
        match (ps.next(), qs.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.starts_with(':') && !b.is_empty() => continue,
            (Some(a), Some(b)) if a == b => continue,
            _ => return false,
        }
    }
}

/// The title parts for `path` in `table`; the not-found page's when nothing matches.
pub fn parts_for(table: TitleTable, path: &str) -> &'static [Text] {
    table.iter().find(|(pattern, _)| matches(pattern, path)).map(|(_, parts)| *parts).unwrap_or(&[msg::NOT_FOUND_TITLE])
}

/// The whole title: `specific` (data the page has, if any), the route's parts, the site's name.
/// The server writes the same text into the heads of public pages (server/src/seo).
pub fn title_text(specific: Option<&str>, table: TitleTable, path: &str, lang: Lang) -> String {
    let mut parts: Vec<&str> = specific.into_iter().collect();
    parts.extend(parts_for(table, path).iter().map(|t| t.get(lang)));
    parts.push(msg::SITE_NAME.get(lang));
    parts.join(" | ")
}

/// A count shown in front of the title (「(3) …」): what arrived for staff since they last
/// looked (`desk::DeskPulse`). Areas without it show plain titles.
#[derive(Clone, Copy)]
pub struct TitleCount(pub RwSignal<u32>);

/// Tracks the count, so the title is set again when it changes.
fn counted(title: String) -> String {
    match use_context::<TitleCount>().map(|c| c.0.get()) {
        Some(n) if n > 0 => format!("({n}) {title}"),
        _ => title,
    }
}

fn set_document_title(title: &str) {
    if let Some(doc) = window().document() {
        doc.set_title(title);
    }
}

/// Inside an area's router: the route's title on every move and language change, and focus on
/// the new page's main heading after a move within the area.
#[component]
pub fn RouteTitles(table: TitleTable) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        set_document_title(&counted(title_text(None, table, &path, i18n.get())));
        if previous.is_some_and(|p| p != path) {
            // After the new page is in the DOM.
            request_animation_frame(|| {
                let heading = window().document().and_then(|d| d.query_selector("main h1").ok().flatten());
                if let Some(h) = heading {
                    let _ = h.set_attribute("tabindex", "-1");
                    if let Ok(h) = leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                        let _ = h.focus();
                    }
                }
            });
        }
        path
    });
}

/// A page that knows more than its route (the article's title, the inquiry's reference) puts it
/// in front of the route's title once it has it.
pub fn use_title(table: TitleTable, specific: impl Fn() -> Option<String> + 'static) {
    let i18n = use_i18n();
    let location = use_location();
    Effect::new(move |_| {
        let Some(first) = specific() else { return };
        set_document_title(&counted(title_text(Some(&first), table, &location.pathname.get_untracked(), i18n.get())));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [TitleTable; 14] = [
        HOME,
        CONTACT,
        HISTORY,
        CHAT,
        CHAT_HISTORY,
        IDEAS,
        HELP,
        ACCOUNT,
        STAFF,
        STAFF_ADMIN,
        STAFF_CHAT,
        STAFF_CONTENT,
        STAFF_FIGURES,
        STAFF_RECORDS,
    ];

    #[test]
    fn every_route_in_areas_rs_has_a_title() {
        let source = include_str!("areas.rs");
        let routes: Vec<&str> = source.split("path!(\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
        assert!(routes.len() > 25, "{routes:?}");
        let titled: Vec<&str> = ALL.iter().flat_map(|t| t.iter().map(|(p, _)| *p)).collect();
        for route in &routes {
            assert!(titled.contains(route), "route {route} has no title in titles.rs");
        }
        assert_eq!(routes.len(), titled.len(), "a title for a route that does not exist");
    }

    #[test]
    fn static_titles_are_distinct_except_where_data_completes_them() {
        let mut seen = std::collections::HashSet::new();
        for table in ALL {
            for (pattern, parts) in table {
                let title: Vec<&str> = parts.iter().map(|t| t.ja).collect();
                // `:id` pages whose title starts with their data (use_title) may share the rest.
                if !pattern.contains(':')
                    || !["/faq/:id", "/admin/inquiries/:id", "/admin/incidents/:id"].contains(pattern)
                {
                    assert!(seen.insert(title.join("|")), "{pattern} repeats a title");
                }
            }
        }
    }

    #[test]
    fn patterns_match_their_paths_only() {
        assert!(matches("/faq/:id", "/faq/12"));
        assert!(!matches("/faq/:id", "/faq"));
        assert!(!matches("/faq/:id", "/faq/12/x"));
        assert!(matches("", "/"));
        assert!(matches("/admin", "/admin/"));
        assert_eq!(parts_for(HISTORY, "/contact/history/5"), &[msg::THREAD_TITLE, msg::HISTORY_TITLE]);
        assert_eq!(parts_for(HOME, "/nowhere"), &[msg::NOT_FOUND_TITLE]);
        assert_eq!(
            title_text(Some("A"), IDEAS, "/ideas/board", Lang::Ja),
            "A | すべてのご意見 | ご意見ラボ | Madoguchi サポートセンター"
        );
    }
}
