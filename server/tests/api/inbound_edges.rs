//! Inbound mail at its edges: hostile raw mails over SMTP, and supervisors racing on one held
//! mail. Shares the real-SMTP helpers of `inbound.rs`.
use crate::inbound::{answered_inquiry, carrier_reply, inbound_status, mail_app, send};
use crate::smtp::SmtpSink;
use lettre::address::Envelope;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde_json::json;
use std::time::{Duration, Instant};

/// Raw mails an attacker (or a broken carrier gateway) sends, each to a real reply address from the
/// member's own address: every one is accepted or refused with an SMTP code, then threaded or held
/// with a reason — no worker error, nothing left pending, the server up, every word kept as text.
#[tokio::test]
async fn hostile_raw_mails_are_refused_or_held_never_crash() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, _, id, mail) = answered_inquiry(&app, &sink, "goro@docomo.ne.jp").await;
    let to = mail.reply_to.unwrap();
    let from = "goro@docomo.ne.jp";
    let header = |mid: &str| format!("From: {from}\r\nTo: {to}\r\nMessage-ID: <{mid}@h>\r\nSubject: x\r\n");
    let mut corpus: Vec<Vec<u8>> = vec![
        // Malformed MIME: a boundary that never comes, a part with no headers.
        format!("{}Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\n\r\n本文だけ\r\n", header("h1")).into_bytes(),
        // NUL and control bytes in headers and body.
        format!("{}X-Evil: a\0b\r\n\r\nnul\0here\x07\r\n", header("h2")).into_bytes(),
        // A header of about a megabyte.
        format!("{}X-Long: {}\r\n\r\n長いヘッダー\r\n", header("h3"), "a".repeat(1_000_000)).into_bytes(),
        // HTML with script only: becomes text, never markup.
        format!(
            "{}Content-Type: text/html; charset=UTF-8\r\n\r\n<p>ポイント<script>alert(1)</script><img src=x onerror=alert(2)></p>\r\n",
            header("h4")
        )
        .into_bytes(),
        // A broken encoded word and a charset nobody knows.
        format!(
            "From: {from}\r\nTo: {to}\r\nMessage-ID: <h5@h>\r\nSubject: =?ISO-2022-JP?B?GyRCJCIkJCQm?=broken\r\n\
             Content-Type: text/plain; charset=x-unknown\r\n\r\n\x1b$B$\"\r\n"
        )
        .into_bytes(),
        // A "zip bomb" attachment (refused by kind; the words still arrive) and an executable.
        format!(
            "{}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n添付を送ります\r\n\
             --b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=\"bomb.zip\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\nUEsDBBQAAAAIAAAAIQAAAAAAAAAAAAAAAAAAAAAA\r\n\
             --b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"run.exe\"\r\n\r\nMZ\x7f\r\n--b--\r\n",
            header("h6")
        )
        .into_bytes(),
        // No headers at all.
        b"just some words\r\n".to_vec(),
    ];
    for (i, text) in crate::hostile::hostile_strings().into_iter().enumerate() {
        corpus.push(
            format!("{}Content-Type: text/plain; charset=UTF-8\r\n\r\n{text}\r\n", header(&format!("s{i}")))
                .into_bytes(),
        );
    }
    for raw in &corpus {
        if let Err(e) = send(&app, from, &to, raw).await {
            assert!(e.contains("552") || e.contains("550") || e.contains("554"), "refused without a proper code: {e}");
        }
    }
    // A thousand recipients: the listener stops taking them at 100 (452), the mail still goes.
    let port = app.smtp_port.unwrap();
    let many: Vec<lettre::Address> =
        (0..1000).map(|i| format!("reply+{i}.00@madoguchi.example").parse().unwrap()).collect();
    let envelope = Envelope::new(Some(from.parse().unwrap()), many).unwrap();
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1").port(port).build();
    let many_result = transport.send_raw(&envelope, header("h7").as_bytes()).await;
    assert!(many_result.is_err_and(|e| e.to_string().contains("452")));

    // Everything stored is processed without an error, and the server still answers.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (pending,): (i64,) = sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM inbound_mail WHERE status = 'pending' OR last_error IS NOT NULL",
        )
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        if pending == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "hostile mails left pending or failing");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let statuses: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT status, reason FROM inbound_mail").fetch_all(&app.state.db.pool).await.unwrap();
    assert!(statuses.len() >= corpus.len() - 2, "{statuses:?}");
    assert!(statuses.iter().all(|(s, _)| s == "threaded" || s == "held"), "{statuses:?}");
    let (_, detail) = m.call("contact/detail", json!({ "id": id })).await;
    let thread = detail["thread"].to_string();
    // The HTML-only mail's markup is gone (plain-text mails may of course say "<script>": text).
    assert!(!thread.contains("onerror=alert(2)") && thread.contains("ポイント"), "HTML mail became text: {thread}");
    assert!(
        thread.contains("添付を送ります") && thread.contains("bomb.zip"),
        "the words arrive, the refused file is named"
    );
    let health = reqwest::get(format!("{}/healthz", app.address)).await.unwrap();
    assert_eq!(health.status(), 200);
}

/// Two supervisors attach the same held mail at the same moment (and a third discards it): it is
/// threaded once, the others are told it is gone.
#[tokio::test]
async fn one_held_mail_is_acted_on_once_when_supervisors_race() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, supervisor, id, _) = answered_inquiry(&app, &sink, "race@docomo.ne.jp").await;
    let plain = carrier_reply("race@docomo.ne.jp", "support@madoguchi.example", "race1@docomo.ne.jp", "競合テスト");
    send(&app, "race@docomo.ne.jp", "support@madoguchi.example", &plain).await.unwrap();
    assert_eq!(inbound_status(&app, "race1@docomo.ne.jp").await.0, "held");
    let (_, held) = supervisor.call("admin/mail/inbound", json!({ "include_ignored": false })).await;
    let mail_id = held[0]["id"].as_i64().unwrap();
    let (reference,): (String,) = sqlx::query_as("SELECT reference FROM inquiries WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    app.create_staff("second@example.jp", "staff-password-1").await;
    let second = app.client();
    second.login("second@example.jp", "staff-password-1").await;
    let attach = json!({ "input": { "mail_id": mail_id, "inquiry": reference } });
    let (a, b, c) = tokio::join!(
        supervisor.call("admin/mail/inbound/attach", attach.clone()),
        second.call("admin/mail/inbound/attach", attach.clone()),
        second.call("admin/mail/inbound/discard", json!({ "id": mail_id })),
    );
    let mut statuses = [a.0, b.0, c.0];
    statuses.sort();
    assert_eq!(statuses, [200, 404, 404], "{a:?} {b:?} {c:?}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, detail) = m.call("contact/detail", json!({ "id": id })).await;
    let copies = detail["thread"].as_array().unwrap().iter().filter(|t| t["body"] == "競合テスト").count();
    let (status,): (String,) = sqlx::query_as("SELECT status FROM inbound_mail WHERE id = $1")
        .bind(mail_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // Whoever won: attached and threaded once, or discarded and never threaded.
    match status.as_str() {
        "attached" => assert_eq!(copies, 1),
        "discarded" => assert_eq!(copies, 0),
        other => panic!("held mail ended {other}"),
    }
}

/// Mail to the plain support address from a member becomes a new inquiry of theirs when a
/// supervisor says so — once, however many click at the same moment: acknowledged by mail, the
/// mail's words as the member's first message. From an address no member has: refused in words,
/// the mail still held.
#[tokio::test]
async fn a_supervisor_makes_a_members_plain_mail_a_new_inquiry_once() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, supervisor, _, _) = answered_inquiry(&app, &sink, "newmail@docomo.ne.jp").await;
    let plain =
        carrier_reply("newmail@docomo.ne.jp", "support@madoguchi.example", "new1@docomo.ne.jp", "通帳に記載されません");
    send(&app, "newmail@docomo.ne.jp", "support@madoguchi.example", &plain).await.unwrap();
    let stranger = carrier_reply("who@example.jp", "support@madoguchi.example", "new2@example.jp", "知らない人です");
    send(&app, "who@example.jp", "support@madoguchi.example", &stranger).await.unwrap();
    assert_eq!(inbound_status(&app, "new1@docomo.ne.jp").await, ("held".into(), Some("no_token".into())));
    assert_eq!(inbound_status(&app, "new2@example.jp").await.0, "held");
    let (_, held) = supervisor.call("admin/mail/inbound", json!({ "include_ignored": false })).await;
    let id_of = |from: &str| {
        held.as_array().unwrap().iter().find(|h| h["from"] == from).and_then(|h| h["id"].as_i64()).unwrap()
    };
    let (mine, theirs) = (id_of("newmail@docomo.ne.jp"), id_of("who@example.jp"));

    let make = |mail_id: i64, category: &str| json!({ "input": { "mail_id": mail_id, "category_id": category } });
    let (status, refused) = supervisor.call("admin/mail/inbound/new-inquiry", make(theirs, "other")).await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused.to_string().contains("sender"), "{refused}");
    assert_eq!(supervisor.call("admin/mail/inbound/new-inquiry", make(mine, "no-such")).await.0, 422);
    let (before,): (i64,) =
        sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM inquiries").fetch_one(&app.state.db.pool).await.unwrap();
    app.create_staff("second-new@example.jp", "staff-password-1").await;
    let second = app.client();
    second.login("second-new@example.jp", "staff-password-1").await;
    let (a, b, c) = tokio::join!(
        supervisor.call("admin/mail/inbound/new-inquiry", make(mine, "other")),
        second.call("admin/mail/inbound/new-inquiry", make(mine, "other")),
        supervisor.call("admin/mail/inbound/new-inquiry", make(mine, "other")),
    );
    let mut statuses = [a.0, b.0, c.0];
    statuses.sort();
    assert_eq!(statuses, [200, 404, 404], "{a:?} {b:?} {c:?}");
    let reference = [a, b, c].into_iter().find(|r| r.0 == 200).unwrap().1;
    let reference = reference.as_str().unwrap().to_owned();
    assert!(reference.starts_with("MDG-"), "{reference}");
    let (after,): (i64,) =
        sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM inquiries").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(after, before + 1);
    // The member has it, with the mail's words as their message, and was told its reference.
    let (inquiry_id,): (i64,) = sqlx::query_as("SELECT id FROM inquiries WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let (_, detail) = m.call("contact/detail", json!({ "id": inquiry_id })).await;
    let words = detail["thread"].as_array().unwrap().iter().filter(|t| t["body"] == "通帳に記載されません").count();
    assert_eq!(words, 1, "{detail}");
    let ack = sink
        .wait_for(Duration::from_secs(20), |mail| {
            mail.to.iter().any(|t| t.contains("newmail@docomo.ne.jp")) && mail.text.contains(&reference)
        })
        .await;
    assert!(ack.reply_to.is_some(), "the acknowledgment names its reply address");
    assert_eq!(inbound_status(&app, "new2@example.jp").await.0, "held");
}
