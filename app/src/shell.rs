//! The app shell: the frame every page shares (header, main landmark, footer), the site's areas
//! and their routes, and shared UI pieces.
mod area;
mod areas;
pub mod form;
mod header;
mod pages;
pub mod titles;

use crate::auth::Session;
use crate::i18n::{msg, I18n};
pub use area::Area;
pub use areas::{
    AccountApp, ChatApp, ChatHistoryApp, ContactApp, HelpApp, HistoryApp, HomeApp, IdeasApp, StaffAdminApp, StaffApp,
    StaffChatApp, StaffContentApp, StaffFiguresApp, StaffInquiryApp, StaffRecordsApp,
};
use header::Header;
use leptos::prelude::*;
use leptos_router::components::{Router, A};
pub use pages::NotFound;

/// The frame around one area's routes: language and session state, the router, header, main
/// landmark and footer.
#[component]
fn Shell(children: Children) -> impl IntoView {
    let i18n = I18n::provide();
    Session::provide();
    view! {
        <Router>
            <a class="skip-link" href="#main">{i18n.t(msg::SKIP_TO_CONTENT)}</a>
            <Header />
            <main id="main" tabindex="-1">
                <crate::auth::VerifyBanner />
                {children()}
            </main>
            <footer class="site-footer">
                <nav aria-label=i18n.t(msg::FOOTER_NAV)>
                    <A href="/privacy">{i18n.t(msg::PRIVACY_LINK)}</A>
                    " · "
                    <A href="/terms">{i18n.t(msg::TERMS_LINK)}</A>
                </nav>
                <p>{i18n.t(msg::FOOTER)}</p>
            </footer>
        </Router>
    }
}
