//! The search box at the top of every staff page: a plain form that opens `/admin/search?q=…`
//! (its own bundle), so it costs the other staff bundles almost nothing.
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn SearchBox() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form role="search" class="staff-search" action="/admin/search" method="get">
            <label for="staff-search-q" class="sr-only">{i18n.t(msg::SEARCH_LABEL)}</label>
            <input id="staff-search-q" name="q" type="search" maxlength="200" placeholder=i18n.t(msg::SEARCH_PLACEHOLDER) />
            <button type="submit">{i18n.t(msg::SEARCH_BUTTON)}</button>
        </form>
    }
}
