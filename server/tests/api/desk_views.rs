//! The desk at volume (issue #23), second part: tags (supervisors keep the list, staff apply),
//! the inbox's orders and filters with keyset paging, saved views with counts and their limit,
//! and merging — each "only once" rule raced, on whichever database the run uses.
use crate::contact::{member, points_inquiry};
use crate::files::field_error;
use crate::helpers::{spawn_app, Client, TestApp};
use crate::inbound::{answered_inquiry, carrier_reply, mail_app, send, thread_of};
use crate::smtp::SmtpSink;
use serde_json::{json, Value};

async fn desk() -> (TestApp, Client, Client) {
    let app = spawn_app().await;
    app.create_staff("boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    assert_eq!(boss.login("boss@example.jp", "staff-password-1").await.0, 200);
    app.create_agent("agent@example.jp", "agent-password-1").await;
    let agent = app.client();
    assert_eq!(agent.login("agent@example.jp", "agent-password-1").await.0, 200);
    (app, boss, agent)
}

async fn submit(m: &Client, key: &str) -> i64 {
    let (status, done) = m.call("contact/submit", points_inquiry(key)).await;
    assert_eq!(status, 200, "{done}");
    done["id"].as_i64().unwrap()
}

fn filter(extra: Value) -> Value {
    let mut f = json!({ "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false });
    for (k, v) in extra.as_object().unwrap() {
        f[k] = v.clone();
    }
    json!({ "filter": f })
}

async fn listed(staff: &Client, extra: Value) -> Vec<i64> {
    let (status, page) = staff.call("inbox/list", filter(extra)).await;
    assert_eq!(status, 200, "{page}");
    page["rows"].as_array().unwrap().iter().map(|r| r["summary"]["id"].as_i64().unwrap()).collect()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>(sql).fetch_one(&app.state.db.pool).await.unwrap().0
}

#[tokio::test]
async fn supervisors_keep_the_tags_staff_apply_them_once_and_the_inbox_filters_by_them() {
    let (app, boss, agent) = desk().await;
    let m = member(&app, "hanako@example.jp").await;
    let ids = [submit(&m, "tag-key-0001").await, submit(&m, "tag-key-0002").await, submit(&m, "tag-key-0003").await];
    // Agents read the list but do not change it.
    let create = |name: &str| json!({ "change": { "Create": { "name": name } } });
    assert_eq!(agent.call("admin/tags/change", create("要確認")).await.0, 403);
    // Eight supervisors' presses at once: one tag.
    let presses = (0..8).map(|_| boss.call("admin/tags/change", create("じゃらん 12/3 障害")));
    let answers = futures_util::future::join_all(presses).await;
    assert_eq!(answers.iter().filter(|(s, _)| *s == 200).count(), 1, "{answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != 200) {
        assert_eq!((*status, field_error(body, "name")), (422, json!("Duplicate")));
    }
    let (_, tags) = agent.call("inbox/tags", json!({})).await;
    assert_eq!(tags.as_array().unwrap().len(), 1, "{tags}");
    let tag = tags[0]["id"].as_i64().unwrap();
    assert_eq!(
        field_error(&boss.call("admin/tags/change", create("a\u{202E}b")).await.1, "name"),
        json!("FormatCharacters")
    );

    // Tagging the same inquiry six times at once: one tag, one audit row.
    let presses = (0..6).map(|_| agent.call("inbox/tag", json!({ "id": ids[0], "tag_id": tag, "on": true })));
    for (status, body) in futures_util::future::join_all(presses).await {
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["tags"][0]["name"], "じゃらん 12/3 障害");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM inquiry_tags").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'tag'").await, 1);
    // An unknown tag is refused, not stored.
    let (status, body) = agent.call("inbox/tag", json!({ "id": ids[1], "tag_id": tag + 100, "on": true })).await;
    assert_eq!((status, field_error(&body, "tag_id")), (422, json!("InvalidChoice")));

    // In bulk: the other two.
    let items: Vec<Value> = ids[1..].iter().map(|id| json!({ "inquiry_id": id, "seen_message_id": 0 })).collect();
    let action = json!({ "Tag": { "tag_id": tag, "on": true } });
    let (status, report) = agent
        .call("inbox/bulk", json!({ "input": { "items": items, "action": action, "client_key": "bulk-tag-0001" } }))
        .await;
    assert_eq!(status, 200, "{report}");
    let mut tagged = listed(&agent, json!({ "tag_id": tag })).await;
    tagged.sort();
    assert_eq!(tagged, ids.to_vec());
    let (_, page) = agent.call("inbox/list", filter(json!({ "tag_id": tag }))).await;
    assert_eq!(page["rows"][0]["tags"][0]["id"], tag, "rows carry their tags");
    // Off one; renamed; deleted (off every inquiry).
    agent.call("inbox/tag", json!({ "id": ids[0], "tag_id": tag, "on": false })).await;
    assert_eq!(listed(&agent, json!({ "tag_id": tag })).await.len(), 2);
    let (status, renamed) =
        boss.call("admin/tags/change", json!({ "change": { "Rename": { "id": tag, "name": "障害" } } })).await;
    assert_eq!((status, renamed[0]["name"].as_str()), (200, Some("障害")));
    assert_eq!(boss.call("admin/tags/change", json!({ "change": { "Delete": { "id": tag } } })).await.0, 200);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM inquiry_tags").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'tags_manage'").await, 3);
}

/// Rows written straight into the database: `n` inquiries with priorities in turn, due times
/// with ties and activity times in another order.
async fn seed(app: &TestApp, member_id: i64, n: i64) {
    let priorities = ["low", "normal", "high", "urgent", "normal"];
    for k in 0..n {
        sqlx::query(
            "INSERT INTO inquiries (reference, member_id, category_id, fields, status, idempotency_key, received_at, due_at, updated_at, priority)
             VALUES ($1, $2, 'points', '{}', 'new', $3, 0, $4, $5, $6)",
        )
        .bind(format!("MDG-SORT-{k:04}"))
        .bind(member_id)
        .bind(format!("sort-{k}"))
        .bind(1_900_000_000_000 + (k / 7) * 60_000)
        .bind(1_800_000_000_000 + ((k * 37) % 101) * 1_000)
        .bind(priorities[(k % 5) as usize])
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
}

/// Every page of the inbox in one order: the rows, each once.
async fn all_pages(staff: &Client, sort: &str) -> Vec<Value> {
    let mut f = filter(json!({ "sort": sort }));
    let mut rows = Vec::new();
    loop {
        let (status, page) = staff.call("inbox/list", f.clone()).await;
        assert_eq!(status, 200, "{page}");
        rows.extend(page["rows"].as_array().unwrap().iter().cloned());
        if page["next"].is_null() {
            return rows;
        }
        f["filter"]["after"] = page["next"].clone();
    }
}

#[tokio::test]
async fn the_inbox_pages_every_order_without_skipping_or_repeating() {
    let (app, boss, _) = desk().await;
    let m = member(&app, "hanako@example.jp").await;
    submit(&m, "sort-key-0001").await;
    let member_id = count(&app, "SELECT member_id FROM inquiries").await;
    seed(&app, member_id, 230).await;
    let rank = |p: &str| ["Urgent", "High", "Normal", "Low"].iter().position(|x| *x == p).unwrap();
    let due = |r: &Value| {
        chrono::DateTime::parse_from_rfc3339(r["summary"]["due_at"].as_str().unwrap()).unwrap().timestamp_millis()
    };
    let id = |r: &Value| r["summary"]["id"].as_i64().unwrap();

    let by_priority = all_pages(&boss, "Priority").await;
    assert_eq!(by_priority.len(), 231);
    let keys: Vec<(usize, i64, i64)> =
        by_priority.iter().map(|r| (rank(r["priority"].as_str().unwrap()), due(r), id(r))).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys, sorted, "urgent first, then by due time, each once");
    assert_eq!(by_priority[0]["priority"], "Urgent");

    let by_activity = all_pages(&boss, "LastActivity").await;
    assert_eq!(by_activity.len(), 231);
    let keys: Vec<(i64, i64)> = by_activity.iter().map(|r| (r["updated_at"].as_i64().unwrap(), id(r))).collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    sorted.dedup();
    assert_eq!(keys, sorted, "the most recent activity first, each once");

    let by_due = all_pages(&boss, "Due").await;
    let keys: Vec<(i64, i64)> = by_due.iter().map(|r| (due(r), id(r))).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!((keys.len(), keys), (231, sorted));

    // Filters combine with an order: urgent ones only, in due order.
    let urgent = listed(&boss, json!({ "priority": "Urgent", "sort": "Priority" })).await;
    assert_eq!(urgent.len(), 46);
}

#[tokio::test]
async fn filters_find_a_colleagues_inquiries_due_soon_ones_mail_and_held_mail() {
    let (app, boss, agent) = desk().await;
    let m = member(&app, "hanako@example.jp").await;
    let ids =
        [submit(&m, "filter-key-0001").await, submit(&m, "filter-key-0002").await, submit(&m, "filter-key-0003").await];
    let (_, me) = agent.call("auth/me", json!({})).await;
    let agent_id = me["id"].as_i64().expect("the agent's id");
    let items = vec![json!({ "inquiry_id": ids[0], "seen_message_id": 0 })];
    let action = json!({ "Assign": { "staff_id": agent_id } });
    let (status, _) = boss
        .call("inbox/bulk", json!({ "input": { "items": items, "action": action, "client_key": "assign-key-01" } }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(listed(&boss, json!({ "assignee": { "Colleague": agent_id } })).await, vec![ids[0]]);
    assert_eq!(listed(&agent, json!({ "assignee": "Me" })).await, vec![ids[0]]);

    // Due soon: within the next business hour. One is made due in 30 minutes, one is overdue.
    let now = app.state.clock.now_ms();
    for (id, due) in [(ids[1], now + 30 * 60_000), (ids[2], now - 60_000)] {
        sqlx::query("UPDATE inquiries SET due_at = $1 WHERE id = $2")
            .bind(due)
            .bind(id)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    let soon = listed(&boss, json!({ "due_soon": true })).await;
    assert!(soon.contains(&ids[1]) && !soon.contains(&ids[2]), "{soon:?}");
    assert_eq!(listed(&boss, json!({ "overdue_only": true })).await, vec![ids[2]]);

    // The mail channel: the member wrote into it by mail. Held mail: a stranger's mail about it.
    sqlx::query(
        "INSERT INTO inquiry_messages (inquiry_id, author_id, from_staff, body, created_at, via) VALUES ($1, $2, 0, 'メールで', $3, 'mail')",
    )
    .bind(ids[2])
    .bind(count(&app, "SELECT member_id FROM inquiries LIMIT 1").await)
    .bind(now)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(listed(&boss, json!({ "by_mail": true })).await, vec![ids[2]]);
    sqlx::query(
        "INSERT INTO inbound_mail (dedupe_key, envelope_from, recipients, raw, size, client_ip, received_at, status, reason,
                                   inquiry_id, next_attempt_at, processed_at)
         VALUES ('mid:held-1', 'x@example.com', '[]', $1, 1, '127.0.0.1', $2, 'held', 'other_sender', $3, $2, $2)",
    )
    .bind(b"x".to_vec())
    .bind(now)
    .bind(ids[1])
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(listed(&boss, json!({ "unmatched_mail": true })).await, vec![ids[1]]);
    // A hostile filter value is only a value.
    assert!(listed(&boss, json!({ "category_id": "points' OR '1'='1" })).await.is_empty());
}

fn view(name: &str, shared: bool, extra: Value) -> Value {
    let mut input = filter(extra);
    json!({ "input": { "name": name, "shared": shared, "filter": input["filter"].take() } })
}

#[tokio::test]
async fn saved_views_count_for_whoever_looks_are_shared_by_supervisors_and_stop_at_twenty() {
    let (app, boss, agent) = desk().await;
    let m = member(&app, "hanako@example.jp").await;
    let ids = [submit(&m, "view-key-0001").await, submit(&m, "view-key-0002").await];
    agent.call("inbox/assign", json!({ "id": ids[0] })).await;
    // Agents keep their own; sharing is for supervisors.
    assert_eq!(agent.call("inbox/views/save", view("共有", true, json!({}))).await.0, 403);
    let (status, views) = agent.call("inbox/views/save", view("自分の担当", false, json!({ "assignee": "Me" }))).await;
    assert_eq!(status, 200, "{views}");
    assert_eq!((views[0]["name"].as_str(), views[0]["count"].as_i64()), (Some("自分の担当"), Some(1)));
    let (status, _) = boss.call("inbox/views/save", view("みんなの担当分", true, json!({ "assignee": "Me" }))).await;
    assert_eq!(status, 200);
    // The shared view counts "me" as whoever looks: one for the agent, none for the supervisor.
    let (_, seen) = agent.call("inbox/views", json!({})).await;
    let shared = seen.as_array().unwrap().iter().find(|v| v["shared"] == true).expect("shared view listed");
    assert_eq!((shared["count"].as_i64(), shared["mine"].as_bool()), (Some(1), Some(false)));
    let (_, seen) = boss.call("inbox/views", json!({})).await;
    assert_eq!(seen.as_array().unwrap().len(), 1, "the agent's own view is theirs: {seen}");
    assert_eq!(seen[0]["count"], 0);
    // Someone else's personal view cannot be deleted; a duplicate name is refused.
    let own = agent.call("inbox/views", json!({})).await.1;
    let own_id = own.as_array().unwrap().iter().find(|v| v["mine"] == true).unwrap()["id"].clone();
    assert_eq!(boss.call("inbox/views/delete", json!({ "id": own_id })).await.0, 404);
    let (status, body) = agent.call("inbox/views/save", view("自分の担当", false, json!({}))).await;
    assert_eq!((status, field_error(&body, "name")), (422, json!("Duplicate")));

    // 25 saves at once by one staff member: exactly 20 views are kept.
    let saves = (0..25)
        .map(|n| boss.call("inbox/views/save", view(&format!("ビュー{n}"), false, json!({ "overdue_only": true }))));
    let answers = futures_util::future::join_all(saves).await;
    let kept = answers.iter().filter(|(s, _)| *s == 200).count();
    assert_eq!(kept, 19, "one slot was taken before: {answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != 200) {
        assert_eq!((*status, field_error(body, "name")), (422, json!({ "TooMany": { "max": 20 } })), "{body}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM saved_views WHERE shared = 0 OR shared = 1").await, 21);
}

#[tokio::test]
async fn merging_moves_the_thread_closes_the_other_and_a_race_merges_once() {
    let (app, boss, _) = desk().await;
    let m = member(&app, "hanako@example.jp").await;
    let other_member = member(&app, "jiro@example.jp").await;
    let a = submit(&m, "merge-key-0001").await;
    let b = submit(&m, "merge-key-0002").await;
    let c = submit(&other_member, "merge-key-0003").await;
    // Only the same member's inquiries merge; not into itself.
    let (status, body) = boss.call("inbox/merge", json!({ "into": a, "other": c })).await;
    assert_eq!((status, field_error(&body, "other")), (422, json!("InvalidChoice")));
    assert_eq!(boss.call("inbox/merge", json!({ "into": a, "other": a })).await.0, 422);
    // The member follows up on b with a retry key also used on a.
    for id in [a, b] {
        let input =
            json!({ "input": { "inquiry_id": id, "body": format!("追記 {id}"), "client_key": "same-key-on-both" } });
        assert_eq!(m.call("contact/follow-up", input).await.0, 200);
    }
    // Two staff merge the pair at once, in opposite directions: one merge happens.
    let (one, two) = tokio::join!(
        boss.call("inbox/merge", json!({ "into": a, "other": b })),
        boss.call("inbox/merge", json!({ "into": b, "other": a })),
    );
    let winners: Vec<&Value> = [&one, &two].into_iter().filter(|(s, _)| *s == 200).map(|(_, v)| v).collect();
    assert_eq!(winners.len(), 1, "{one:?} {two:?}");
    let kept = winners[0]["detail"]["summary"]["id"].as_i64().unwrap();
    let gone = if kept == a { b } else { a };
    // Both threads in the kept one (two submissions' first messages and two follow-ups), in order.
    let (_, detail) = m.call("contact/detail", json!({ "id": kept })).await;
    let bodies: Vec<&str> = detail["thread"].as_array().unwrap().iter().map(|t| t["body"].as_str().unwrap()).collect();
    assert!(
        bodies.contains(&format!("追記 {a}").as_str()) && bodies.contains(&format!("追記 {b}").as_str()),
        "{bodies:?}"
    );
    // The other is closed, tells the member where the conversation went, and says so to staff.
    let (_, closed) = m.call("contact/detail", json!({ "id": gone })).await;
    assert_eq!(closed["summary"]["status"], "Closed");
    let reference = winners[0]["detail"]["summary"]["reference"].as_str().unwrap();
    assert!(closed["thread"][0]["body"].as_str().unwrap().contains(reference), "{closed}");
    let (_, seen) = boss.call("inbox/detail", json!({ "id": gone })).await;
    assert_eq!(seen["merged_into"][0], kept);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'merge'").await, 1);
    // A merged one merges no further.
    assert_eq!(boss.call("inbox/merge", json!({ "into": gone, "other": kept })).await.0, 422);
}

#[tokio::test]
async fn a_mail_reply_to_a_merged_inquiry_arrives_in_the_one_it_was_merged_into() {
    let sink = SmtpSink::start().await;
    let app = mail_app(&sink).await;
    let (m, staff, id, mail) = answered_inquiry(&app, &sink, "taro@docomo.ne.jp").await;
    let kept = submit(&m, "merge-mail-0001").await;
    let (status, body) = staff.call("inbox/merge", json!({ "into": kept, "other": id })).await;
    assert_eq!(status, 200, "{body}");
    let reply_to = mail.reply_to.clone().expect("a Reply-To");
    let raw = carrier_reply("taro@docomo.ne.jp", &reply_to, "merged-1@docomo.ne.jp", "統合後の返信です。");
    send(&app, "taro@docomo.ne.jp", &reply_to, &raw).await.expect("accepted");
    let detail = thread_of(&m, kept, 2).await;
    let last = detail["thread"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["body"], "統合後の返信です。", "{detail}");
}
