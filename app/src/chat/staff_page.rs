
use leptos::prelude::*;
#[component]
pub fn StaffChatPage() -> impl IntoView {}
