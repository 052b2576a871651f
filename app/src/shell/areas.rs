//! Each area's routes, one component per browser bundle (`frontend/` mounts the one its Cargo
//! feature names). A path outside the area is not a missing page: the fallback loads it in full,
//! and the server answers with the page of the area it belongs to.
use super::titles::{self, RouteTitles};
use super::{pages::NotFound, Area, Shell};
use crate::account::{AccountPage, EmailConfirmPage};
use crate::admin::AdminPage;
use crate::audit::AuditPage;
use crate::auth::{LoginPage, RegisterPage, ResetPage, TwoFactorPage, VerifyPage};
use crate::category_editor::CategoriesPage;
use crate::chat::{ChatHistoryPage, ChatPage, ChatTranscriptPage, PastChatsPage, StaffChatPage};
use crate::contact::inbox::{InboxDetailPage, InboxPage};
use crate::contact::{ContactWizardPage, HistoryDetailPage, HistoryPage, PrivacyPage, TermsPage};
use crate::corner::CornerPage;
use crate::desk::DeskPulse;
use crate::faq::{FaqAdminPage, FaqArticlePage, FaqEditPage, FaqPage};
use crate::i18n::{msg, use_i18n};
use crate::ideas::{AdoptedPage, BoardPage, IdeasAdminPage, MyIdeasPage, NewIdeaPage};
use crate::incidents::{IncidentPage, IncidentsPage};
use crate::insights::desk::DeskFiguresPage;
use crate::insights::{InsightsPage, TranscriptPage};
use crate::mail::inbound::HeldMailPage;
use crate::members::MemberPage;
use crate::rules::RulesPage;
use crate::search::{SearchBox, SearchPage};
use crate::survey::{InquirySurveyPage, SurveyPage};
use crate::team::{JoinPage, TeamPage};
use crate::webhooks::WebhookLogPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn HomeApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::HOME />
            <Routes fallback=|| view! { <Elsewhere here=Area::Home /> }>
                <Route path=path!("") view=CornerPage />
                <Route path=path!("/privacy") view=PrivacyPage />
                <Route path=path!("/terms") view=TermsPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn ContactApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::CONTACT />
            <Routes fallback=|| view! { <Elsewhere here=Area::Contact /> }>
                <Route path=path!("/contact") view=ContactWizardPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn HistoryApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::HISTORY />
            <Routes fallback=|| view! { <Elsewhere here=Area::History /> }>
                <Route path=path!("/contact/history") view=HistoryPage />
                <Route path=path!("/contact/history/:id") view=HistoryDetailPage />
                <Route path=path!("/contact/survey/:id") view=InquirySurveyPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn ChatApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::CHAT />
            <Routes fallback=|| view! { <Elsewhere here=Area::Chat /> }>
                <Route path=path!("/chat") view=ChatPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn ChatHistoryApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::CHAT_HISTORY />
            <Routes fallback=|| view! { <Elsewhere here=Area::ChatHistory /> }>
                <Route path=path!("/chat/history") view=ChatHistoryPage />
                <Route path=path!("/chat/history/:id") view=ChatTranscriptPage />
                <Route path=path!("/chat/survey/:id") view=SurveyPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn IdeasApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::IDEAS />
            <Routes fallback=|| view! { <Elsewhere here=Area::Ideas /> }>
                <Route path=path!("/ideas") view=AdoptedPage />
                <Route path=path!("/ideas/board") view=BoardPage />
                <Route path=path!("/ideas/new") view=NewIdeaPage />
                <Route path=path!("/ideas/mine") view=MyIdeasPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn HelpApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::HELP />
            <Routes fallback=|| view! { <Elsewhere here=Area::Help /> }>
                <Route path=path!("/faq") view=FaqPage />
                <Route path=path!("/faq/:id") view=FaqArticlePage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn AccountApp() -> impl IntoView {
    view! {
        <Shell>
            <RouteTitles table=titles::ACCOUNT />
            <Routes fallback=|| view! { <Elsewhere here=Area::Account /> }>
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/register") view=RegisterPage />
                <Route path=path!("/account") view=AccountPage />
                <Route path=path!("/account/verify") view=VerifyPage />
                <Route path=path!("/account/email") view=EmailConfirmPage />
                <Route path=path!("/account/reset") view=ResetPage />
                <Route path=path!("/account/invite") view=JoinPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn StaffApp() -> impl IntoView {
    provide_context(titles::TitleCount(RwSignal::new(0)));
    view! {
        <Shell>
            <RouteTitles table=titles::STAFF />
            <DeskPulse />
            <SearchBox />
            <Routes fallback=|| view! { <Elsewhere here=Area::Staff /> }>
                <Route path=path!("/admin/inquiries") view=InboxPage />
                <Route path=path!("/admin/incidents") view=IncidentsPage />
                <Route path=path!("/admin/incidents/:id") view=IncidentPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn StaffInquiryApp() -> impl IntoView {
    provide_context(titles::TitleCount(RwSignal::new(0)));
    view! {
        <Shell>
            <RouteTitles table=titles::STAFF />
            <DeskPulse />
            <SearchBox />
            <Routes fallback=|| view! { <Elsewhere here=Area::StaffInquiry /> }>
                <Route path=path!("/admin/inquiries/:id") view=InboxDetailPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn StaffAdminApp() -> impl IntoView {
    provide_context(titles::TitleCount(RwSignal::new(0)));
    view! {
        <Shell>
            <RouteTitles table=titles::STAFF_ADMIN />
            <DeskPulse />
            <SearchBox />
            <Routes fallback=|| view! { <Elsewhere here=Area::StaffAdmin /> }>
                <Route path=path!("/admin/two-factor") view=TwoFactorPage />
                <Route path=path!("/admin/insights") view=InsightsPage />
                <Route path=path!("/admin/staff") view=TeamPage />
                <Route path=path!("/admin/audit") view=AuditPage />
                <Route path=path!("/admin/categories") view=CategoriesPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn StaffChatApp() -> impl IntoView {
    provide_context(titles::TitleCount(RwSignal::new(0)));
    view! {
        <Shell>
            <RouteTitles table=titles::STAFF_CHAT />
            <DeskPulse />
            <SearchBox />
            <Routes fallback=|| view! { <Elsewhere here=Area::StaffChat /> }>
                <Route path=path!("/admin/chat") view=StaffChatPage />
                <Route path=path!("/admin/chat/transcript/:id") view=TranscriptPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn StaffContentApp() -> impl IntoView {
    provide_context(titles::TitleCount(RwSignal::new(0)));
    view! {
        <Shell>
            <RouteTitles table=titles::STAFF_CONTENT />
            <DeskPulse />
            <SearchBox />
            <Routes fallback=|| view! { <Elsewhere here=Area::StaffContent /> }>
                <Route path=path!("/admin/ideas") view=IdeasAdminPage />
                <Route path=path!("/admin/mail") view=HeldMailPage />
                <Route path=path!("/admin/rules") view=RulesPage />
                <Route path=path!("/admin/webhooks") view=WebhookLogPage />
                <Route path=path!("/admin/faq") view=FaqAdminPage />
                <Route path=path!("/admin/faq/:id") view=FaqEditPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn StaffFiguresApp() -> impl IntoView {
    provide_context(titles::TitleCount(RwSignal::new(0)));
    view! {
        <Shell>
            <RouteTitles table=titles::STAFF_FIGURES />
            <DeskPulse />
            <SearchBox />
            <Routes fallback=|| view! { <Elsewhere here=Area::StaffFigures /> }>
                <Route path=path!("/admin/figures") view=DeskFiguresPage />
            </Routes>
        </Shell>
    }
}

#[component]
pub fn StaffRecordsApp() -> impl IntoView {
    provide_context(titles::TitleCount(RwSignal::new(0)));
    view! {
        <Shell>
            <RouteTitles table=titles::STAFF_RECORDS />
            <DeskPulse />
            <Routes fallback=|| view! { <Elsewhere here=Area::StaffRecords /> }>
                <Route path=path!("/admin") view=AdminPage />
                <Route path=path!("/admin/search") view=SearchPage />
                <Route path=path!("/admin/members/:id") view=MemberPage />
                <Route path=path!("/admin/chats") view=PastChatsPage />
            </Routes>
        </Shell>
    }
}

/// No route of this area matched. A link into another area was followed inside this bundle:
/// load that page in full (replacing the history entry the router just pushed, so Back still
/// works). Inside this area it is a missing page.
#[component]
fn Elsewhere(here: Area) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let path = location.pathname.get_untracked();
    if Area::of_path(&path) == here {
        return view! { <NotFound /> }.into_any();
    }
    // The router keeps the query without its `?` and the fragment with its `#`.
    let search = location.search.get_untracked();
    let query = if search.is_empty() { String::new() } else { format!("?{search}") };
    let target = format!("{path}{query}{}", location.hash.get_untracked());
    let _ = window().location().replace(&target);
    view! { <p class="muted" role="status">{i18n.t(msg::LOADING)}</p> }.into_any()
}
