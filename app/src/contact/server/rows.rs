//! Turning stored rows into the shared types.
use crate::contact::{Category, FieldValue, InquirySummary, Localized, Status};
use crate::error::AppResult;
use crate::i18n::Lang;
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::BTreeMap;

use crate::calendar::Moment;

pub fn category_name(categories: &[Category], id: &str) -> Localized {
    categories.iter().find(|c| c.id == id).map(|c| c.name.clone()).unwrap_or_else(|| Localized::new(id, id))
}

/// The category an inquiry was sent with (`category_snapshot`), else today's definition.
pub fn sent_with(row: &AnyRow, categories: &[Category]) -> AppResult<Option<Category>> {
    let snapshot: Option<String> = row.try_get("category_snapshot")?;
    if let Some(category) = snapshot.and_then(|json| serde_json::from_str::<Category>(&json).ok()) {
        return Ok(Some(category));
    }
    let id: String = row.try_get("category_id")?;
    Ok(categories.iter().find(|c| c.id == id).cloned())
}

/// Columns: `SUMMARY_COLUMNS`.
pub fn summary(row: &AnyRow, categories: &[Category]) -> AppResult<InquirySummary> {
    let category_id: String = row.try_get("category_id")?;
    let status: String = row.try_get("status")?;
    // The name it was sent with, unless staff moved it to another category since (the member's
    // answers keep their original labels: `sent_with`).
    let category = match sent_with(row, categories)? {
        Some(c) if c.id == category_id => c.name,
        _ => category_name(categories, &category_id),
    };
    Ok(InquirySummary {
        id: row.try_get("id")?,
        reference: row.try_get::<Option<String>, _>("reference")?.unwrap_or_default(),
        category,
        status: Status::parse(&status).unwrap_or(Status::New),
        received_at: Moment::from_millis(row.try_get("received_at")?),
        due_at: Moment::from_millis(row.try_get("due_at")?),
        // Only the member's own list selects it (`UNREAD_COLUMN`).
        unread: row.try_get::<i64, _>("unread").map(|n| n != 0).unwrap_or(false),
    })
}

/// The stored field values in the category's order, readable in both languages.
pub fn field_values(category: Option<&Category>, stored_json: &str) -> Vec<FieldValue> {
    let values: BTreeMap<String, String> = serde_json::from_str(stored_json).unwrap_or_default();
    match category {
        Some(category) => category
            .fields
            .iter()
            .filter_map(|spec| {
                values.get(&spec.key).map(|v| FieldValue {
                    label: spec.label.clone(),
                    value: Localized { ja: spec.display(v, Lang::Ja), en: spec.display(v, Lang::En) },
                })
            })
            .collect(),
        None => values
            .into_iter()
            .map(|(k, v)| FieldValue { label: Localized::new(&k, &k), value: Localized { ja: v.clone(), en: v } })
            .collect(),
    }
}

/// 1 when a staff reply is newer than the member's last look at the inquiry.
pub const UNREAD_COLUMN: &str = "CAST(CASE WHEN EXISTS (SELECT 1 FROM inquiry_messages m WHERE m.inquiry_id = i.id
    AND m.from_staff = 1 AND m.created_at > COALESCE(i.member_seen_at, 0)) THEN 1 ELSE 0 END AS BIGINT) AS unread";

pub const SUMMARY_COLUMNS: &str =
    "i.id, i.reference, i.category_id, i.status, i.received_at, i.due_at, i.category_snapshot";
