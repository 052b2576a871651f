use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, Client, TestApp};
use serde_json::{json, Value};

async fn search(client: &Client, q: &str) -> Vec<String> {
    let (status, hits) = client.call("faq/search", json!({ "query": q, "lang": "Ja" })).await;
    assert_eq!(status, 200, "{hits}");
    hits.as_array().unwrap().iter().map(|h| title(&h["title"])).collect()
}

fn title(segments: &Value) -> String {
    segments.as_array().unwrap().iter().map(|s| s[0].as_str().unwrap()).collect()
}

async fn staff(app: &TestApp) -> Client {
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    staff
}

#[tokio::test]
async fn short_japanese_queries_find_the_right_articles_title_first() {
    let app = spawn_app().await;
    let visitor = app.client();
    let taikai = search(&visitor, "退会").await;
    assert_eq!(taikai[..2], ["退会の手続き", "退会後に再登録できますか?"]);
    assert!(search(&visitor, "通帳").await.contains(&"ポイントはいつ通帳に記載されますか?".to_string()));
    let mail = search(&visitor, "メール").await;
    assert_eq!(mail[0], "メールアドレスを変更したい");
    // Katakana and hiragana, full and half width, find the same articles.
    let katakana = search(&visitor, "ポイント").await;
    assert!(katakana.len() >= 5);
    assert_eq!(search(&visitor, "ぽいんと").await, katakana);
    assert_eq!(search(&visitor, "ﾒｰﾙ").await, mail);
    // Every word must match; the hit is highlighted.
    assert_eq!(search(&visitor, "チャット 受付時間").await, ["チャットの受付時間"]);
    let (_, hits) = visitor.call("faq/search", json!({ "query": "退会", "lang": "Ja" })).await;
    assert_eq!(hits[0]["title"][0], json!(["退会", true]));
    assert!(search(&visitor, "存在しない言葉").await.is_empty());
    assert!(search(&visitor, "%").await.is_empty(), "LIKE wildcards are matched literally");
}

#[tokio::test]
async fn unpublished_articles_are_invisible_to_members_and_visitors() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let draft = json!({ "input": { "id": null, "category_id": "support", "title_ja": "下書きの記事", "title_en": "Draft",
        "body_ja": "まだ公開しない本文", "body_en": "Not yet", "published": false } });
    let (status, id) = staff.call("faq/admin/save", draft).await;
    assert_eq!(status, 200, "{id}");
    let m = member(&app, "m@example.jp").await;
    assert!(search(&m, "下書き").await.is_empty());
    assert_eq!(m.call("faq/article", json!({ "id": id, "lang": "Ja" })).await.0, 404);
    assert_eq!(staff.call("faq/article", json!({ "id": id, "lang": "Ja" })).await.0, 200);
    let home = m.call("faq/home", json!({ "lang": "Ja" })).await.1;
    assert!(!home.to_string().contains("下書きの記事"));
}

#[tokio::test]
async fn a_member_counts_once_per_article_however_often_they_vote() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let a = member(&app, "a@example.jp").await;
    let b = member(&app, "b@example.jp").await;
    assert_eq!(app.client().call("faq/vote", json!({ "article_id": 1, "helpful": true })).await.0, 401);
    a.call("faq/vote", json!({ "article_id": 1, "helpful": true })).await;
    a.call("faq/vote", json!({ "article_id": 1, "helpful": true })).await;
    a.call("faq/vote", json!({ "article_id": 1, "helpful": false })).await;
    b.call("faq/vote", json!({ "article_id": 1, "helpful": true })).await;
    let (_, stats) = staff.call("faq/admin/stats", json!({})).await;
    let first = stats.as_array().unwrap().iter().find(|s| s["id"] == 1).unwrap();
    assert_eq!((first["helpful_yes"].as_i64(), first["helpful_no"].as_i64()), (Some(1), Some(1)));
    let (_, article) = a.call("faq/article", json!({ "id": 1, "lang": "Ja" })).await;
    assert_eq!(article["my_vote"], false);
}

#[tokio::test]
async fn the_help_center_editor_is_staff_only_and_bodies_are_sanitized() {
    let app = spawn_app().await;
    let m = member(&app, "m@example.jp").await;
    for (endpoint, body) in [
        ("faq/admin/stats", json!({})),
        ("faq/admin/source", json!({ "id": 1 })),
        ("faq/admin/move", json!({ "id": 1, "up": true })),
        ("faq/admin/preview", json!({ "markdown": "x" })),
        (
            "faq/admin/save",
            json!({ "input": { "id": 1, "category_id": "points", "title_ja": "x", "title_en": "x", "body_ja": "x", "body_en": "x", "published": true } }),
        ),
    ] {
        assert_eq!(m.call(endpoint, body).await.0, 403, "{endpoint}");
    }
    let staff = staff(&app).await;
    let evil = json!({ "input": { "id": 1, "category_id": "points", "title_ja": "更新済みの記事", "title_en": "Updated",
        "body_ja": "本文<script>alert(1)</script>[x](javascript:alert(2))", "body_en": "b", "published": true } });
    assert_eq!(staff.call("faq/admin/save", evil).await.0, 200);
    let (_, article) = m.call("faq/article", json!({ "id": 1, "lang": "Ja" })).await;
    assert_eq!(article["title"], "更新済みの記事");
    let html = article["body_html"].as_str().unwrap();
    assert!(!html.contains("<script") && !html.contains("javascript:"), "{html}");
    assert_eq!(search(&m, "更新済み").await, ["更新済みの記事"]);
}

#[tokio::test]
async fn suggestions_follow_what_the_member_types_and_clicks_without_an_inquiry_count_as_deflections() {
    let app = spawn_app().await;
    let a = member(&app, "a@example.jp").await;
    let (_, hits) = a
        .call(
            "faq/suggest",
            json!({ "input": { "context": "points", "text": "判定中のまま変わらないのですが" }, "lang": "Ja" }),
        )
        .await;
    assert_eq!(title(&hits[0]["title"]), "ポイントが「判定中」のまま変わりません");
    assert_eq!(hits.as_array().unwrap().len(), 3);
    let (_, hits) = a
        .call(
            "faq/suggest",
            json!({ "input": { "context": "account", "text": "パスワードを忘れました" }, "lang": "Ja" }),
        )
        .await;
    let id = hits[0]["id"].as_i64().unwrap();
    assert_eq!(title(&hits[0]["title"]), "パスワードを忘れました");

    assert_eq!(a.call("faq/suggestion-click", json!({ "article_id": id, "source": "Contact" })).await.0, 200);
    let b = member(&app, "b@example.jp").await;
    b.call("faq/suggestion-click", json!({ "article_id": id, "source": "Contact" })).await;
    assert_eq!(b.call("contact/submit", points_inquiry("key-defl-0001")).await.0, 200);

    let staff = staff(&app).await;
    let (_, stats) = staff.call("faq/admin/stats", json!({})).await;
    let row = stats.as_array().unwrap().iter().find(|s| s["id"] == id).unwrap();
    assert_eq!(row["deflections"], 1, "b went on to send an inquiry, a did not");
}
