//! The idea lab's public boards: `/ideas` (adopted ideas and what changed) and `/ideas/board`
//! (the newest ideas), with the ideas as escaped text in `<noscript>` — members wrote them, so
//! every part is text, never markup.
use super::head::{serve, Head};
use super::{escape, LangQuery};
use app::i18n::{msg, Lang};
use app::ideas::server::public_ideas;
use app::ideas::IdeaView;
use app::infra::AppState;
use app::shell::titles::{title_text, IDEAS};
use app::Area;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};

fn list_html(heading: &str, ideas: &[IdeaView], lang: Lang) -> String {
    let mut html = format!("<section><h1>{}</h1><ul>", escape(heading));
    for idea in ideas {
        html.push_str(&format!(
            "<li><h2>{}</h2><p>{} · {} {}</p><p>{}</p>",
            escape(&idea.title),
            escape(idea.status.label(lang)),
            idea.votes,
            escape(msg::IDEA_VOTES.get(lang)),
            escape(&idea.body)
        ));
        if let Some(note) = idea.staff_note.as_deref().filter(|n| !n.trim().is_empty()) {
            html.push_str(&format!("<p>{}</p>", escape(note)));
        }
        html.push_str("</li>");
    }
    html.push_str("</ul></section>");
    html
}

async fn board_page(state: AppState, lang: Lang, path: &str, adopted_only: bool) -> Response {
    let ideas = match public_ideas(&state.db, adopted_only).await {
        Ok(ideas) => ideas,
        Err(e) => return e.into_response(),
    };
    let (heading, description) = if adopted_only {
        (msg::IDEAS_ADOPTED_TITLE, msg::IDEAS_ADOPTED_LEAD)
    } else {
        (msg::IDEAS_BOARD, msg::CORNER_IDEAS_DESC)
    };
    let head = Head {
        title: title_text(None, IDEAS, path, lang),
        description: description.get(lang).into(),
        path: path.into(),
        lang,
        og_type: "website",
    };
    serve(&state, Area::Ideas, head, Some(list_html(heading.get(lang), &ideas, lang))).await
}

pub async fn adopted_board(State(state): State<AppState>, Query(query): Query<LangQuery>) -> Response {
    board_page(state, query.lang(), "/ideas", true).await
}

pub async fn idea_board(State(state): State<AppState>, Query(query): Query<LangQuery>) -> Response {
    board_page(state, query.lang(), "/ideas/board", false).await
}
