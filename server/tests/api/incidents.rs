//! Incidents (issue #23): inquiries matched by the shop and day of use typed in the wizard
//! (width and kana variants alike), linked once however many staff link them at once, told the
//! incident's public note on the member's page, and answered at once — on whichever database the
//! run uses.
use crate::contact::{member, points_inquiry};
use crate::files::field_error;
use crate::helpers::{spawn_app, Client};
use serde_json::{json, Value};

async fn submit(m: &Client, key: &str, shop: &str, day: &str) -> i64 {
    let mut inquiry = points_inquiry(key);
    inquiry["input"]["fields"]["shop_name"] = json!(shop);
    inquiry["input"]["fields"]["used_on"] = json!(day);
    let (status, done) = m.call("contact/submit", inquiry).await;
    assert_eq!(status, 200, "{done}");
    done["id"].as_i64().unwrap()
}

fn incident(title: &str, shop: &str, day: Option<&str>, note: &str) -> Value {
    json!({ "title": title, "status": "Open", "public_note": note, "shop_name": shop, "around_day": day, "window_days": 3 })
}

fn ids(list: &Value) -> Vec<i64> {
    let mut v: Vec<i64> = list.as_array().unwrap().iter().map(|x| x["id"].as_i64().unwrap()).collect();
    v.sort();
    v
}

#[tokio::test]
async fn matching_inquiries_are_suggested_linked_once_told_the_note_and_answered_at_once() {
    let app = spawn_app().await;
    app.create_staff("boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    assert_eq!(boss.login("boss@example.jp", "staff-password-1").await.0, 200);
    let a = member(&app, "hanako@example.jp").await;
    let b = member(&app, "jiro@example.jp").await;
    // Three about the shop within the days (spelled three ways), one about another shop, one
    // about the shop but a month before.
    let matching = vec![
        submit(&a, "inc-key-0001", "じゃらん", "2026-10-01").await,
        submit(&a, "inc-key-0002", "ジャラン", "2026-10-03").await,
        submit(&b, "inc-key-0003", "ｼﾞｬﾗﾝ", "2026-09-29").await,
    ];
    let other_shop = submit(&b, "inc-key-0004", "楽天トラベル", "2026-10-01").await;
    let too_early = submit(&b, "inc-key-0005", "じゃらん", "2026-09-01").await;

    // Refused whole, every field named; nothing stored.
    let bad = json!({ "title": "", "status": "Open", "public_note": "", "shop_name": "じゃらん", "around_day": null, "window_days": 99 });
    let (status, body) = boss.call("incidents/save", json!({ "id": null, "input": bad })).await;
    assert_eq!(
        (status, field_error(&body, "title"), field_error(&body, "window_days")),
        (422, json!("Required"), json!("InvalidNumber"))
    );

    let note = "じゃらんの計測障害により、10/1前後のご利用分の反映が遅れています。";
    // Staff type the shop in katakana; the inquiries spelled it three ways.
    let (status, view) = boss
        .call(
            "incidents/save",
            json!({ "id": null, "input": incident("じゃらん 計測障害 10/1", "ジャラン", Some("2026-10-01"), note) }),
        )
        .await;
    assert_eq!(status, 200, "{view}");
    let id = view["incident"]["id"].as_i64().unwrap();
    let mut expected = matching.clone();
    expected.sort();
    assert_eq!(ids(&view["suggested"]), expected, "by shop (width, kana) and the days around, nothing else");
    assert!(!ids(&view["suggested"]).contains(&other_shop) && !ids(&view["suggested"]).contains(&too_early));
    // An inquiry's page offers the incident it matches.
    let (_, offered) = boss.call("incidents/for-inquiry", json!({ "inquiry_id": matching[0] })).await;
    assert_eq!(offered[0][0], id, "{offered}");
    assert_eq!(boss.call("incidents/for-inquiry", json!({ "inquiry_id": other_shop })).await.1, json!([]));

    // A second incident; both link the same inquiry at once: it is linked to one of them.
    let (_, second) =
        boss.call("incidents/save", json!({ "id": null, "input": incident("重複", "じゃらん", None, "") })).await;
    let second = second["incident"]["id"].as_i64().unwrap();
    let (one, two) = tokio::join!(
        boss.call("incidents/link", json!({ "id": id, "inquiry_ids": [matching[0]], "on": true })),
        boss.call("incidents/link", json!({ "id": second, "inquiry_ids": [matching[0]], "on": true })),
    );
    assert_eq!((one.0, two.0), (200, 200));
    let linked: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM incident_inquiries WHERE inquiry_id = $1")
        .bind(matching[0])
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(linked.0, 1);
    sqlx::query("DELETE FROM incident_inquiries").execute(&app.state.db.pool).await.unwrap();

    // All three linked; none suggested any more. The member is told the note.
    let (status, changed) = boss.call("incidents/link", json!({ "id": id, "inquiry_ids": matching, "on": true })).await;
    assert_eq!((status, changed), (200, json!(3)));
    let (_, view) = boss.call("incidents/get", json!({ "id": id })).await;
    assert_eq!((ids(&view["linked"]), view["suggested"].as_array().unwrap().len()), (expected.clone(), 0));
    let (_, detail) = a.call("contact/detail", json!({ "id": matching[0] })).await;
    assert_eq!(detail["incident_note"], note);
    assert_eq!(b.call("contact/detail", json!({ "id": other_shop })).await.1["incident_note"], Value::Null);

    // One answer to the linked ones: each gets its own reply.
    let items: Vec<Value> = view["linked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!({ "inquiry_id": i["id"], "seen_message_id": i["last_message_id"] }))
        .collect();
    let action = json!({ "Answer": { "body": "{{member_name}} 様\n{{reference}} は障害の復旧後に反映されます。", "close": false } });
    let (status, report) = boss
        .call("inbox/bulk", json!({ "input": { "items": items, "action": action, "client_key": "incident-answer-1" } }))
        .await;
    assert_eq!((status, report["done"].as_array().unwrap().len()), (200, 3), "{report}");

    // Resolved: the note is no longer shown, nothing is suggested; the change is audited.
    let mut resolved = incident("じゃらん 計測障害 10/1", "ジャラン", Some("2026-10-01"), note);
    resolved["status"] = json!("Resolved");
    let (status, _) = boss.call("incidents/save", json!({ "id": id, "input": resolved })).await;
    assert_eq!(status, 200);
    assert_eq!(a.call("contact/detail", json!({ "id": matching[0] })).await.1["incident_note"], Value::Null);
    let audited: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'incident'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(audited.0 >= 5, "{audited:?}");
}

#[tokio::test]
async fn an_inquiry_arriving_later_is_suggested_first() {
    let app = spawn_app().await;
    app.create_staff("boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    boss.login("boss@example.jp", "staff-password-1").await;
    let m = member(&app, "hanako@example.jp").await;
    let first = submit(&m, "late-key-0001", "じゃらん", "2026-10-01").await;
    let (_, view) = boss
        .call(
            "incidents/save",
            json!({ "id": null, "input": incident("計測障害", "じゃらん", Some("2026-10-02"), "") }),
        )
        .await;
    let id = view["incident"]["id"].as_i64().unwrap();
    let later = submit(&m, "late-key-0002", "じゃらん", "2026-10-02").await;
    let (_, view) = boss.call("incidents/get", json!({ "id": id })).await;
    assert_eq!(view["suggested"][0]["id"], later);
    assert_eq!(view["suggested"][1]["id"], first);
    // Unlinking puts it back among the suggestions.
    boss.call("incidents/link", json!({ "id": id, "inquiry_ids": [later], "on": true })).await;
    boss.call("incidents/link", json!({ "id": id, "inquiry_ids": [later], "on": false })).await;
    let (_, view) = boss.call("incidents/get", json!({ "id": id })).await;
    assert_eq!(view["suggested"].as_array().unwrap().len(), 2);
}
