//! The app shell: routes, header, footer, and shared UI pieces.
pub mod form;
mod header;
mod pages;

use crate::admin::AdminPage;
use crate::auth::{LoginPage, RegisterPage, Session};
use crate::chat::{ChatHistoryPage, ChatPage, ChatTranscriptPage, StaffChatPage};
use crate::contact::inbox::{InboxDetailPage, InboxPage};
use crate::contact::{ContactWizardPage, HistoryDetailPage, HistoryPage, PrivacyPage, TermsPage};
use crate::corner::CornerPage;
use crate::faq::{FaqAdminPage, FaqArticlePage, FaqEditPage, FaqPage};
use crate::i18n::{msg, I18n};
use crate::ideas::{AdoptedPage, BoardPage, IdeasAdminPage, MyIdeasPage, NewIdeaPage};
use crate::insights::{InsightsPage, TranscriptPage};
use crate::survey::SurveyPage;
use header::Header;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
pub use pages::NotFound;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    Session::provide();
    view! {
        <Router>
            <a class="skip-link" href="#main">{i18n.t(msg::SKIP_TO_CONTENT)}</a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("") view=CornerPage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/register") view=RegisterPage />
                    <Route path=path!("/admin") view=AdminPage />
                    <Route path=path!("/admin/inquiries") view=InboxPage />
                    <Route path=path!("/admin/inquiries/:id") view=InboxDetailPage />
                    <Route path=path!("/contact") view=ContactWizardPage />
                    <Route path=path!("/contact/history") view=HistoryPage />
                    <Route path=path!("/contact/history/:id") view=HistoryDetailPage />
                    <Route path=path!("/privacy") view=PrivacyPage />
                    <Route path=path!("/terms") view=TermsPage />
                    <Route path=path!("/chat") view=ChatPage />
                    <Route path=path!("/admin/chat") view=StaffChatPage />
                    <Route path=path!("/chat/history") view=ChatHistoryPage />
                    <Route path=path!("/chat/history/:id") view=ChatTranscriptPage />
                    <Route path=path!("/chat/survey/:id") view=SurveyPage />
                    <Route path=path!("/admin/insights") view=InsightsPage />
                    <Route path=path!("/admin/chat/transcript/:id") view=TranscriptPage />
                    <Route path=path!("/ideas") view=AdoptedPage />
                    <Route path=path!("/ideas/board") view=BoardPage />
                    <Route path=path!("/ideas/new") view=NewIdeaPage />
                    <Route path=path!("/ideas/mine") view=MyIdeasPage />
                    <Route path=path!("/admin/ideas") view=IdeasAdminPage />
                    <Route path=path!("/faq") view=FaqPage />
                    <Route path=path!("/faq/:id") view=FaqArticlePage />
                    <Route path=path!("/admin/faq") view=FaqAdminPage />
                    <Route path=path!("/admin/faq/:id") view=FaqEditPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{i18n.t(msg::FOOTER)}</p>
            </footer>
        </Router>
    }
}
