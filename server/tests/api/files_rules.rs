//! Attachment rules: kinds and limits, the daily quota and attach races under parallel requests,
//! the orphan purge, the withdrawal erase, the hostile corpus, and one run against a real
//! S3-compatible server.
use crate::chat_support::open_hours_at;
use crate::contact::{member, points_inquiry};
use crate::files::{field_error, get, jpeg, png, staff, upload, PDF};
use crate::helpers::{fresh_database_url, spawn_app_on};
use app::infra::limits::{Action, RateLimit};
use app::infra::Clock;
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn the_kind_comes_from_the_bytes_and_limits_are_kept() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.file_max_bytes = 300_000;
        s.message_files_max_bytes = 400_000;
    })
    .await;
    let a = member(&app, "kinds@example.jp").await;
    let refused = |answer: &Value| field_error(answer, "file");
    // An HTML page named .png, an SVG, a zip: refused by their bytes.
    for (name, bytes) in [
        ("receipt.png", b"<!DOCTYPE html><html><script>alert(1)</script></html>".to_vec()),
        ("logo.png", b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".to_vec()),
        ("doc.pdf", b"PK\x03\x04 not a pdf at all".to_vec()),
    ] {
        let (status, answer) = upload(&a, name, bytes).await;
        assert_eq!((status, refused(&answer)), (422, json!("FileKind")), "{name}");
    }
    let (status, answer) = upload(&a, "IMG_0001.HEIC", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec()).await;
    assert_eq!((status, refused(&answer)), (422, json!("FileHeic")));
    let (status, answer) = upload(&a, "empty.png", Vec::new()).await;
    assert_eq!((status, refused(&answer)), (422, json!("Required")));
    // A PNG header on garbage is no image.
    let mut fake = png(4, 4)[..16].to_vec();
    fake.extend_from_slice(&[0x55; 400]);
    let (status, answer) = upload(&a, "broken.png", fake).await;
    assert_eq!((status, refused(&answer)), (422, json!("FileUnreadable")));
    // A JPEG named .pdf is a JPEG.
    let (status, answer) = upload(&a, "receipt.pdf", jpeg(64, 64)).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!((answer["kind"].as_str(), answer["name"].as_str()), (Some("Jpeg"), Some("receipt.jpg")));
    // Past the per-file limit: refused while streaming, nothing kept.
    let (status, answer) = upload(&a, "huge.pdf", [PDF, &vec![b' '; 400_000]].concat()).await;
    assert_eq!((status, refused(&answer)), (422, json!({ "FileTooLarge": { "max_mb": 1 } })));
    let (kept,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM attachments").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(kept, 1);
    let spooled = std::fs::read_dir(&app.state.files.spool).unwrap().count();
    assert_eq!(spooled, 0, "no spool file is left behind");
    // Two files under the per-file limit but over the per-message total.
    let big = || [PDF, &vec![b' '; 250_000]].concat();
    let (_, one) = upload(&a, "1.pdf", big()).await;
    let (_, two) = upload(&a, "2.pdf", big()).await;
    let mut inquiry = points_inquiry("limits-1");
    inquiry["input"]["attachments"] = json!([one["id"], two["id"]]);
    let (status, answer) = a.call("contact/submit", inquiry).await;
    assert_eq!((status, field_error(&answer, "attachments")), (422, json!({ "FilesTooLarge": { "max_mb": 1 } })));
    // Four files are three too many.
    let mut inquiry = points_inquiry("limits-2");
    inquiry["input"]["attachments"] =
        json!(["AAAAAAAAAAAAAAAAAAAAAA", "BAAAAAAAAAAAAAAAAAAAAA", "CAAAAAAAAAAAAAAAAAAAAA", "DAAAAAAAAAAAAAAAAAAAAA"]);
    let (status, answer) = a.call("contact/submit", inquiry).await;
    assert_eq!((status, field_error(&answer, "attachments")), (422, json!({ "TooMany": { "max": 3 } })));
    // The refused inquiries stored nothing, and their files are still free to send.
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiries").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 0);
    let mut inquiry = points_inquiry("limits-3");
    inquiry["input"]["attachments"] = json!([one["id"]]);
    assert_eq!(a.call("contact/submit", inquiry).await.0, 200);
}

#[tokio::test]
async fn an_unverified_member_cannot_upload_and_the_daily_quota_holds_under_parallel_uploads() {
    let app = crate::helpers::spawn_app_with(|s| s.limits.set(Action::FileUpload, RateLimit::new(3, 86_400))).await;
    let fresh = app.client();
    assert_eq!(fresh.register("unverified@example.jp", "password-123", "未確認").await.0, 200);
    fresh.login("unverified@example.jp", "password-123").await;
    assert_eq!(upload(&fresh, "a.png", png(8, 8)).await.0, 403);
    let a = member(&app, "quota@example.jp").await;
    let uploads = (0..8).map(|i| {
        let a = &a;
        async move { upload(a, &format!("{i}.png"), png(16, 16)).await.0 }
    });
    let statuses = futures_util::future::join_all(uploads).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 3, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 5, "{statuses:?}");
}

#[tokio::test]
async fn an_upload_is_attached_once_when_messages_race_for_it() {
    let app = crate::helpers::spawn_app().await;
    let a = member(&app, "race@example.jp").await;
    let (_, done) = a.call("contact/submit", points_inquiry("race-inquiry")).await;
    let inquiry_id = done["id"].as_i64().unwrap();
    let (_, file) = upload(&a, "shot.png", png(32, 32)).await;
    let sends = (0..6).map(|i| {
        let (a, file) = (&a, file["id"].clone());
        async move {
            let input = json!({ "input": { "inquiry_id": inquiry_id, "body": format!("その{i}"), "client_key": format!("race-key-{i:04}"), "attachments": [file] } });
            a.call("contact/follow-up", input).await.0
        }
    });
    let statuses = futures_util::future::join_all(sends).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 422), "{statuses:?}");
    let (attached,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM attachments WHERE inquiry_message_id IS NOT NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(attached, 1);
    // Only the message that got the file was stored.
    let (messages,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM inquiry_messages").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(messages, 1);
}

#[tokio::test]
async fn uploads_never_sent_are_purged_after_a_day_and_sent_ones_stay() {
    let clock = Clock::manual(open_hours_at());
    let app = spawn_app_on(fresh_database_url().await, clock.clone(), |_| {}).await;
    let a = member(&app, "orphans@example.jp").await;
    let (_, kept) = upload(&a, "kept.png", png(40, 40)).await;
    let (_, orphan) = upload(&a, "orphan.png", png(41, 41)).await;
    let mut inquiry = points_inquiry("orphan-inquiry");
    inquiry["input"]["attachments"] = json!([kept["id"]]);
    assert_eq!(a.call("contact/submit", inquiry).await.0, 200);
    let blobs = || async { app.state.files.blobs.list().await.unwrap().len() };
    assert_eq!(blobs().await, 4, "two images and their thumbnails");
    // Not yet a day: nothing goes.
    clock.advance(chrono::Duration::hours(23));
    let purged = app::files::server::purge_files(&app.state, Duration::ZERO).await.unwrap();
    assert_eq!(purged.uploads, 0);
    clock.advance(chrono::Duration::hours(2));
    let purged = app::files::server::purge_files(&app.state, Duration::ZERO).await.unwrap();
    assert_eq!((purged.uploads, purged.blobs), (1, 2));
    assert_eq!(blobs().await, 2);
    assert_eq!(get(&a, &format!("/files/{}", orphan["id"].as_str().unwrap())).await.status(), 404);
    assert_eq!(get(&a, &format!("/files/{}", kept["id"].as_str().unwrap())).await.status(), 200);
}

#[tokio::test]
async fn a_withdrawn_members_files_are_erased_with_their_data() {
    let app = crate::helpers::spawn_app().await;
    let a = member(&app, "leaving@example.jp").await;
    let sato = staff(&app).await;
    let (_, mine) = upload(&a, "mine.png", png(30, 30)).await;
    let mut inquiry = points_inquiry("leaving-inquiry");
    inquiry["input"]["attachments"] = json!([mine["id"]]);
    let (_, done) = a.call("contact/submit", inquiry).await;
    let (_, theirs) = upload(&sato, "answer.png", png(31, 31)).await;
    let reply = json!({ "input": { "inquiry_id": done["id"], "body": "画面です", "client_key": "leaving-reply", "attachments": [theirs["id"]] } });
    assert_eq!(sato.call("inbox/reply", reply).await.0, 200);
    // Someone else's file with the same content stays.
    let b = member(&app, "staying@example.jp").await;
    let (_, same) = upload(&b, "same.png", png(30, 30)).await;
    assert_eq!(a.call("account/withdraw", json!({ "password": "password-123" })).await.0, 200);
    let (left,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM attachments").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(left, 1);
    assert_eq!(get(&sato, &format!("/files/{}", mine["id"].as_str().unwrap())).await.status(), 404);
    assert_eq!(get(&b, &format!("/files/{}", same["id"].as_str().unwrap())).await.status(), 200);
    assert_eq!(app.state.files.blobs.list().await.unwrap().len(), 2, "only the staying member's image and thumbnail");
}

#[tokio::test]
async fn the_hostile_corpus_in_names_ids_and_attachment_lists() {
    let app = crate::helpers::spawn_app_with(|s| {
        for action in Action::ALL {
            s.limits.set(action, RateLimit::new(1_000_000, 60));
        }
    })
    .await;
    let a = member(&app, "hostile-files@example.jp").await;
    let (_, done) = a.call("contact/submit", points_inquiry("hostile-files")).await;
    for value in crate::hostile::hostile_strings() {
        if value.len() <= 6_000 {
            let (status, answer) = upload(&a, &value, png(4, 4)).await;
            assert_eq!(status, 200, "name {value:?}: {answer}");
            let name = answer["name"].as_str().unwrap();
            assert!(!name.chars().any(|c| c.is_control() || c == '\u{202e}' || c == '/'), "{name:?}");
            let id: String = value.chars().filter(|c| *c != '/' && *c != '?' && *c != '#').collect();
            let status = get(&a, &format!("/files/{}", urlencode(&id))).await.status().as_u16();
            assert!(status == 404 || status == 400 || status == 414, "id {value:?}: {status}");
        }
        let mut inquiry = points_inquiry(&format!("hostile-{}", value.len()));
        inquiry["input"]["attachments"] = json!([value]);
        let (status, answer) = a.call("contact/submit", inquiry).await;
        assert!((400..500).contains(&status), "{status} {answer}");
        let follow = json!({ "input": { "inquiry_id": done["id"], "body": "x", "client_key": "hostile-key-1", "attachments": [value] } });
        let (status, answer) = a.call("contact/follow-up", follow).await;
        assert!((400..500).contains(&status), "{status} {answer}");
    }
    assert_eq!(reqwest::get(format!("{}/healthz", app.address)).await.unwrap().status(), 200);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Against a real S3-compatible server (the test command starts moto in server mode and names
/// it in `MADOGUCHI_TEST_S3_ENDPOINT`): upload, serve, and purge go through the bucket.
#[tokio::test]
async fn files_live_in_an_s3_compatible_bucket() {
    let Ok(endpoint) = std::env::var("MADOGUCHI_TEST_S3_ENDPOINT") else {
        eprintln!("MADOGUCHI_TEST_S3_ENDPOINT is not set: skipped (scripts/test.sh sets it)");
        return;
    };
    let bucket = format!("madoguchi-test-{}", std::process::id());
    create_bucket(&endpoint, &bucket).await;
    let clock = Clock::manual(open_hours_at());
    let app = spawn_app_on(fresh_database_url().await, clock.clone(), |s| {
        s.s3_bucket = Some(bucket.clone());
        s.s3_endpoint = Some(endpoint.clone());
        s.s3_access_key_id = Some("test".into());
        s.s3_secret_access_key = Some("test".into());
    })
    .await;
    let a = member(&app, "s3@example.jp").await;
    let (status, file) = upload(&a, "bucket.png", png(120, 90)).await;
    assert_eq!(status, 200, "{file}");
    let listed = app.state.files.blobs.list().await.unwrap();
    assert_eq!(listed.len(), 2, "the image and its thumbnail are in the bucket");
    let response = get(&a, &format!("/files/{}", file["id"].as_str().unwrap())).await;
    assert_eq!(response.status(), 200);
    let img = image::load_from_memory(&response.bytes().await.unwrap()).unwrap();
    assert_eq!((img.width(), img.height()), (120, 90));
    // Nothing on disk: the bucket holds it.
    assert!(!app.state.settings.files_dir.join("blobs").exists());
    clock.advance(chrono::Duration::hours(25));
    let purged = app::files::server::purge_files(&app.state, Duration::ZERO).await.unwrap();
    assert_eq!((purged.uploads, purged.blobs), (1, 2));
    assert!(app.state.files.blobs.list().await.unwrap().is_empty());
}

/// `PUT /<bucket>` (moto accepts it unsigned).
async fn create_bucket(endpoint: &str, bucket: &str) {
    let status = reqwest::Client::new().put(format!("{endpoint}/{bucket}")).send().await.expect("S3 server").status();
    assert!(status.is_success(), "creating the bucket: {status}");
}

/// A browser's 「中止」 (or a dropped line) ends the request part-way: the spool file that was
/// filling goes with the connection and nothing is recorded.
#[tokio::test]
async fn an_upload_stopped_part_way_leaves_nothing() {
    use tokio::io::AsyncWriteExt;
    let app = crate::helpers::spawn_app().await;
    let a = member(&app, "stopped@example.jp").await;
    let spooled = || std::fs::read_dir(&app.state.files.spool).map(|d| d.count()).unwrap_or(0);
    let host = a.address.trim_start_matches("http://").to_owned();
    let mut line = tokio::net::TcpStream::connect(&host).await.expect("connect");
    let head = format!(
        "POST /api/files?name=statement.pdf HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nCookie: {}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: 5000000\r\n\r\n",
        a.address,
        a.cookie_header()
    );
    line.write_all(head.as_bytes()).await.unwrap();
    line.write_all(PDF).await.unwrap();
    line.write_all(&vec![b' '; 300_000]).await.unwrap();
    line.flush().await.unwrap();
    // The body is arriving: its spool file exists…
    let mut waited = 0;
    while spooled() == 0 && waited < 100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += 1;
    }
    assert_eq!(spooled(), 1, "the upload is being spooled");
    // …and goes when the browser stops.
    drop(line);
    let mut waited = 0;
    while spooled() > 0 && waited < 100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += 1;
    }
    assert_eq!(spooled(), 0, "no spool file is left behind");
    let (kept,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM attachments").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(kept, 0);
}
