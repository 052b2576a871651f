//! The inquiry categories editor: supervisors add, edit, reorder, retire and restore categories;
//! the contact form follows at once, while past inquiries keep the category they were sent with;
//! the last offered category stays even when retired in parallel.
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, Client, TestApp};
use serde_json::{json, Value};

async fn supervisor(app: &TestApp) -> Client {
    app.create_staff("cat-boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    assert_eq!(boss.login("cat-boss@example.jp", "staff-password-1").await.0, 200);
    boss
}

async fn categories(boss: &Client) -> Vec<Value> {
    let (status, list) = boss.call("admin/categories/list", json!({})).await;
    assert_eq!(status, 200, "{list}");
    list.as_array().unwrap().clone()
}

async fn definition(boss: &Client, id: &str) -> Value {
    categories(boss).await.into_iter().find(|e| e["category"]["id"] == id).expect("listed")["category"].clone()
}

async fn form_ids(member: &Client) -> Vec<String> {
    let (_, form) = member.call("contact/form", json!({})).await;
    form["categories"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn an_edit_shows_in_the_form_at_once_and_never_changes_a_past_inquiry() {
    let app = spawn_app().await;
    let boss = supervisor(&app).await;
    let m = member(&app, "cat-member@example.jp").await;
    let (_, sent) = m.call("contact/submit", points_inquiry("cat-before")).await;
    let old_id = sent["id"].as_i64().unwrap();

    // Rename the category and its first field, and drop the order-number field.
    let mut points = definition(&boss, "points").await;
    let old_name = points["name"]["ja"].as_str().unwrap().to_owned();
    let old_label = points["fields"][0]["label"]["ja"].as_str().unwrap().to_owned();
    points["name"]["ja"] = json!("ポイント加算のご相談");
    points["fields"][0]["label"]["ja"] = json!("ご利用のお店");
    let fields: Vec<Value> =
        points["fields"].as_array().unwrap().iter().filter(|f| f["key"] != "order_number").cloned().collect();
    points["fields"] = json!(fields);
    let (status, answer) = boss.call("admin/categories/save", json!({ "category": points, "new": false })).await;
    assert_eq!(status, 200, "{answer}");

    // The form shows the new definition.
    let (_, form) = m.call("contact/form", json!({})).await;
    let now = form["categories"].as_array().unwrap().iter().find(|c| c["id"] == "points").unwrap().clone();
    assert_eq!(now["name"]["ja"], "ポイント加算のご相談");

    // The past inquiry reads as it was sent, for the member and for staff.
    let (_, detail) = m.call("contact/detail", json!({ "id": old_id })).await;
    assert_eq!(detail["summary"]["category"]["ja"], old_name.as_str());
    let labels: Vec<&str> =
        detail["fields"].as_array().unwrap().iter().map(|f| f["label"]["ja"].as_str().unwrap()).collect();
    assert!(labels.contains(&old_label.as_str()), "{labels:?}");
    assert!(
        detail["fields"].as_array().unwrap().iter().any(|f| f["value"]["ja"] == "RS-123456"),
        "the dropped field stays"
    );
    let (_, staff_view) = boss.call("inbox/detail", json!({ "id": old_id })).await;
    assert_eq!(staff_view["detail"]["summary"]["category"]["ja"], old_name.as_str());

    // A new inquiry gets the new definition.
    let mut input = points_inquiry("cat-after");
    input["input"]["fields"].as_object_mut().unwrap().remove("order_number");
    let (status, sent) = m.call("contact/submit", input).await;
    assert_eq!(status, 200, "{sent}");
    let (_, detail) = m.call("contact/detail", json!({ "id": sent["id"] })).await;
    assert_eq!(detail["summary"]["category"]["ja"], "ポイント加算のご相談");
    assert_eq!(detail["fields"][0]["label"]["ja"], "ご利用のお店");

    // Retired: gone from the form, the past inquiry unchanged; restored: back.
    let retire = json!({ "id": "points", "active": false });
    assert_eq!(boss.call("admin/categories/active", retire).await.0, 200);
    assert!(!form_ids(&m).await.contains(&"points".to_owned()));
    let (status, _) = m.call("contact/submit", points_inquiry("cat-retired")).await;
    assert_eq!(status, 422, "a retired category takes no inquiries");
    let (_, detail) = m.call("contact/detail", json!({ "id": old_id })).await;
    assert_eq!(detail["summary"]["category"]["ja"], old_name.as_str());
    assert_eq!(boss.call("admin/categories/active", json!({ "id": "points", "active": true })).await.0, 200);
    assert!(form_ids(&m).await.contains(&"points".to_owned()));

    // Every change is in the audit log.
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'category_save' AND target = 'category:points'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(n, 3);
}

#[tokio::test]
async fn a_new_category_goes_last_and_its_id_must_be_free() {
    let app = spawn_app().await;
    let boss = supervisor(&app).await;
    let campaign = json!({
        "id": "campaign",
        "name": { "ja": "キャンペーン", "en": "Campaigns" },
        "notices": [{ "ja": "対象期間をご確認ください。", "en": "Check the campaign period." }],
        "fields": [
            { "key": "which", "label": { "ja": "キャンペーン", "en": "Campaign" }, "help": null, "required": true,
              "kind": { "Choice": { "options": [
                  { "value": "autumn", "label": { "ja": "秋のキャンペーン", "en": "Autumn" } },
                  { "value": "friend", "label": { "ja": "友達紹介", "en": "Refer a friend" } } ] } } },
            { "key": "message", "label": { "ja": "お問い合わせ内容", "en": "Message" }, "help": null, "required": true,
              "kind": { "Multiline": { "max": 2000 } } }
        ]
    });
    let (status, answer) = boss.call("admin/categories/save", json!({ "category": campaign, "new": true })).await;
    assert_eq!(status, 200, "{answer}");
    let m = member(&app, "campaign-member@example.jp").await;
    assert_eq!(form_ids(&m).await.last().map(String::as_str), Some("campaign"));
    let input = json!({ "input": {
        "category_id": "campaign",
        "fields": { "which": "friend", "message": "紹介ポイントが付きません。" },
        "agree_privacy": true, "agree_terms": true, "idempotency_key": "campaign-first"
    }});
    let (status, sent) = m.call("contact/submit", input).await;
    assert_eq!(status, 200, "{sent}");
    let (_, detail) = m.call("contact/detail", json!({ "id": sent["id"] })).await;
    assert_eq!(detail["fields"][0]["value"]["ja"], "友達紹介");

    // The id is taken now; moving it up swaps it with the one before.
    let (status, answer) = boss.call("admin/categories/save", json!({ "category": campaign, "new": true })).await;
    assert_eq!((status, answer["Validation"][0]["field"].as_str()), (422, Some("id")), "{answer}");
    let before = form_ids(&m).await;
    assert_eq!(boss.call("admin/categories/move", json!({ "id": "campaign", "up": true })).await.0, 200);
    let after = form_ids(&m).await;
    let n = before.len();
    assert_eq!(after[n - 2], "campaign");
    assert_eq!(after[n - 1], before[n - 2]);
}

#[tokio::test]
async fn a_bad_category_is_refused_naming_each_problem() {
    let app = spawn_app().await;
    let boss = supervisor(&app).await;
    let bad = json!({
        "id": "Bad Id!",
        "name": { "ja": "", "en": "x" },
        "notices": [],
        "fields": [
            { "key": "a", "label": { "ja": "A", "en": "A" }, "help": null, "required": false, "kind": { "Line": { "max": 0 } } },
            { "key": "a", "label": { "ja": "B", "en": "B" }, "help": null, "required": false, "kind": { "Choice": { "options": [] } } }
        ]
    });
    let (status, answer) = boss.call("admin/categories/save", json!({ "category": bad, "new": true })).await;
    assert_eq!(status, 422, "{answer}");
    let fields: Vec<&str> =
        answer["Validation"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    for expected in ["id", "name_ja", "field.0.max", "field.1.key", "field.1.choices"] {
        assert!(fields.contains(&expected), "{expected} missing from {fields:?}");
    }
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiry_categories WHERE id = 'Bad Id!'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn retiring_every_category_at_once_leaves_one_offered() {
    let app = spawn_app().await;
    let boss = supervisor(&app).await;
    let ids: Vec<String> =
        categories(&boss).await.iter().map(|e| e["category"]["id"].as_str().unwrap().to_owned()).collect();
    assert!(ids.len() >= 3);
    let mut tasks = tokio::task::JoinSet::new();
    for id in ids.clone() {
        let boss = Client { http: boss.http.clone(), address: boss.address.clone(), jar: boss.jar.clone() };
        tasks.spawn(async move { boss.call("admin/categories/active", json!({ "id": id, "active": false })).await });
    }
    let mut refused = 0;
    while let Some(done) = tasks.join_next().await {
        let (status, answer) = done.unwrap();
        if status == 409 {
            assert_eq!(answer, json!("LastCategory"));
            refused += 1;
        } else {
            assert_eq!(status, 200, "{answer}");
        }
    }
    assert_eq!(refused, 1);
    let (active,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiry_categories WHERE active = 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(active, 1);
}
