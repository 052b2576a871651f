//! Mail both ways (issue #22), over real SMTP: our answer goes out through the SMTP sink with a
//! signed reply address, the test answers it by SMTP to the server's own listener (lettre as the
//! client), and the member's words arrive in the inquiry.
use crate::contact::{member, points_inquiry};
use crate::helpers::{fresh_database_url, spawn_app_on, Client, TestApp};
use crate::smtp::{ReceivedMail, SmtpSink};
use app::infra::Clock;
use lettre::address::Envelope;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const KEY: &str = "test-reply-key-0123456789abcdef0123456789";

async fn mail_app_on(url: String, sink: &SmtpSink) -> TestApp {
    let port = sink.port;
    spawn_app_on(url, Clock::System, move |s| {
        s.smtp_port = port;
        s.outbox_poll_ms = 200;
        s.inbound_poll_ms = 200;
        s.inbound_smtp_bind = Some("127.0.0.1:0".into());
        s.reply_keys = vec![KEY.into()];
        s.inbound_max_bytes = 2_000_000;
    })
    .await
}

pub async fn mail_app(sink: &SmtpSink) -> TestApp {
    mail_app_on(fresh_database_url().await, sink).await
}

/// Sends raw bytes over SMTP to the app's listener, as a relay would.
pub async fn send(app: &TestApp, from: &str, to: &str, raw: &[u8]) -> Result<(), String> {
    let port = app.smtp_port.expect("listener on");
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1").port(port).build();
    let from: Option<Address> = if from.is_empty() { None } else { Some(from.parse().map_err(|e| format!("{e}"))?) };
    let envelope = Envelope::new(from, vec![to.parse().map_err(|e| format!("{e}"))?]).map_err(|e| e.to_string())?;
    transport.send_raw(&envelope, raw).await.map(|_| ()).map_err(|e| e.to_string())
}

/// A member with an inquiry answered by staff; answers the member, staff, the inquiry id and the
/// answer mail as the member received it.
pub async fn answered_inquiry(app: &TestApp, sink: &SmtpSink, email: &str) -> (Client, Client, i64, ReceivedMail) {
    let m = member(app, email).await;
    let (status, done) = m.call("contact/submit", points_inquiry(&format!("key-{email}"))).await;
    assert_eq!(status, 200, "{done}");
    let id = done["id"].as_i64().unwrap();
    let staff_email = format!("staff-{email}");
    app.create_staff(&staff_email, "staff-password-1").await;
    let staff = app.client();
    staff.login(&staff_email, "staff-password-1").await;
    let (status, replied) = staff
        .call(
            "inbox/reply",
            json!({ "input": { "inquiry_id": id, "body": "ご利用日をお知らせください。", "client_key": format!("reply-{email}") } }),
        )
        .await;
    assert_eq!(status, 200, "{replied}");
    let to = email.to_owned();
    let mail =
        sink.wait_for(Duration::from_secs(15), move |m| m.to == [to.clone()] && m.subject.contains("ご回答")).await;
    (m, staff, id, mail)
}

fn iso2022(text: &str) -> Vec<u8> {
    encoding_rs::ISO_2022_JP.encode(text).0.into_owned()
}

/// A carrier-style reply (docomo mail): ISO-2022-JP, an encoded subject, `>` quoting.
pub fn carrier_reply(from: &str, to: &str, message_id: &str, new_words: &str) -> Vec<u8> {
    let mut raw = format!(
        "From: {from}\r\nTo: {to}\r\nSubject: =?ISO-2022-JP?B?UmU6IBskQiQqTeQkJDknJG8kOxsoQg==?=\r\n\
         Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\
         Content-Transfer-Encoding: 7bit\r\n\r\n"
    )
    .into_bytes();
    raw.extend(iso2022(&format!("{new_words}\r\n\r\n> 山田 花子 様\r\n> ご利用日をお知らせください。\r\n")));
    raw
}

/// Waits until the member's inquiry has `n` messages.
pub async fn thread_of(m: &Client, id: i64, n: usize) -> Value {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (_, detail) = m.call("contact/detail", json!({ "id": id })).await;
        if detail["thread"].as_array().is_some_and(|t| t.len() >= n) {
            // Read once more: the detail's summary and thread are two reads, and the first may
            // have come just before the commit that added the message.
            return m.call("contact/detail", json!({ "id": id })).await.1;
        }
        assert!(Instant::now() < deadline, "thread never reached {n} messages: {detail}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn inbound_status(app: &TestApp, message_id: &str) -> (String, Option<String>) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let row: Option<(String, Option<String>)> =
            sqlx::query_as("SELECT status, reason FROM inbound_mail WHERE dedupe_key = $1")
                .bind(format!("mid:{message_id}"))
                .fetch_optional(&app.state.db.pool)
                .await
                .unwrap();
        if let Some(row) = row.filter(|(s, _)| s != "pending") {
            return row;
        }
        assert!(Instant::now() < deadline, "mail {message_id} never processed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_carrier_reply_becomes_one_follow_up_with_only_the_new_words() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, staff, id, mail) = answered_inquiry(&app, &sink, "taro@docomo.ne.jp").await;
    // Our mail names the inquiry's thread and a signed reply address, and says replies are read.
    let reply_to = mail.reply_to.clone().expect("a Reply-To");
    assert!(reply_to.starts_with(&format!("reply+{id}.")) && reply_to.ends_with("@madoguchi.example"), "{reply_to}");
    assert_eq!(mail.in_reply_to.as_deref(), Some(format!("<inquiry-{id}@madoguchi.example>").as_str()));
    assert!(mail.text.contains("このメールにそのまま返信すると"), "{}", mail.text);
    assert!(mail.message_id.as_deref().is_some_and(|m| m.starts_with("<outbox-")), "{mail:?}");

    let raw = carrier_reply("taro@docomo.ne.jp", &reply_to, "r1@docomo.ne.jp", "10月1日です。よろしくお願いします。");
    send(&app, "taro@docomo.ne.jp", &reply_to, &raw).await.expect("accepted");
    let detail = thread_of(&m, id, 2).await;
    let added = &detail["thread"][1];
    assert_eq!(added["body"], "10月1日です。よろしくお願いします。", "{detail}");
    assert_eq!(added["from_staff"], false);
    assert_eq!(added["via_mail"], true);
    assert!(added["quoted"].as_str().unwrap().contains("ご利用日をお知らせください"));
    // Back on the desk, as a follow-up typed on the site would put it.
    assert_eq!(detail["summary"]["status"], "InProgress");
    let (_, seen) = staff.call("inbox/detail", json!({ "id": id })).await;
    assert_eq!(seen["detail"]["thread"][1]["body"], "10月1日です。よろしくお願いします。");
    assert_eq!(inbound_status(&app, "r1@docomo.ne.jp").await, ("threaded".into(), None));

    // Withdrawal erases the raw mail with the member's other words.
    let (status, body) = m.call("account/withdraw", json!({ "password": "password-123" })).await;
    assert_eq!(status, 200, "{body}");
    let (raw_left, quoted_left): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT CAST(COUNT(*) AS BIGINT) FROM inbound_mail),
                (SELECT CAST(COUNT(*) AS BIGINT) FROM inquiry_messages WHERE quoted IS NOT NULL)",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!((raw_left, quoted_left), (0, 0));
}

#[tokio::test]
async fn the_same_mail_handed_over_four_times_at_once_is_one_follow_up() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, _, id, mail) = answered_inquiry(&app, &sink, "jiro@ezweb.ne.jp").await;
    let reply_to = mail.reply_to.unwrap();
    let raw = carrier_reply("jiro@ezweb.ne.jp", &reply_to, "dup@ezweb.ne.jp", "まだ反映されていません");
    let sends = (0..4).map(|_| send(&app, "jiro@ezweb.ne.jp", &reply_to, &raw));
    for result in futures_util::future::join_all(sends).await {
        result.expect("every copy is accepted (and stored once)");
    }
    thread_of(&m, id, 2).await;
    inbound_status(&app, "dup@ezweb.ne.jp").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (_, detail) = m.call("contact/detail", json!({ "id": id })).await;
    assert_eq!(detail["thread"].as_array().unwrap().len(), 2, "{detail}");
    let (rows,): (i64,) = sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM inbound_mail")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn strangers_forgeries_and_plain_mail_are_held_for_supervisors_who_attach_or_discard() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, agent_like, id, mail) = answered_inquiry(&app, &sink, "hanako@softbank.ne.jp").await;
    let reply_to = mail.reply_to.unwrap();
    // A lookalike sender, a token moved to another inquiry, the plain support address.
    let other = carrier_reply("hanak0@softbank.ne.jp", &reply_to, "x1@softbank.ne.jp", "なりすまし");
    send(&app, "hanak0@softbank.ne.jp", &reply_to, &other).await.unwrap();
    let forged_to = reply_to.replacen(&format!("reply+{id}."), &format!("reply+{}.", id + 1), 1);
    let forged = carrier_reply("hanako@softbank.ne.jp", &forged_to, "x2@softbank.ne.jp", "署名違い");
    send(&app, "hanako@softbank.ne.jp", &forged_to, &forged).await.unwrap();
    let plain =
        carrier_reply("hanako@softbank.ne.jp", "support@madoguchi.example", "x3@softbank.ne.jp", "新しい質問です");
    send(&app, "hanako@softbank.ne.jp", "support@madoguchi.example", &plain).await.unwrap();
    let auto = b"From: hanako@softbank.ne.jp\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <x4@softbank.ne.jp>\r\nSubject: Auto: away\r\n\r\naway";
    send(&app, "hanako@softbank.ne.jp", &reply_to, auto).await.unwrap();
    assert_eq!(inbound_status(&app, "x1@softbank.ne.jp").await, ("held".into(), Some("other_sender".into())));
    assert_eq!(inbound_status(&app, "x2@softbank.ne.jp").await, ("held".into(), Some("bad_signature".into())));
    assert_eq!(inbound_status(&app, "x3@softbank.ne.jp").await, ("held".into(), Some("no_token".into())));
    assert_eq!(inbound_status(&app, "x4@softbank.ne.jp").await, ("ignored".into(), Some("auto_reply".into())));
    let (_, detail) = m.call("contact/detail", json!({ "id": id })).await;
    assert_eq!(detail["thread"].as_array().unwrap().len(), 1, "nothing held was threaded");

    // Supervisors see them (agents and members may not) …
    assert_eq!(m.call("admin/mail/inbound", json!({ "include_ignored": false })).await.0, 403);
    app.create_agent("agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    agent.login("agent@example.jp", "agent-password-1").await;
    assert_eq!(agent.call("admin/mail/inbound", json!({ "include_ignored": false })).await.0, 403);
    let supervisor = agent_like;
    let (status, held) = supervisor.call("admin/mail/inbound", json!({ "include_ignored": false })).await;
    assert_eq!(status, 200, "{held}");
    assert_eq!(held.as_array().unwrap().len(), 3, "{held}");
    let (_, with_ignored) = supervisor.call("admin/mail/inbound", json!({ "include_ignored": true })).await;
    assert_eq!(with_ignored.as_array().unwrap().len(), 4);
    let find = |subject_words: &str| {
        held.as_array().unwrap().iter().find(|h| h["text"].as_str().unwrap().contains(subject_words)).unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    // … attach the plain one to the inquiry by its reference, discard the lookalike.
    let reference = detail["summary"]["reference"].as_str().unwrap().to_owned();
    let (status, problem) = supervisor
        .call("admin/mail/inbound/attach", json!({ "input": { "mail_id": find("新しい質問"), "inquiry": "MDG-0-0" } }))
        .await;
    assert_eq!(status, 422, "an unknown reference is a field error: {problem}");
    let (status, body) = supervisor
        .call("admin/mail/inbound/attach", json!({ "input": { "mail_id": find("新しい質問"), "inquiry": reference } }))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(supervisor.call("admin/mail/inbound/discard", json!({ "id": find("なりすまし") })).await.0, 200);
    assert_eq!(supervisor.call("admin/mail/inbound/discard", json!({ "id": find("なりすまし") })).await.0, 404);
    let detail = thread_of(&m, id, 2).await;
    assert_eq!(detail["thread"][1]["body"], "新しい質問です");
    let (_, left) = supervisor.call("admin/mail/inbound", json!({ "include_ignored": false })).await;
    assert_eq!(left.as_array().unwrap().len(), 1);
    let (actions,): (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log WHERE action IN ('mail_attach', 'mail_discard')",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(actions, 2);
}

#[tokio::test]
async fn a_bounce_marks_the_mail_and_the_address_as_failing() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, staff, id, _) = answered_inquiry(&app, &sink, "saburo@docomo.ne.jp").await;
    let (_, me) = m.call("auth/me", json!({})).await;
    assert_eq!(me["mail_refused_from"], Value::Null, "{me}");
    let (outbox_id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM outbox WHERE inquiry_id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let dsn = format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.docomo.ne.jp>\r\nTo: support@madoguchi.example\r\n\
         Message-ID: <dsn-1@mx.docomo.ne.jp>\r\nSubject: Undelivered Mail Returned to Sender\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n\
         --b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.docomo.ne.jp\r\n\r\n\
         Final-Recipient: rfc822; saburo@docomo.ne.jp\r\nAction: failed\r\nStatus: 5.1.1\r\n\
         Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n\
         --b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <outbox-{outbox_id}@madoguchi.example>\r\n--b--\r\n"
    );
    send(&app, "", "support@madoguchi.example", dsn.as_bytes()).await.unwrap();
    assert_eq!(inbound_status(&app, "dsn-1@mx.docomo.ne.jp").await, ("bounce".into(), None));
    let (failing, bounced): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT u.mail_failing_at, o.bounced_at FROM users u JOIN outbox o ON o.to_addr = u.email WHERE o.id = $1",
    )
    .bind(outbox_id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert!(failing.is_some() && bounced.is_some());
    let (_, seen) = staff.call("inbox/detail", json!({ "id": id })).await;
    assert_eq!(seen["member_mail_failing"], true, "{seen}");
    // The member is told on every page, with the domain to allow.
    let (_, me) = m.call("auth/me", json!({})).await;
    assert_eq!(me["mail_refused_from"], "madoguchi.example", "{me}");
}

#[tokio::test]
async fn the_listener_refuses_strangers_addresses_and_oversized_mail() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let error = send(&app, "a@example.jp", "someone@elsewhere.example", b"Subject: x\r\n\r\nx").await.unwrap_err();
    assert!(error.contains("550"), "{error}");
    let big = format!("Subject: big\r\n\r\n{}\r\n", "x".repeat(990).repeat(2_100));
    let error = send(&app, "a@example.jp", "support@madoguchi.example", big.as_bytes()).await.unwrap_err();
    assert!(error.contains("552"), "{error}");
    let (rows,): (i64,) = sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM inbound_mail")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn two_instances_on_one_database_thread_each_mail_once() {
    let sink = SmtpSink::start().await;
    let url = fresh_database_url().await;
    let one = mail_app_on(url.clone(), &sink).await;
    let two = mail_app_on(url, &sink).await;
    let (m, _, id, mail) = answered_inquiry(&one, &sink, "shiro@docomo.ne.jp").await;
    let reply_to = mail.reply_to.unwrap();
    // Ten different replies, each handed to both instances at once (two MX paths).
    let mut sends = Vec::new();
    for n in 0..10 {
        let raw = carrier_reply("shiro@docomo.ne.jp", &reply_to, &format!("two-{n}@docomo.ne.jp"), &format!("返信{n}"));
        for app in [&one, &two] {
            let (raw, reply_to) = (raw.clone(), reply_to.clone());
            sends.push(async move { send(app, "shiro@docomo.ne.jp", &reply_to, &raw).await });
        }
    }
    for result in futures_util::future::join_all(sends).await {
        result.expect("accepted");
    }
    let detail = thread_of(&m, id, 11).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (_, detail_after) = m.call("contact/detail", json!({ "id": id })).await;
    assert_eq!(detail_after["thread"].as_array().unwrap().len(), 11, "{detail}");
    let mut bodies: Vec<String> = detail_after["thread"].as_array().unwrap()[1..]
        .iter()
        .map(|t| t["body"].as_str().unwrap().to_owned())
        .collect();
    bodies.sort();
    let mut expected: Vec<String> = (0..10).map(|n| format!("返信{n}")).collect();
    expected.sort();
    assert_eq!(bodies, expected);
}
