//! Attachments end to end: upload, attach to an inquiry, a follow-up, a reply and a chat message,
//! fetch as owner / other member / staff / visitor. The rules (kinds, limits, races, purge,
//! withdrawal, hostile input, S3) are in `files_rules.rs`; the helpers here serve both.
use crate::chat_support::chat_app;
use crate::contact::{member, points_inquiry};
use crate::helpers::{Client, TestApp};
use crate::ws::open;
use app::chat::protocol::{ClientMsg, ServerMsg, SessionStatus};
use serde_json::{json, Value};
use std::io::Cursor;
use std::time::Duration;

/// A real PNG of `w`×`h` with some content.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, y| image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, 255]));
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba8(img).write_to(&mut out, image::ImageFormat::Png).expect("png");
    out.into_inner()
}

pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, 40, (y % 256) as u8]));
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).expect("jpeg");
    out.into_inner()
}

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

pub async fn upload(client: &Client, name: &str, bytes: Vec<u8>) -> (u16, Value) {
    let response = client
        .http
        .post(format!("{}/api/files", client.address))
        .query(&[("name", name)])
        .body(bytes)
        .send()
        .await
        .expect("upload answered");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

pub async fn get(client: &Client, path: &str) -> reqwest::Response {
    client.http.get(format!("{}{path}", client.address)).send().await.expect("answer")
}

pub fn field_error(answer: &Value, field: &str) -> Value {
    answer["Validation"]
        .as_array()
        .and_then(|l| l.iter().find(|f| f["field"] == field))
        .map(|f| f["error"].clone())
        .unwrap_or(Value::Null)
}

pub async fn staff(app: &TestApp) -> Client {
    app.create_staff("files-staff@example.jp", "staff-password-1").await;
    let client = app.client();
    assert_eq!(client.login("files-staff@example.jp", "staff-password-1").await.0, 200);
    client
}

#[tokio::test]
async fn a_screenshot_travels_with_an_inquiry_and_only_its_member_and_staff_can_open_it() {
    let sink = crate::smtp::SmtpSink::start().await;
    let app = crate::contact::app_with_mail(&sink).await;
    let a = member(&app, "files-a@example.jp").await;
    let b = member(&app, "files-b@example.jp").await;
    let sato = staff(&app).await;

    let (status, file) = upload(&a, "注文確認画面.png", png(800, 600)).await;
    assert_eq!(status, 200, "{file}");
    assert_eq!((file["kind"].as_str(), file["name"].as_str()), (Some("Png"), Some("注文確認画面.png")));
    let id = file["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 22);
    // Before it is sent, only its uploader has it.
    assert_eq!(get(&a, &format!("/files/{id}")).await.status(), 200);
    assert_eq!(get(&b, &format!("/files/{id}")).await.status(), 404);

    let mut inquiry = points_inquiry("files-inquiry-1");
    inquiry["input"]["attachments"] = json!([id]);
    let (status, submitted) = a.call("contact/submit", inquiry).await;
    assert_eq!(status, 200, "{submitted}");
    let inquiry_id = submitted["id"].as_i64().unwrap();
    let (_, detail) = a.call("contact/detail", json!({ "id": inquiry_id })).await;
    assert_eq!(detail["attachments"][0]["id"], id.as_str(), "{detail}");

    // The owner: the re-encoded image, inline, with headers that let nothing run.
    let response = get(&a, &format!("/files/{id}")).await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
    assert!(headers["content-disposition"].to_str().unwrap().starts_with("inline;"));
    let bytes = response.bytes().await.unwrap();
    let decoded = image::load_from_memory(&bytes).expect("a PNG");
    assert_eq!((decoded.width(), decoded.height()), (800, 600));
    let thumb = get(&a, &format!("/files/{id}/thumb")).await;
    assert_eq!(thumb.status(), 200);
    let thumb = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (320, 240));
    // Staff too; another member and a visitor not (404 as for a missing file; 401 to log in).
    assert_eq!(get(&sato, &format!("/files/{id}")).await.status(), 200);
    assert_eq!(get(&b, &format!("/files/{id}")).await.status(), 404);
    assert_eq!(get(&b, &format!("/files/{id}/thumb")).await.status(), 404);
    assert_eq!(get(&app.client(), &format!("/files/{id}")).await.status(), 401);
    assert_eq!(get(&a, "/files/AAAAAAAAAAAAAAAAAAAAAA").await.status(), 404);

    // The acknowledgment says a file came, and carries none.
    let ack = sink.wait_for(Duration::from_secs(15), |m| m.subject.contains("受付完了")).await;
    assert!(ack.text.contains("添付ファイル: 1件"), "{}", ack.text);

    // Staff answer with a PDF: served only as a download; the member sees it in the thread.
    let (status, pdf) = upload(&sato, "ご案内.pdf", PDF.to_vec()).await;
    assert_eq!(status, 200, "{pdf}");
    let pdf_id = pdf["id"].as_str().unwrap().to_owned();
    let reply = json!({ "input": { "inquiry_id": inquiry_id, "body": "資料をお送りします。", "client_key": "files-reply-1", "attachments": [pdf_id] } });
    let (status, answer) = sato.call("inbox/reply", reply).await;
    assert_eq!(status, 200, "{answer}");
    let (_, detail) = a.call("contact/detail", json!({ "id": inquiry_id })).await;
    assert_eq!(detail["thread"][0]["attachments"][0]["name"], "ご案内.pdf", "{detail}");
    let response = get(&a, &format!("/files/{pdf_id}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF, "PDFs are kept as they are");
    assert_eq!(get(&a, &format!("/files/{pdf_id}/thumb")).await.status(), 404);
    assert_eq!(get(&b, &format!("/files/{pdf_id}")).await.status(), 404);
    let mail = sink.wait_for(Duration::from_secs(15), |m| m.subject.contains("ご回答")).await;
    assert!(mail.text.contains("添付ファイル: 1件") && mail.text.contains(&format!("/contact/history/{inquiry_id}")));

    // A follow-up with a file; the same file cannot be attached a second time.
    let (_, shot) = upload(&a, "通帳.jpg", jpeg(640, 480)).await;
    let shot = shot["id"].as_str().unwrap().to_owned();
    let follow = |key: &str| json!({ "input": { "inquiry_id": inquiry_id, "body": "通帳の画面です", "client_key": key, "attachments": [shot] } });
    let (status, detail) = a.call("contact/follow-up", follow("files-follow-1")).await;
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["thread"][1]["attachments"][0]["kind"], "Jpeg");
    let (status, answer) = a.call("contact/follow-up", follow("files-follow-2")).await;
    assert_eq!(status, 422);
    assert_eq!(field_error(&answer, "attachments"), "FileUnavailable");
    // Nothing of the refused follow-up was stored.
    let (_, detail) = a.call("contact/detail", json!({ "id": inquiry_id })).await;
    assert_eq!(detail["thread"].as_array().unwrap().len(), 2);
    // Someone else's upload cannot be attached either.
    let (_, hers) = upload(&b, "b.png", png(10, 10)).await;
    let mut stolen = points_inquiry("files-inquiry-2");
    stolen["input"]["attachments"] = json!([hers["id"]]);
    let (status, answer) = a.call("contact/submit", stolen).await;
    assert_eq!((status, field_error(&answer, "attachments")), (422, json!("FileUnavailable")));
    // The member's data export lists their files (and staff's on their inquiry) by address.
    let export: Value = get(&a, "/api/account/export.json").await.json().await.unwrap();
    let names: Vec<&str> = export["files"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["注文確認画面.png", "ご案内.pdf", "通帳.jpg"]);
    assert!(export["files"][0]["url"].as_str().unwrap().ends_with(&format!("/files/{id}")));
    let theirs: Value = get(&b, "/api/account/export.json").await.json().await.unwrap();
    assert_eq!(theirs["files"].as_array().unwrap().len(), 1, "only b.png");
}

#[tokio::test]
async fn files_in_chat_reach_the_other_side() {
    let (app, _clock) = chat_app().await;
    let m = member(&app, "chat-files@example.jp").await;
    let s = m.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    let sato = staff(&app).await;
    assert_eq!(sato.call("chat/staff/take-next", json!({})).await.1, s);
    let mut st = open(&sato, &app.address, s).await;
    st.status(SessionStatus::Active).await;
    let mut ms = open(&m, &app.address, s).await;
    ms.status(SessionStatus::Active).await;
    let (_, file) = upload(&m, "clipboard.png", png(200, 100)).await;
    let id = file["id"].as_str().unwrap().to_owned();
    // A file alone is a message.
    ms.send(ClientMsg::Send { client_id: "f-1".into(), body: String::new(), attachments: vec![id.clone()] }).await;
    let got = st.until(|msg| if let ServerMsg::Message(msg) = msg { Some(msg) } else { None }).await;
    assert_eq!(got.attachments.len(), 1);
    assert_eq!(got.attachments[0].id, id);
    assert_eq!(get(&sato, &format!("/files/{id}/thumb")).await.status(), 200);
    // Sent again (a reconnect's resend): stored once, still one file.
    ms.send(ClientMsg::Send { client_id: "f-1".into(), body: String::new(), attachments: vec![id.clone()] }).await;
    ms.until(|msg| matches!(msg, ServerMsg::Ack { .. }).then_some(())).await;
    // Someone else's or a made-up file: refused, nothing stored.
    ms.send(ClientMsg::Send {
        client_id: "f-2".into(),
        body: "これも".into(),
        attachments: vec!["AAAAAAAAAAAAAAAAAAAAAA".into()],
    })
    .await;
    let problem = ms.until(|msg| if let ServerMsg::Error(p) = msg { Some(p) } else { None }).await;
    assert_eq!(problem, app::chat::protocol::ChatProblem::FileUnavailable);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_messages WHERE session_id = $1")
        .bind(s)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    // The transcript staff read later carries the file too.
    let history = app::chat::server::messages_for(&app.state.db, s).await.unwrap();
    assert_eq!(history[0].attachments[0].id, id);
    // Another member cannot open it.
    let other = member(&app, "chat-other@example.jp").await;
    assert_eq!(get(&other, &format!("/files/{id}")).await.status(), 404);
}
