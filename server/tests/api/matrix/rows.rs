//! The rows of the authorization matrix: who may call each server function and HTTP route, and a
//! well-formed body for each. `every_endpoint_has_a_row` keeps this list equal to what the server
//! registers; the hostile corpus (`hostile.rs`) feeds the same bodies.
use crate::contact::points_inquiry;
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not.
    Public,
    /// Logged-in users (401 for visitors).
    Member,
    /// Staff (401 for visitors, 403 for members).
    Staff,
    /// Supervisors (401 for visitors, 403 for members and agents).
    Supervisor,
    /// The operator's metrics scraper, by a bearer token: no session of anyone's is enough.
    Scraper,
}

/// Ids of member A's things, put into the sample bodies.
#[derive(Debug, Clone, Copy)]
pub struct Ids {
    pub inquiry: i64,
    pub chat: i64,
    pub idea: i64,
    pub article: i64,
}

/// Every server function: endpoint, who may call it, a well-formed body.
pub fn server_functions(ids: Ids) -> Vec<(&'static str, Access, Value)> {
    use Access::*;
    let Ids { inquiry, chat, idea, article } = ids;
    let thread = json!({ "input": { "inquiry_id": inquiry, "body": "本文", "client_key": "test-key-0003" } });
    vec![
        ("admin/overview", Staff, json!({})),
        ("admin/closures/list", Staff, json!({})),
        ("admin/closures/add", Supervisor, json!({ "input": { "day": "2030-01-07", "note": "臨時休業" } })),
        ("admin/closures/remove", Supervisor, json!({ "day": "2030-01-07" })),
        ("admin/team/list", Supervisor, json!({})),
        ("admin/categories/list", Supervisor, json!({})),
        (
            "admin/categories/save",
            Supervisor,
            json!({ "category": {
            "id": "matrix", "name": { "ja": "表", "en": "Matrix" }, "notices": [],
            "fields": [{ "key": "message", "label": { "ja": "内容", "en": "Message" }, "help": null, "required": true,
                         "kind": { "Multiline": { "max": 2000 } } }] }, "new": true }),
        ),
        ("admin/categories/move", Supervisor, json!({ "id": "other", "up": true })),
        ("admin/categories/active", Supervisor, json!({ "id": "other", "active": true })),
        (
            "admin/audit/list",
            Supervisor,
            json!({ "filter": { "actor_id": null, "action": "Login", "from": null, "to": null, "before_id": null } }),
        ),
        ("admin/team/invite", Supervisor, json!({ "input": { "email": "invitee@example.jp", "role": "Agent" } })),
        // Nobody with these ids: the change itself is tested in team.rs.
        ("admin/team/role", Supervisor, json!({ "user_id": 999_999, "role": "Agent" })),
        ("admin/team/active", Supervisor, json!({ "user_id": 999_999, "active": true })),
        ("auth/invitation", Public, json!({ "token": "no-such-invitation" })),
        (
            "auth/invitation/accept",
            Public,
            json!({ "input": { "token": "no-such-invitation", "display_name": "招待 太郎", "password": "password-123" } }),
        ),
        ("admin/mail/failed", Staff, json!({})),
        ("admin/mail/retry", Staff, json!({ "id": 1 })),
        ("admin/mail/inbound", Supervisor, json!({ "include_ignored": true })),
        ("admin/mail/inbound/attach", Supervisor, json!({ "input": { "mail_id": 999_999, "inquiry": "MDG-0-0" } })),
        ("admin/mail/inbound/discard", Supervisor, json!({ "id": 999_999 })),
        (
            "admin/mail/inbound/new-inquiry",
            Supervisor,
            json!({ "input": { "mail_id": 999_999, "category_id": "other" } }),
        ),
        ("auth/register", Public, json!({ "input": { "email": "not-an-email", "password": "x", "display_name": "" } })),
        ("auth/login", Public, json!({ "input": { "email": "nobody@example.jp", "password": "wrong-password" } })),
        ("auth/me", Public, json!({})),
        ("auth/options", Public, json!({})),
        ("auth/verify", Public, json!({ "token": "not-a-real-token" })),
        ("auth/resend-verification", Member, json!({})),
        ("account/sessions", Member, json!({})),
        ("account/sessions/end", Member, json!({ "id": "not-a-session-id" })),
        ("account/mail-settings", Member, json!({ "change": { "lang": "En", "idea_decisions": false } })),
        ("account/email", Member, json!({ "change": { "new_email": "new@example.jp", "password": "wrong-password" } })),
        ("account/email/confirm", Public, json!({ "token": "not-a-real-token" })),
        ("account/withdraw", Member, json!({ "password": "wrong-password" })),
        ("admin/members/withdraw", Staff, json!({ "email": "nobody@example.jp" })),
        ("account/name", Member, json!({ "display_name": "新しい名前" })),
        ("account/password", Member, json!({ "change": { "current": "wrong-password", "new": "new-password-1" } })),
        ("auth/two-factor/status", Staff, json!({})),
        ("auth/two-factor/start", Staff, json!({})),
        ("auth/two-factor/confirm", Staff, json!({ "code": "000000" })),
        ("auth/reset/request", Public, json!({ "email": "nobody@example.jp" })),
        (
            "auth/reset/confirm",
            Public,
            json!({ "input": { "token": "not-a-real-token", "password": "new-password-1" } }),
        ),
        ("survey/status", Member, json!({ "session_id": chat })),
        (
            "survey/answer",
            Member,
            json!({ "input": { "session_id": chat, "score": 4, "resolved": true, "comment": "" } }),
        ),
        ("chat/entry", Member, json!({})),
        ("chat/join", Member, json!({ "topic": "other" })),
        ("chat/mine", Member, json!({})),
        ("chat/transcript", Member, json!({ "session_id": chat })),
        ("chat/staff/console", Staff, json!({})),
        ("chat/staff/presence", Staff, json!({ "available": false, "capacity": 1 })),
        ("chat/staff/notes", Staff, json!({ "session_id": ids.chat })),
        ("chat/staff/note", Staff, json!({ "input": { "session_id": ids.chat, "body": "引き継ぎメモ" } })),
        ("chat/staff/colleagues", Staff, json!({})),
        ("chat/staff/transfer", Staff, json!({ "session_id": ids.chat, "to": 1 })),
        ("chat/transcript-mail", Member, json!({ "session_id": ids.chat })),
        ("survey/inquiry/status", Member, json!({ "inquiry_id": ids.inquiry })),
        ("chat/staff/take-next", Staff, json!({})),
        (
            "inbox/list",
            Staff,
            json!({ "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false } }),
        ),
        ("inbox/detail", Staff, json!({ "id": inquiry })),
        ("inbox/reply", Staff, thread.clone()),
        ("inbox/note", Staff, thread.clone()),
        ("inbox/status", Staff, json!({ "id": inquiry, "status": "InProgress" })),
        ("inbox/assign", Staff, json!({ "id": inquiry })),
        ("inbox/canned/list", Staff, json!({})),
        ("inbox/canned/save", Staff, json!({ "input": { "title": "定型文", "body": "本文" } })),
        ("contact/form", Public, json!({})),
        ("contact/submit", Member, points_inquiry("matrix-key-0001")),
        ("contact/mine", Member, json!({})),
        ("contact/detail", Member, json!({ "id": inquiry })),
        ("contact/follow-up", Member, thread),
        ("ideas/board", Public, json!({ "filter": { "status": null, "sort": "Newest" } })),
        ("ideas/adopted", Public, json!({})),
        ("ideas/similar", Public, json!({ "title": "通帳" })),
        ("ideas/post", Member, json!({ "input": { "title": "提案", "body": "本文" } })),
        ("ideas/vote", Member, json!({ "idea_id": idea, "vote": true })),
        ("ideas/mine", Member, json!({})),
        ("ideas/mail-pref", Member, json!({ "enabled": null })),
        ("ideas/admin/list", Staff, json!({})),
        (
            "ideas/admin/status",
            Staff,
            json!({ "change": { "idea_id": idea, "status": "UnderReview", "note": "", "duplicate_of": null } }),
        ),
        ("ideas/admin/hide", Staff, json!({ "idea_id": idea, "hidden": false })),
        ("faq/home", Public, json!({ "lang": "Ja" })),
        ("faq/search", Public, json!({ "query": "退会", "lang": "Ja" })),
        ("faq/article", Public, json!({ "id": article, "lang": "Ja" })),
        ("faq/vote", Member, json!({ "article_id": article, "helpful": true })),
        (
            "faq/suggest",
            Public,
            json!({ "input": { "context": "points", "text": "ポイントが付与されない" }, "lang": "Ja" }),
        ),
        ("faq/suggestion-click", Member, json!({ "article_id": article, "source": "Contact" })),
        ("faq/admin/stats", Staff, json!({})),
        ("faq/admin/source", Staff, json!({ "id": article })),
        (
            "faq/admin/save",
            Staff,
            json!({ "input": { "id": null, "category_id": "points", "title_ja": "題", "title_en": "t", "body_ja": "本文", "body_en": "b", "published": false } }),
        ),
        ("faq/admin/move", Staff, json!({ "id": article, "up": false })),
        ("faq/admin/preview", Staff, json!({ "markdown": "**太字**" })),
        ("insights/summary", Staff, json!({ "from": null, "to": null })),
        ("insights/desk", Staff, json!({ "from": null, "to": null })),
        ("insights/transcript", Staff, json!({ "session_id": chat })),
        ("search", Staff, json!({ "q": "ポイント 通帳" })),
        ("admin/members/get", Staff, json!({ "id": 2 })),
        ("chat/staff/past", Staff, json!({ "before": null })),
        ("admin/rules", Supervisor, json!({})),
        ("inbox/staff", Staff, json!({})),
        (
            "inbox/bulk",
            Staff,
            json!({ "input": { "items": [{ "inquiry_id": inquiry, "seen_message_id": 0 }],
                    "action": { "Priority": "High" }, "client_key": "matrix-bulk-0001" } }),
        ),
        (
            "admin/rules/save",
            Supervisor,
            json!({ "rules": { "auto_close_days": 5, "auto_assign": false, "assign_limit": 30 } }),
        ),
        ("inbox/recategorize", Staff, json!({ "id": inquiry, "category_id": "points" })),
        ("inbox/canned/update", Staff, json!({ "id": 999_999, "input": { "title": "定型", "body": "本文" } })),
        ("inbox/canned/delete", Staff, json!({ "id": 999_999 })),
        ("parent/inquiry", Staff, json!({ "inquiry_id": inquiry })),
        ("parent/member", Staff, json!({ "member_id": 2 })),
        ("parent/hint", Member, json!({ "shop": "楽天市場", "used_on": "2026-11-01" })),
        ("parent/deflections", Staff, json!({})),
        ("admin/webhooks", Supervisor, json!({ "before_id": null })),
        ("admin/webhooks/resend", Supervisor, json!({ "id": 1 })),
        ("inbox/tags", Staff, json!({})),
        ("admin/tags/change", Supervisor, json!({ "change": { "Create": { "name": "要確認" } } })),
        ("inbox/tag", Staff, json!({ "id": inquiry, "tag_id": 999_999, "on": true })),
        ("inbox/views", Staff, json!({})),
        (
            "inbox/views/save",
            Staff,
            json!({ "input": { "name": "期限切れ", "shared": false, "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": true } } }),
        ),
        ("inbox/views/delete", Staff, json!({ "id": 999_999 })),
        ("inbox/merge", Staff, json!({ "into": inquiry, "other": 999_999 })),
        ("incidents/list", Staff, json!({})),
        ("incidents/get", Staff, json!({ "id": 999_999 })),
        (
            "incidents/save",
            Staff,
            json!({ "id": null, "input": { "title": "障害", "status": "Open", "public_note": "", "shop_name": "じゃらん", "around_day": null, "window_days": 3 } }),
        ),
        ("incidents/link", Staff, json!({ "id": 999_999, "inquiry_ids": [inquiry], "on": true })),
        ("incidents/for-inquiry", Staff, json!({ "inquiry_id": inquiry })),
        // Last: it ends the caller's session.
        ("auth/logout", Public, json!({})),
    ]
}

/// The HTTP routes besides `/api/{*fn_name}` (whose rows are the server functions above).
pub fn http_routes() -> Vec<(&'static str, Access)> {
    vec![
        ("/healthz", Access::Public),
        ("/metrics", Access::Scraper),
        ("/ws/chat", Access::Member),
        ("/ws/desk", Access::Staff),
        ("/api/live", Access::Public),
        ("/api/insights/surveys.csv", Access::Supervisor),
        ("/api/admin/inquiries.csv", Access::Supervisor),
        ("/api/admin/audit.csv", Access::Supervisor),
        ("/sso/jwt", Access::Public),
        ("/api/account/export.json", Access::Member),
        // POST: the file is the body (the test below posts to it).
        ("/api/files", Access::Member),
        ("/files/{id}", Access::Member),
        ("/files/{id}/thumb", Access::Member),
        ("/robots.txt", Access::Public),
        ("/sitemap.xml", Access::Public),
        ("/faq", Access::Public),
        ("/faq/{id}", Access::Public),
        ("/ideas", Access::Public),
        ("/ideas/board", Access::Public),
        ("/", Access::Public),
        ("/contact", Access::Public),
        ("/chat", Access::Public),
        ("/privacy", Access::Public),
        ("/terms", Access::Public),
    ]
}
