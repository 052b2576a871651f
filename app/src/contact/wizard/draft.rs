//! The wizard's state as it is saved in browser storage, one draft per member.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// 1 category, 2 notices, 3 fields, 4 confirm.
    pub step: u8,
    pub category_id: String,
    pub agree_privacy: bool,
    pub agree_terms: bool,
    pub fields: BTreeMap<String, String>,
    pub idempotency_key: String,
    /// Files uploaded in step 3: kept with the draft, so a reload still sends them (uploads not
    /// sent within a day are purged; the server then says so and they are attached again).
    #[serde(default)]
    pub attachments: Vec<crate::files::Attachment>,
}

fn storage_key(user_id: i64) -> String {
    format!("madoguchi.contact.draft.{user_id}")
}

impl Draft {
    pub fn new(category: Option<String>) -> Draft {
        let step = if category.is_some() { 2 } else { 1 };
        Draft { step, category_id: category.unwrap_or_default(), idempotency_key: random_key(), ..Default::default() }
    }

    /// The saved draft (and `true`) if there is one worth restoring; else a new one.
    pub fn load_or_new(user_id: i64, category: Option<String>) -> (Draft, bool) {
        let saved = storage().and_then(|s| s.get_item(&storage_key(user_id)).ok().flatten());
        match saved.and_then(|json| serde_json::from_slice::<Draft>(json.as_bytes()).ok()) {
            // A link that names a different category starts over with that category.
            Some(d) if d.step > 1 && category.as_ref().is_none_or(|c| *c == d.category_id) => (d, true),
            _ => (Draft::new(category), false),
        }
    }

    pub fn save(&self, user_id: i64) {
        if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(self)) {
            let _ = storage.set_item(&storage_key(user_id), &json);
        }
    }

    pub fn clear(user_id: i64) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&storage_key(user_id));
        }
    }
}

#[cfg(feature = "csr")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(not(feature = "csr"))]
struct NoStorage;

#[cfg(not(feature = "csr"))]
impl NoStorage {
    fn get_item(&self, _: &str) -> Result<Option<String>, ()> {
        Ok(None)
    }
    fn set_item(&self, _: &str, _: &str) -> Result<(), ()> {
        Ok(())
    }
    fn remove_item(&self, _: &str) -> Result<(), ()> {
        Ok(())
    }
}

#[cfg(not(feature = "csr"))]
fn storage() -> Option<NoStorage> {
    None
}

/// 128 random bits as hex, from the browser's CSPRNG (works on plain http too, unlike
/// `randomUUID`).
#[cfg(feature = "csr")]
pub(crate) fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No CSPRNG: the time plus Math.random still keeps two drafts apart.
        return format!("t{}-{}", js_sys::Date::now(), js_sys::Math::random());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(not(feature = "csr"))]
pub(crate) fn random_key() -> String {
    String::new()
}
