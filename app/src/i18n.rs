//! Japanese first, English second. Every message is a [`Text`] constant with both languages as
//! required fields, so a missing translation or a misspelt key fails to compile.
pub mod msg;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub ja: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

/// The language in use, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

const STORAGE_KEY: &str = "madoguchi.lang";

impl I18n {
    /// The page's `?lang=` (what the server's `hreflang` links point to), else the saved choice
    /// (browser storage); keeps `<html lang>` and the saved choice in step with it.
    pub fn provide() -> I18n {
        let lang = RwSignal::new(url_lang().or_else(saved_lang).unwrap_or_default());
        Effect::new(move |_| {
            let current = lang.get();
            save_lang(current);
        });
        let i18n = I18n { lang };
        provide_context(i18n);
        i18n
    }

    /// A reactive text: use as `{i18n.t(msg::LOGIN)}` in a view.
    pub fn t(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || text.get(lang.get())
    }

    pub fn get(self) -> Lang {
        self.lang.get()
    }

    pub fn get_untracked(self) -> Lang {
        self.lang.get_untracked()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(feature = "csr")]
fn saved_lang() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_code(&storage.get_item(STORAGE_KEY).ok()??)
}

#[cfg(not(feature = "csr"))]
fn saved_lang() -> Option<Lang> {
    None
}

#[cfg(feature = "csr")]
fn url_lang() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    lang_in_query(&search)
}

#[cfg(not(feature = "csr"))]
fn url_lang() -> Option<Lang> {
    None
}

/// `lang` in a query string (`?a=1&lang=en`). Only the browser has a URL to read.
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
fn lang_in_query(search: &str) -> Option<Lang> {
    search.trim_start_matches('?').split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Lang::from_code)
}

#[cfg(feature = "csr")]
fn save_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

#[cfg(not(feature = "csr"))]
fn save_lang(_lang: Lang) {
    let _ = STORAGE_KEY;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_names_the_language() {
        assert_eq!(lang_in_query("?lang=en"), Some(Lang::En));
        assert_eq!(lang_in_query("?next=%2F&lang=ja"), Some(Lang::Ja));
        assert_eq!(lang_in_query("?lang=fr"), None);
        assert_eq!(lang_in_query("?slang=en"), None);
        assert_eq!(lang_in_query(""), None);
    }
}
