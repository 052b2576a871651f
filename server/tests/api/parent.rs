//! The parent-site connector (issue #24) against the reference parent site, run as a separate
//! process (`madoguchi parent-reference`), on whichever database the run uses.
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app_with, Client, TestApp};
use crate::hostile::hostile_strings;
use app::parent::server::signing::{self, Direction, Message, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use serde_json::json;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};

pub const KEY: &str = "reference-parent-site-key-for-the-tests-0001";

/// The reference parent site, killed when dropped.
pub struct ParentSite {
    /// Its base URL, ending in `/`.
    pub url: String,
    _child: tokio::process::Child,
}

pub async fn parent_site() -> ParentSite {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_madoguchi"))
        .args(["parent-reference", "--bind", "127.0.0.1:0"])
        .env("MADOGUCHI_PARENT_API_KEY", KEY)
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the madoguchi binary runs");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let url = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            let line = lines.next_line().await.expect("read").expect("the reference server printed its address");
            if let Some(at) = line.split("reference server on ").nth(1) {
                return at.trim().to_owned();
            }
        }
    })
    .await
    .expect("the reference server started");
    // Keep reading, so a chatty child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    ParentSite { url: format!("{url}/"), _child: child }
}

pub async fn app_with_parent(site: &ParentSite, configure: impl FnOnce(&mut app::infra::Settings)) -> TestApp {
    let url = site.url.clone();
    spawn_app_with(move |s| {
        s.parent_api_url = Some(url);
        s.parent_api_key = Some(KEY.into());
        configure(s)
    })
    .await
}

/// A member whose account came from the parent site with this id.
pub async fn linked_member(app: &TestApp, email: &str, subject: &str) -> Client {
    let client = member(app, email).await;
    sqlx::query("UPDATE users SET sso_subject = $1 WHERE email = $2")
        .bind(subject)
        .bind(email)
        .execute(&app.state.db.pool)
        .await
        .expect("link");
    client
}

pub async fn supervisor(app: &TestApp) -> Client {
    app.create_staff("parent-boss@example.jp", "staff-password-1").await;
    let c = app.client();
    assert_eq!(c.login("parent-boss@example.jp", "staff-password-1").await.0, 200);
    c
}

fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(9)).date_naive()
}

async fn submit(m: &Client, key: &str, shop: &str, used_on: chrono::NaiveDate) -> i64 {
    let mut inquiry = points_inquiry(key);
    inquiry["input"]["fields"]["shop_name"] = json!(shop);
    inquiry["input"]["fields"]["used_on"] = json!(used_on.to_string());
    let (status, submitted) = m.call("contact/submit", inquiry).await;
    assert_eq!(status, 200, "{submitted}");
    submitted["id"].as_i64().unwrap()
}

async fn audit_count(app: &TestApp, target: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'parent_lookup' AND target = $1")
        .bind(target)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

#[tokio::test]
async fn staff_see_the_matching_click_and_the_reply_keeps_it_as_evidence() {
    let site = parent_site().await;
    let app = app_with_parent(&site, |_| {}).await;
    let m = linked_member(&app, "parent-a@example.jp", "p-1001").await;
    let staff = supervisor(&app).await;
    let used_on = today() - chrono::Duration::days(10);
    let id = submit(&m, "parent-1", "楽天市場", used_on).await;

    let (status, panel) = staff.call("parent/inquiry", json!({ "inquiry_id": id })).await;
    assert_eq!(status, 200, "{panel}");
    let found = &panel["Found"];
    let best = &found["clicks"][0];
    assert_eq!(best["shop"], "楽天市場", "{panel}");
    assert!(best["clicked_at"].as_str().unwrap().starts_with(&used_on.to_string()), "{panel}");
    assert_eq!(best["status"], "Pending");
    assert_eq!(best["expected_on"], (used_on + chrono::Duration::days(75)).to_string());
    assert_eq!(found["from"], (used_on - chrono::Duration::days(3)).to_string());
    assert!(found["suggestion"].as_str().unwrap().contains("判定中"), "{panel}");
    assert_eq!(audit_count(&app, &format!("inquiry:{id}")).await, 1);

    // The answer sent after looking keeps what was seen.
    let reply = json!({ "input": { "inquiry_id": id, "body": "判定中です。", "client_key": "parent-reply-1" } });
    let (status, view) = staff.call("inbox/reply", reply).await;
    assert_eq!(status, 200, "{view}");
    let evidence = view["parent_evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), 1, "{view}");
    let summary = evidence[0]["summary"].as_str().unwrap();
    assert!(summary.contains("楽天市場") && summary.contains("判定中"), "{summary}");
    assert_eq!(evidence[0]["message_id"], view["last_message_id"]);

    // A member not linked to the parent site: nothing to look up, nothing audited.
    let other = member(&app, "parent-b@example.jp").await;
    let id2 = submit(&other, "parent-2", "楽天市場", used_on).await;
    assert_eq!(staff.call("parent/inquiry", json!({ "inquiry_id": id2 })).await.1, json!("NotLinked"));
    assert_eq!(audit_count(&app, &format!("inquiry:{id2}")).await, 0);
    // Not a points claim: no panel.
    let (status, general) = m
        .call(
            "contact/submit",
            json!({ "input": { "category_id": "other", "fields": { "message": "その他の質問です。" },
                    "agree_privacy": true, "agree_terms": true, "idempotency_key": "parent-3" } }),
        )
        .await;
    assert_eq!(status, 200, "{general}");
    let id3 = general["id"].as_i64().unwrap();
    assert_eq!(staff.call("parent/inquiry", json!({ "inquiry_id": id3 })).await.1, json!("Hidden"));
    // The member page's panel: the last weeks, any shop, audited by member.
    let member_id = m.user_view().await.id;
    let (status, recent) = staff.call("parent/member", json!({ "member_id": member_id })).await;
    assert_eq!(status, 200);
    assert!(recent["Found"]["shop"].is_null(), "{recent}");
    assert_eq!(audit_count(&app, &format!("member:{member_id}")).await, 1);
}

#[tokio::test]
async fn the_wizard_tells_a_member_the_judgement_date_and_counts_it_when_they_do_not_write() {
    let site = parent_site().await;
    let app = app_with_parent(&site, |_| {}).await;
    let m = linked_member(&app, "parent-hint@example.jp", "p-2002").await;
    let staff = supervisor(&app).await;
    let used_on = today() - chrono::Duration::days(20);
    let (status, hint) = m.call("parent/hint", json!({ "shop": "じゃらんnet", "used_on": used_on.to_string() })).await;
    assert_eq!(status, 200, "{hint}");
    assert_eq!(hint, json!((used_on + chrono::Duration::days(75)).to_string()));
    // An old purchase was judged long ago: nothing to tell.
    let old = today() - chrono::Duration::days(200);
    assert_eq!(
        m.call("parent/hint", json!({ "shop": "じゃらんnet", "used_on": old.to_string() })).await.1,
        json!(null)
    );
    // Bad input: a clear field error, nothing asked.
    let (status, refused) = m.call("parent/hint", json!({ "shop": "  ", "used_on": used_on.to_string() })).await;
    assert_eq!(status, 422, "{refused}");
    let (status, refused) = m.call("parent/hint", json!({ "shop": "楽天", "used_on": "2026-02-30" })).await;
    assert_eq!(status, 422, "{refused}");
    // A member who signed up here has no parent-site id: nothing to tell.
    let local = member(&app, "parent-local@example.jp").await;
    assert_eq!(
        local.call("parent/hint", json!({ "shop": "楽天", "used_on": used_on.to_string() })).await.1,
        json!(null)
    );
    // Told, and did not write: one hint, one deflection. Then writing anyway counts as not deflected.
    assert_eq!(staff.call("parent/deflections", json!({})).await.1, json!([1, 1]));
    submit(&m, "parent-hint-1", "じゃらんnet", used_on).await;
    assert_eq!(staff.call("parent/deflections", json!({})).await.1, json!([1, 0]));
}

#[tokio::test]
async fn a_stalling_failing_or_lying_parent_site_leaves_the_desk_working_and_says_so() {
    let site = parent_site().await;
    let app = app_with_parent(&site, |s| s.parent_api_cache_secs = 0).await;
    let m = linked_member(&app, "parent-c@example.jp", "stall-1").await;
    let staff = supervisor(&app).await;
    let member_id = m.user_view().await.id;
    let ask = |subject: &'static str| {
        let (app, staff) = (&app, &staff);
        async move {
            sqlx::query("UPDATE users SET sso_subject = $1 WHERE id = $2")
                .bind(subject)
                .bind(member_id)
                .execute(&app.state.db.pool)
                .await
                .unwrap();
            let (status, panel) = staff.call("parent/member", json!({ "member_id": member_id })).await;
            assert_eq!(status, 200, "{subject}: {panel}");
            panel
        }
    };
    // A stalled parent site: the look-up gives up at the timeout, and the desk answers meanwhile.
    let started = Instant::now();
    let stalled = ask("stall-1");
    let desk = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let t = Instant::now();
        let (status, _) = staff.call("inbox/list", json!({ "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false } })).await;
        (status, t.elapsed())
    };
    let (panel, (desk_status, desk_took)) = tokio::join!(stalled, desk);
    assert_eq!(panel, json!({ "Unavailable": "Timeout" }));
    assert!(started.elapsed() < Duration::from_secs(5), "gave up after {:?}", started.elapsed());
    assert_eq!(desk_status, 200);
    assert!(desk_took < Duration::from_secs(1), "the desk waited {desk_took:?} behind the parent site");
    assert_eq!(ask("error-1").await, json!({ "Unavailable": "Failed" }));
    assert_eq!(ask("garbage-1").await, json!({ "Unavailable": "Invalid" }));
    assert_eq!(ask("oversize-1").await, json!({ "Unavailable": "Invalid" }));
    assert_eq!(ask("badsig-1").await, json!({ "Unavailable": "Invalid" }));
    // Five failures in a row: look-ups pause (no request reaches the parent site), then resume.
    assert_eq!(ask("p-3003").await, json!({ "Unavailable": "Paused" }));
    // A member the parent site does not know has no clicks; markup in its data stays text.
    let fresh = app_with_parent(&site, |_| {}).await;
    let staff2 = supervisor(&fresh).await;
    let m2 = linked_member(&fresh, "parent-d@example.jp", "unknown-1").await;
    let id2 = m2.user_view().await.id;
    let (_, unknown) = staff2.call("parent/member", json!({ "member_id": id2 })).await;
    assert_eq!(unknown["Found"]["clicks"], json!([]), "{unknown}");
    sqlx::query("UPDATE users SET sso_subject = 'hostile-1' WHERE id = $1")
        .bind(id2)
        .execute(&fresh.state.db.pool)
        .await
        .unwrap();
    let (_, hostile) = staff2.call("parent/member", json!({ "member_id": id2 })).await;
    let shops: Vec<&str> =
        hostile["Found"]["clicks"].as_array().unwrap().iter().map(|c| c["shop"].as_str().unwrap()).collect();
    assert!(shops.contains(&"<img src=x onerror=alert(1)>"), "{hostile}");
}

#[tokio::test]
async fn the_reference_site_refuses_a_bad_signature_and_signs_its_answers() {
    let site = parent_site().await;
    let http = reqwest::Client::new();
    let path = "/v1/members/p-4004/clicks?from=2026-11-01&to=2026-11-07&shop=%E6%A5%BD%E5%A4%A9";
    let url = format!("{}{}", site.url.trim_end_matches('/'), path);
    let now = signing::now_secs();
    let request = Message { direction: Direction::Request, verb: "GET", path_and_query: path, body: b"" };
    let good = signing::sign(KEY.as_bytes(), &request, now);
    let send = |ts: i64, sig: String| {
        http.get(&url).header(TIMESTAMP_HEADER, ts.to_string()).header(SIGNATURE_HEADER, sig).send()
    };
    let answer = send(now, good.clone()).await.unwrap();
    assert_eq!(answer.status(), 200);
    let (ts, sig) = (
        answer.headers()[TIMESTAMP_HEADER].to_str().unwrap().to_owned(),
        answer.headers()[SIGNATURE_HEADER].to_str().unwrap().to_owned(),
    );
    let body = answer.bytes().await.unwrap();
    let signed = Message { direction: Direction::Response, verb: "200", path_and_query: path, body: &body };
    assert_eq!(signing::verify(KEY.as_bytes(), &signed, Some(&ts), Some(&sig), signing::now_secs()), Ok(()));
    let clicks = app::parent::server::contract::parse(&body, "p-4004").unwrap();
    assert_eq!(clicks[0].shop, "楽天");
    // Another key, a stale time, another path, no signature: refused.
    let wrong_key = signing::sign(b"a key that is not the shared one at all", &request, now);
    assert_eq!(send(now, wrong_key).await.unwrap().status(), 401);
    let stale = signing::sign(KEY.as_bytes(), &request, now - 600);
    assert_eq!(send(now - 600, stale).await.unwrap().status(), 401);
    let other_path = Message { path_and_query: "/v1/members/p-9999/clicks?from=2026-11-01&to=2026-11-07", ..request };
    assert_eq!(send(now, signing::sign(KEY.as_bytes(), &other_path, now)).await.unwrap().status(), 401);
    assert_eq!(http.get(&url).send().await.unwrap().status(), 401);
}

#[tokio::test]
async fn without_a_connector_every_panel_is_hidden() {
    let app = spawn_app_with(|_| {}).await;
    let m = linked_member(&app, "parent-e@example.jp", "p-5005").await;
    let staff = supervisor(&app).await;
    let id = submit(&m, "parent-5", "楽天市場", today() - chrono::Duration::days(5)).await;
    assert_eq!(staff.call("parent/inquiry", json!({ "inquiry_id": id })).await.1, json!("Hidden"));
    let member_id = m.user_view().await.id;
    assert_eq!(staff.call("parent/member", json!({ "member_id": member_id })).await.1, json!("Hidden"));
    assert_eq!(m.call("parent/hint", json!({ "shop": "楽天市場", "used_on": "2026-11-01" })).await.1, json!(null));
}

#[tokio::test]
async fn hostile_input_to_the_connector_is_refused_or_shown_as_text_never_a_server_error() {
    let site = parent_site().await;
    let app =
        app_with_parent(&site, |s| s.limits.parent_hint = app::infra::limits::RateLimit::new(100_000, 3600)).await;
    let m = linked_member(&app, "parent-f@example.jp", "p-6006").await;
    let mut wrong = Vec::new();
    for value in hostile_strings().into_iter().filter(|v| v.len() <= 6_000) {
        for body in [json!({ "shop": value, "used_on": "2026-11-01" }), json!({ "shop": "楽天", "used_on": value })] {
            let (status, answer) = m.call("parent/hint", body.clone()).await;
            if status >= 500 || !(status == 200 || status == 422) {
                wrong.push(format!("{body}: {status} {answer}"));
            }
        }
    }
    // Hostile subjects (a parent-site id is the parent's data too) stay inside one path segment.
    for subject in ["../../admin", "a/b?c=d", "x%2Fy", "名前 with space", "#frag"] {
        sqlx::query("UPDATE users SET sso_subject = $1 WHERE email = 'parent-f@example.jp'")
            .bind(subject)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
        let (status, answer) = m.call("parent/hint", json!({ "shop": "楽天", "used_on": "2026-11-01" })).await;
        if status != 200 {
            wrong.push(format!("subject {subject:?}: {status} {answer}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test]
async fn check_config_reaches_the_parent_site_with_the_right_key_and_names_a_wrong_one() {
    let site = parent_site().await;
    let run = |key: &str| {
        let dir = crate::helpers::scratch_dir("parent-check");
        let dist = dir.join("site");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
        let database = format!("sqlite://{}", dir.join("check.db").display());
        // The SMTP server is not the subject here: port 1 fails it in every run the same way.
        std::process::Command::new(env!("CARGO_BIN_EXE_madoguchi"))
            .current_dir(&dir)
            .env_remove("MADOGUCHI_CONFIG")
            .args(["check-config", "--reach"])
            .env("DATABASE_URL", database)
            .env("MADOGUCHI_DIST_DIR", &dist)
            .env("MADOGUCHI_FILES_DIR", dir.join("files"))
            .env("MADOGUCHI_SMTP_PORT", "1")
            .env("MADOGUCHI_PARENT_API_URL", &site.url)
            .env("MADOGUCHI_PARENT_API_KEY", key)
            .output()
            .expect("runs")
    };
    let right = run(KEY);
    let said = String::from_utf8_lossy(&right.stderr);
    assert!(!said.contains("parent site"), "{said}");
    let wrong = run("a wrong key, though long enough: 0123456789");
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(said.contains("parent site") && said.contains("401"), "{said}");
}

#[tokio::test]
async fn the_hint_limit_holds_when_a_member_asks_many_times_at_once() {
    let site = parent_site().await;
    let app = app_with_parent(&site, |s| s.limits.parent_hint = app::infra::limits::RateLimit::new(5, 3600)).await;
    let m = linked_member(&app, "parent-race@example.jp", "p-8008").await;
    let asks = (0..12).map(|i| {
        let day = format!("2026-11-{:02}", 1 + i);
        m.call("parent/hint", json!({ "shop": "楽天市場", "used_on": day }))
    });
    let statuses: Vec<u16> = futures_util::future::join_all(asks).await.into_iter().map(|(s, _)| s).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 5, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 7, "{statuses:?}");
}
