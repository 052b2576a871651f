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

/// Columns: id, reference, category_id, status, received_at, due_at.
pub fn summary(row: &AnyRow, categories: &[Category]) -> AppResult<InquirySummary> {
    let category_id: String = row.try_get("category_id")?;
    let status: String = row.try_get("status")?;
    Ok(InquirySummary {
        id: row.try_get("id")?,
        reference: row.try_get::<Option<String>, _>("reference")?.unwrap_or_default(),
        category: category_name(categories, &category_id),
        status: Status::parse(&status).unwrap_or(Status::New),
        received_at: Moment::from_millis(row.try_get("received_at")?),
        due_at: Moment::from_millis(row.try_get("due_at")?),
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

pub const SUMMARY_COLUMNS: &str = "i.id, i.reference, i.category_id, i.status, i.received_at, i.due_at";
