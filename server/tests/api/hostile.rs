//! The hostile-input corpus, fed to every server function that takes input: each value in each
//! body is replaced by oversized, control, format, bidi, markup, SQL, path and date strings,
//! numbers at the edges and values of the wrong type. Every answer must be a 2xx or a 4xx that
//! carries a readable error (never a 5xx), and the server must stay up.
use crate::matrix::{server_functions, world_with, Access, World};
use app::error::AppError;
use app::infra::limits::{Action, RateLimit};
use serde_json::{json, Value};

pub fn hostile_strings() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "\r\n\t".into(),
        "\u{0000}".into(),
        "a\u{0007}b".into(),
        "admin\u{202E}gnp.exe".into(),
        "sta\u{200B}ff".into(),
        "\u{FEFF}".into(),
        "<script>alert(1)</script>".into(),
        "<img src=x onerror=alert(1)>".into(),
        "' OR '1'='1' --".into(),
        "\"; DROP TABLE users; --".into(),
        "%_\\".into(),
        "../../../etc/passwd".into(),
        "=HYPERLINK(\"http://evil.example\")".into(),
        "9999-12-31".into(),
        "0000-01-01".into(),
        "-1".into(),
        "👨\u{200D}👩\u{200D}👧".into(),
        "x".repeat(5_000),
        "あ".repeat(20_000),
    ]
}

fn hostile_values() -> Vec<Value> {
    let mut values: Vec<Value> = hostile_strings().into_iter().map(Value::String).collect();
    values.extend([
        json!(0),
        json!(-1),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(1e308),
        json!(9_007_199_254_740_993u64),
        json!(null),
        json!(true),
        json!([]),
        json!({}),
        json!([1, 2, 3]),
    ]);
    values
}

/// Every variant of `body` with one leaf replaced by `value` (a leaf: a string, number, bool or
/// null anywhere in the JSON).
fn mutations(body: &Value, value: &Value) -> Vec<Value> {
    fn walk(node: &Value, value: &Value, out: &mut Vec<Value>, rebuild: &dyn Fn(Value) -> Value) {
        match node {
            Value::Object(map) => {
                for (k, v) in map {
                    let k = k.clone();
                    let map = map.clone();
                    walk(v, value, out, &|new| {
                        let mut m = map.clone();
                        m.insert(k.clone(), new);
                        rebuild(Value::Object(m))
                    });
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let items = items.clone();
                    walk(v, value, out, &|new| {
                        let mut a = items.clone();
                        a[i] = new;
                        rebuild(Value::Array(a))
                    });
                }
            }
            _ => out.push(rebuild(value.clone())),
        }
    }
    let mut out = Vec::new();
    walk(body, value, &mut out, &|v| v);
    out
}

#[test]
fn mutations_touch_every_leaf_once() {
    let body = json!({ "input": { "a": "x", "b": [1, 2] }, "c": null });
    let got = mutations(&body, &json!("!"));
    assert_eq!(got.len(), 4);
    assert!(got.contains(&json!({ "input": { "a": "!", "b": [1, 2] }, "c": null })));
    assert!(got.contains(&json!({ "input": { "a": "x", "b": [1, "!"] }, "c": null })));
}

async fn feed(w: &World, endpoint: &str, access: Access, body: &Value) -> usize {
    let client = match access {
        // No server function is for the scraper; were one, it would be called as a visitor.
        Access::Public | Access::Scraper => &w.visitor,
        Access::Member => &w.a,
        Access::Staff | Access::Supervisor => &w.staff,
    };
    let mut sent = 0;
    let mut variants = Vec::new();
    for value in hostile_values() {
        variants.extend(mutations(body, &value));
    }
    // Whole-body shapes too: not an object, missing arguments.
    variants.extend([json!(null), json!([]), json!("text"), json!({})]);
    for variant in variants {
        let (status, answer) = client.call(endpoint, variant.clone()).await;
        sent += 1;
        let shown: String = variant.to_string().chars().take(200).collect();
        assert!(status < 500, "{endpoint} answered {status} {answer} to {shown}");
        if (400..500).contains(&status) && status != 413 {
            let readable = serde_json::from_value::<AppError>(answer.clone());
            assert!(readable.is_ok(), "{endpoint} answered {status} without an error we can show: {answer} to {shown}");
            assert!(!readable.unwrap().message(app::i18n::Lang::Ja).is_empty());
        }
    }
    sent
}

#[tokio::test]
async fn no_hostile_input_gets_a_server_error_and_the_server_stays_up() {
    // Limits off: the point is to reach every function's own checks.
    let w = world_with(|s| {
        for action in Action::ALL {
            s.limits.set(action, RateLimit::new(1_000_000, 60));
        }
    })
    .await;
    let mut sent = 0;
    for (endpoint, access, body) in server_functions(w.ids) {
        if endpoint == "auth/logout" {
            continue;
        }
        sent += feed(&w, endpoint, access, &body).await;
    }
    assert!(sent > 2_000, "{sent}");
    let health = reqwest::get(format!("{}/healthz", w.app.address)).await.unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

#[tokio::test]
async fn the_sign_in_hand_off_takes_the_corpus_in_its_query_and_echoes_none_of_it() {
    let w = world_with(|s| {
        s.sso_jwt_secret = Some("hostile-corpus-secret".into());
        s.limits.set(Action::Sso, RateLimit::new(1_000_000, 60));
    })
    .await;
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    // The longest corpus strings make URLs no client sends (the HTTP library refuses them).
    for value in hostile_strings().into_iter().filter(|v| v.len() <= 6_000) {
        for (token, next) in [(value.as_str(), "/"), ("a.b.c", value.as_str())] {
            let response = http
                .get(format!("{}/sso/jwt", w.app.address))
                .query(&[("token", token), ("next", next)])
                .send()
                .await
                .expect("an answer");
            let status = response.status().as_u16();
            assert!((400..500).contains(&status), "{status} for {value:?}");
            let page = response.text().await.unwrap();
            if value.trim().chars().count() > 3 {
                assert!(!page.contains(value.as_str()), "echoed {value:?}");
            }
        }
    }
}

#[tokio::test]
async fn the_public_pages_take_the_corpus_in_path_and_query_and_echo_none_of_it() {
    let w = world_with(|s| s.dist_dir = crate::seo::site_dir()).await;
    let http = reqwest::Client::new();
    let pages = ["/", "/contact", "/chat", "/privacy", "/terms", "/faq", "/ideas", "/ideas/board"];
    for value in hostile_strings().into_iter().filter(|v| v.len() <= 6_000) {
        let mut urls: Vec<reqwest::RequestBuilder> = pages
            .iter()
            .map(|p| http.get(format!("{}{p}", w.app.address)).query(&[("lang", value.as_str())]))
            .collect();
        let segment: String = value.bytes().map(|b| format!("%{b:02X}")).collect();
        urls.push(http.get(format!("{}/faq/{segment}", w.app.address)));
        for request in urls {
            let response = request.send().await.expect("an answer");
            let status = response.status().as_u16();
            assert!(status < 500, "{status} for {value:?}");
            let page = response.text().await.unwrap();
            if value.trim().chars().count() > 3 {
                assert!(!page.contains(value.as_str()), "echoed {value:?}");
            }
        }
    }
}

#[tokio::test]
async fn the_exports_take_the_corpus_in_their_query() {
    let w = crate::matrix::world().await;
    let exports = [("audit.csv", &["actor_id", "action", "from", "to"][..]), ("inquiries.csv", &["from", "to"][..])];
    for value in hostile_strings().into_iter().filter(|v| v.len() <= 6_000) {
        for (export, key) in exports.iter().flat_map(|(e, keys)| keys.iter().map(move |k| (*e, *k))) {
            let response = w
                .staff
                .http
                .get(format!("{}/api/admin/{export}", w.app.address))
                .query(&[(key, value.as_str())])
                .send()
                .await
                .expect("an answer");
            let status = response.status().as_u16();
            assert!(status < 500, "{status} for {export} {key}={value:?}");
        }
    }
}

#[tokio::test]
async fn the_desk_socket_ignores_the_corpus_and_closes_on_oversized_frames() {
    use crate::desk::{next, open};
    use futures_util::SinkExt;
    use tokio_tungstenite::tungstenite::Message;
    let app = crate::helpers::spawn_app().await;
    app.create_agent("hostile-desk@example.jp", "staff-password-1").await;
    app.create_agent("hostile-peer@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("hostile-desk@example.jp", "staff-password-1").await.0, 200);
    let peer = app.client();
    assert_eq!(peer.login("hostile-peer@example.jp", "staff-password-1").await.0, 200);
    let mut frames: Vec<String> = hostile_strings().into_iter().filter(|s| s.len() < 1000).collect();
    frames.extend(
        hostile_values()
            .into_iter()
            .map(|v| json!({ "Viewing": { "inquiry_id": v } }).to_string())
            .filter(|s| s.len() < 1000),
    );
    let viewing = |id: Option<i64>| Message::Text(json!({ "Viewing": { "inquiry_id": id } }).to_string().into());
    let mut peer_socket = open(&peer, &app).await.expect("socket");
    // A socket takes 40 frames per 10 s before it counts as flooding: a fresh one per 30.
    let mut socket = None;
    for chunk in frames.chunks(30) {
        let mut s = open(&staff, &app).await.expect("socket");
        for frame in chunk {
            s.send(Message::Text(frame.clone().into())).await.expect("sent");
        }
        // Still listening: the peer arriving on the inquiry it then views is heard.
        s.send(viewing(Some(1))).await.unwrap();
        peer_socket.send(viewing(None)).await.unwrap();
        peer_socket.send(viewing(Some(1))).await.unwrap();
        let heard = loop {
            match next(&mut s).await {
                Some(app::desk::DeskEvent::Away { .. }) => continue,
                other => break other,
            }
        };
        assert!(matches!(heard, Some(app::desk::DeskEvent::Presence { inquiry_id: 1, .. })), "{heard:?}");
        socket = Some(s);
    }
    let mut socket = socket.expect("one chunk at least");
    // A frame past the 1 KiB limit ends the socket; the server stays up.
    let _ = socket.send(Message::Text("x".repeat(5_000).into())).await;
    assert_eq!(next(&mut socket).await, None);
    assert!(open(&staff, &app).await.is_ok());
}

#[tokio::test]
async fn the_live_stream_takes_the_corpus_in_its_query_and_forwarded_header() {
    let app = crate::helpers::spawn_app().await;
    let http = reqwest::Client::new();
    for value in hostile_strings().into_iter().filter(|v| v.len() <= 6_000) {
        let forwarded = reqwest::header::HeaderValue::from_str(&value).ok();
        let mut request = http.get(format!("{}/api/live", app.address)).query(&[("since", value.as_str())]);
        if let Some(h) = forwarded {
            request = request.header("x-forwarded-for", h);
        }
        let mut response = request.send().await.expect("an answer");
        assert_eq!(response.status(), 200, "for {value:?}");
        // The first event is the snapshot, whatever was asked.
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(10), response.chunk())
            .await
            .expect("an event")
            .unwrap()
            .unwrap();
        let text = String::from_utf8_lossy(&chunk).into_owned();
        assert!(text.starts_with("data: {") && text.contains("\"waiting\""), "{text}");
    }
}
