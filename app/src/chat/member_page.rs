
use leptos::prelude::*;
#[component]
pub fn ChatPage() -> impl IntoView {}
