//! The help center's heads: `/faq`, and `/faq/:id` with the article's own head and body when it
//! is published.
use super::head::{serve, Head};
use super::LangQuery;
use app::faq::server::{published_article, PublicArticle};
use app::i18n::Lang;
use app::infra::AppState;
use app::shell::titles::{title_text, HELP};
use app::Area;
use axum::extract::{Path, Query, State};
use axum::response::Response;

fn help_center_head(lang: Lang) -> Head {
    let description = match lang {
        Lang::Ja => "ポイント・キャッシュバックについてのよくあるご質問と回答を検索できます。",
        Lang::En => "Search answers to common questions about points and cashback.",
    };
    Head {
        title: title_text(None, HELP, "/faq", lang),
        description: description.into(),
        path: "/faq".into(),
        lang,
        og_type: "website",
    }
}

pub async fn help_center(State(state): State<AppState>, Query(query): Query<LangQuery>) -> Response {
    serve(&state, Area::Help, help_center_head(query.lang()), None).await
}

/// `/faq/:id`: the article's own head and body when it is published; otherwise the help center's
/// generic head (the app then shows "not found" as before).
pub async fn help_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    let lang = query.lang();
    let article = match id.parse::<i64>() {
        Ok(id) => published_article(&state.db, id, lang).await.ok().flatten(),
        Err(_) => None,
    };
    match article {
        Some(PublicArticle { id, title, description, body_html, .. }) => {
            let path = format!("/faq/{id}");
            let head = Head {
                title: title_text(Some(&title), HELP, &path, lang),
                description,
                path,
                lang,
                og_type: "article",
            };
            let body = format!("<article class=\"article-body\">{body_html}</article>");
            serve(&state, Area::Help, head, Some(body)).await
        }
        None => serve(&state, Area::Help, help_center_head(lang), None).await,
    }
}
