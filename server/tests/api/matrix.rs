//! The authorization matrix: every server function and HTTP route, called as a visitor, a member,
//! another member and staff. The table (`matrix/rows.rs`) must list exactly what the server registers, so a
//! new endpoint without a row fails `every_endpoint_has_a_row`. The same table feeds the hostile
//! input corpus (`hostile.rs`).
mod rows;

use crate::chat_support::{ended_chat, open_hours_at};
use crate::contact::{member, points_inquiry};
use crate::helpers::{fresh_database_url, spawn_app_on, Client, TestApp};
pub use rows::{http_routes, server_functions, Access, Ids};
use serde_json::{json, Value};

/// Member A with an inquiry, an ended chat and an idea; member B; staff. A's secret words must
/// never reach B.
pub struct World {
    pub app: TestApp,
    pub visitor: Client,
    pub a: Client,
    pub b: Client,
    /// A supervisor.
    pub staff: Client,
    pub agent: Client,
    pub ids: Ids,
}

pub const A_EMAIL: &str = "owner-a@example.jp";
pub const A_SECRET: &str = "Aさんだけの秘密の文";

pub async fn world() -> World {
    world_with(|_| {}).await
}

pub async fn world_with(configure: impl FnOnce(&mut app::infra::Settings)) -> World {
    let clock = app::infra::Clock::manual(open_hours_at());
    let app = spawn_app_on(fresh_database_url().await, clock, configure).await;
    let a = member(&app, A_EMAIL).await;
    let b = member(&app, "other-b@example.jp").await;
    let mut inquiry = points_inquiry("matrix-a-inquiry");
    inquiry["input"]["fields"]["message"] = json!(A_SECRET);
    let (status, submitted) = a.call("contact/submit", inquiry).await;
    assert_eq!(status, 200, "{submitted}");
    let chat = ended_chat(&app, &a).await;
    // Ideas are public (the board shows them), so A's idea holds nothing secret.
    let (_, idea) = a.call("ideas/post", json!({ "input": { "title": "Aの提案", "body": "公開の提案です" } })).await;
    let staff = app.client();
    assert_eq!(staff.login("ender@example.jp", "staff-password-1").await.0, 200);
    let ids = Ids { inquiry: submitted["id"].as_i64().unwrap(), chat, idea: idea["id"].as_i64().unwrap(), article: 1 };
    app.create_agent("agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    assert_eq!(agent.login("agent@example.jp", "agent-password-1").await.0, 200);
    World { visitor: app.client(), app, a, b, staff, agent, ids }
}

fn is_refusal(status: u16, body: &Value) -> Option<&'static str> {
    match (status, body.as_str()) {
        (401, Some("Unauthenticated")) => Some("Unauthenticated"),
        (403, Some("Forbidden")) => Some("Forbidden"),
        _ => None,
    }
}

#[tokio::test]
async fn every_endpoint_has_a_row() {
    let table: std::collections::BTreeSet<String> = server_functions(Ids { inquiry: 1, chat: 1, idea: 1, article: 1 })
        .iter()
        .map(|(e, _, _)| format!("/api/{e}"))
        .collect();
    let registered: std::collections::BTreeSet<String> =
        server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned()).collect();
    assert_eq!(registered, table, "server functions and matrix rows differ");
    let mut routes: Vec<&str> = http_routes().iter().map(|(p, _)| *p).collect();
    routes.push("/api/{*fn_name}");
    routes.sort();
    let mut served = madoguchi_server::startup::route_paths();
    served.sort();
    assert_eq!(served, routes, "HTTP routes and matrix rows differ");
}

#[tokio::test]
async fn every_endpoint_checks_its_caller_and_returns_no_foreign_data() {
    let w = world().await;
    let mut wrong = Vec::new();
    for (endpoint, access, body) in server_functions(w.ids) {
        let callers =
            [("visitor", &w.visitor), ("member B", &w.b), ("member A", &w.a), ("agent", &w.agent), ("staff", &w.staff)];
        for (who, client) in callers {
            let (status, answer) = client.call(endpoint, body.clone()).await;
            let shown: String = answer.to_string().chars().take(160).collect();
            if status >= 500 {
                wrong.push(format!("{endpoint} as {who}: {status} {shown}"));
            }
            let expected = match (access, who) {
                (Access::Member | Access::Staff | Access::Supervisor, "visitor") => Some("Unauthenticated"),
                (Access::Staff | Access::Supervisor, "member A" | "member B") => Some("Forbidden"),
                (Access::Supervisor, "agent") => Some("Forbidden"),
                _ => None,
            };
            if is_refusal(status, &answer) != expected {
                wrong.push(format!("{endpoint} as {who}: expected {expected:?}, got {status} {shown}"));
            }
            let text = answer.to_string();
            if (who == "member B" || who == "visitor") && (text.contains(A_SECRET) || text.contains(A_EMAIL)) {
                wrong.push(format!("{endpoint} as {who} leaked A's data: {shown}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A's own things are "not found" for B, exactly like missing ones. (B logged out above.)
    assert_eq!(w.b.login("other-b@example.jp", "password-123").await.0, 200);
    for (endpoint, body) in [
        ("contact/detail", json!({ "id": w.ids.inquiry })),
        (
            "contact/follow-up",
            json!({ "input": { "inquiry_id": w.ids.inquiry, "body": "横から", "client_key": "test-key-0004" } }),
        ),
        ("chat/transcript", json!({ "session_id": w.ids.chat })),
        ("chat/transcript-mail", json!({ "session_id": w.ids.chat })),
        ("survey/inquiry/status", json!({ "inquiry_id": w.ids.inquiry })),
        ("survey/status", json!({ "session_id": w.ids.chat })),
        (
            "survey/answer",
            json!({ "input": { "session_id": w.ids.chat, "score": 1, "resolved": false, "comment": "" } }),
        ),
    ] {
        assert_eq!(w.b.call(endpoint, body).await.0, 404, "{endpoint}");
    }
}

#[tokio::test]
async fn every_http_route_checks_its_caller() {
    let w = world().await;
    let get = |client: &Client, path: &str| {
        let url = format!("{}{path}", w.app.address);
        let http = client.http.clone();
        // The upload route takes POST only; everything else is read with GET.
        let upload = path == "/api/files";
        async move {
            let request = if upload { http.post(url).body("not a file") } else { http.get(url) };
            request.send().await.unwrap().status().as_u16()
        }
    };
    for (path, access) in http_routes() {
        let target = match path {
            "/ws/chat" => format!("/ws/chat?session={}", w.ids.chat),
            "/faq/{id}" => "/faq/1".to_owned(),
            "/files/{id}" => "/files/AAAAAAAAAAAAAAAAAAAAAA".to_owned(),
            "/files/{id}/thumb" => "/files/AAAAAAAAAAAAAAAAAAAAAA/thumb".to_owned(),
            _ => path.to_owned(),
        };
        let (visitor, member, staff) =
            (get(&w.visitor, &target).await, get(&w.b, &target).await, get(&w.staff, &target).await);
        match access {
            // Without a token the hand-off is refused alike for everyone (its own tests cover tokens).
            Access::Public if path == "/sso/jwt" => assert_eq!((visitor, member, staff), (401, 401, 401), "{path}"),
            // Public pages with a filled-in head are the built app's page; this world has no build
            // (seo.rs tests them with one), so all callers get the same answer.
            Access::Public if !path.contains('.') && !["/healthz", "/sso/jwt", "/api/live"].contains(&path) => {
                assert_eq!((visitor, member), (staff, staff), "{path}");
                assert!(staff < 500, "{path}: {staff}");
            }
            Access::Public => assert_eq!((visitor, member, staff), (200, 200, 200), "{path}"),
            // A plain GET is not a WebSocket handshake: past the guard it is refused as a bad request.
            Access::Member => {
                assert_eq!(visitor, 401, "{path}");
                assert!(member != 401 && member != 403 && member < 500, "{path}: {member}");
            }
            // The staff event socket: as for the chat socket, a plain GET past the guard is refused
            // as a bad request.
            Access::Staff if path.starts_with("/ws/") => {
                assert_eq!((visitor, member), (401, 403), "{path}");
                assert!(staff != 401 && staff != 403 && staff < 500, "{path}: {staff}");
            }
            Access::Staff => assert_eq!((visitor, member, staff), (401, 403, 200), "{path}"),
            // This world sets no metrics token: the page does not exist for any session
            // (ops.rs tests the token and the private listener).
            Access::Scraper => assert_eq!((visitor, member, staff), (404, 404, 404), "{path}"),
            Access::Supervisor => {
                assert_eq!((visitor, member, staff), (401, 403, 200), "{path}");
                assert_eq!(get(&w.agent, &target).await, 403, "{path} as an agent");
            }
        }
    }
    // Someone else's chat socket is "not found".
    let refused = crate::ws::open_with_origin(&w.b, &w.app.address, w.ids.chat, &w.app.address).await;
    assert_eq!(refused.err(), Some(404));
}
