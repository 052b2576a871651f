//! Heads of the public pages that show no data of their own: the corner, the contact and chat
//! entry pages, privacy and terms. Their titles are the app's (same tables); their descriptions
//! are here, for crawlers and link previews only, so they cost the browser bundles nothing.
use super::head::{serve, Head};
use super::LangQuery;
use app::i18n::Lang;
use app::infra::AppState;
use app::shell::titles::{title_text, TitleTable, CHAT, CONTACT, HOME};
use app::Area;
use axum::extract::{Query, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// The pages `public_page` serves (each is a route in startup.rs and a row in the matrix test).
pub const PUBLIC_PATHS: [&str; 5] = ["/", "/contact", "/chat", "/privacy", "/terms"];

/// Title table and description (ja, en) of a public page.
fn page(path: &str) -> Option<(TitleTable, &'static str, &'static str)> {
    Some(match path {
        "/" => (
            HOME,
            "ポイント・キャッシュバックサイトの会員サポート窓口です。よくある質問、お問い合わせフォーム、チャット、ご意見ラボをご利用いただけます。",
            "Member support for the points and cashback site: answers to common questions, the contact form, live chat and the idea lab.",
        ),
        "/contact" => (
            CONTACT,
            "会員の方はフォームからお問い合わせいただけます。平日11:00〜17:00に受け付け、1営業日以内にご回答します。",
            "Members can write to us through the form. The mail desk works weekdays 11:00–17:00 JST and answers within one business day.",
        ),
        "/chat" => (
            CHAT,
            "平日11:00〜19:00、スタッフとチャットでご相談いただけます(PCのみ)。",
            "Chat with our staff on weekdays, 11:00–19:00 JST (PC only).",
        ),
        "/privacy" => (
            HOME,
            "お問い合わせ・チャットでお預かりする個人情報の取り扱いについてご説明します。",
            "How we handle the personal information you give us in inquiries and chats.",
        ),
        "/terms" => (HOME, "Madoguchi サポートセンターの利用規約です。", "The terms of use of the Madoguchi support center."),
        _ => return None,
    })
}

pub async fn public_page(State(state): State<AppState>, uri: Uri, Query(query): Query<LangQuery>) -> Response {
    let path = uri.path();
    let Some((table, ja, en)) = page(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lang = query.lang();
    let description = if lang == Lang::En { en } else { ja };
    let head = Head {
        title: title_text(None, table, path, lang),
        description: description.into(),
        path: path.to_owned(),
        lang,
        og_type: "website",
    };
    serve(&state, Area::of_path(path), head, None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_public_path_has_a_head() {
        for path in PUBLIC_PATHS {
            let (_, ja, en) = page(path).expect(path);
            assert!(!ja.is_empty() && !en.is_empty() && ja.chars().count() <= 160, "{path}");
            assert!(crate::startup::route_paths().contains(&path), "{path} is not routed to its head");
        }
    }
}
