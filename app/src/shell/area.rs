//! The site's areas. The browser app ships as one bundle per area so that a visitor downloads the
//! pages of the part of the site they are in, not all of them: the whole app in one bundle was
//! 617 KB gzip, the top page alone fits the 250 KB first-load budget. Moving between areas is a
//! full page load (the session cookie and the language choice carry over); moving within one is
//! client-side. The server uses the same mapping to pick the page that boots the right bundle,
//! so the two sides cannot disagree.

/// One part of the site, with its own browser bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The corner (top page), the privacy policy and terms, and unknown pages.
    Home,
    /// The contact wizard.
    Contact,
    /// The member's inquiry history, its threads (follow-ups, files) and the survey after a
    /// closed inquiry: a bundle of their own, so the wizard's first load stays within budget.
    History,
    /// Live chat.
    Chat,
    /// Past chats, their transcripts and the post-chat survey.
    ChatHistory,
    /// The idea lab.
    Ideas,
    /// The help center (FAQ).
    Help,
    /// Login, sign-up, the member's own account, address verification, password reset. Kept out
    /// of the top page's bundle, whose size is budgeted.
    Account,
    /// Staff: the inquiry inbox — its filters, saved views, bulk bar and the tag list — and
    /// incidents (`/admin/incidents`), answered with the same bulk bar.
    Staff,
    /// Staff: one inquiry's page (thread, reply, notes, tags, merging, the parent site's data).
    /// Its own bundle since the inbox gained views and bulk actions: the two together passed the
    /// 420 KB staff budget (459.7 KB gzip).
    StaffInquiry,
    /// Staff pages opened now and then, kept out of the inbox's and the console's bundles:
    /// two-factor set-up, survey insights, staff management, the audit log, the categories
    /// editor.
    StaffAdmin,
    /// Staff: the chat console and transcripts.
    StaffChat,
    /// Staff: help articles, the idea lab's moderation, held inbound mail (`/admin/mail`), the
    /// desk rules (`/admin/rules`) and the webhook delivery log (`/admin/webhooks`).
    StaffContent,
    /// Staff: the desk's figures (`/admin/figures`). Its own bundle: its tables and charts took
    /// the content area to 430 KB gzip, over the 420 budget, and no other staff area had room.
    StaffFigures,
    /// Staff: the dashboard (closure days, failed mail) and finding things — search results and
    /// bulk actions on them, the member page, the list of past chats. The search box on every
    /// staff page is a plain form that opens this area.
    StaffRecords,
}

impl Area {
    pub const ALL: [Area; 15] = [
        Area::Home,
        Area::Contact,
        Area::History,
        Area::Chat,
        Area::ChatHistory,
        Area::Ideas,
        Area::Help,
        Area::Account,
        Area::Staff,
        Area::StaffInquiry,
        Area::StaffAdmin,
        Area::StaffChat,
        Area::StaffContent,
        Area::StaffFigures,
        Area::StaffRecords,
    ];

    /// The area a client route belongs to, from its first path segment (and the second under
    /// /contact, /chat and /admin, whose pages are several bundles).
    pub fn of_path(path: &str) -> Area {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let mut segments = path.trim_start_matches('/').split('/');
        let (first, second) = (segments.next().unwrap_or(""), segments.next().unwrap_or(""));
        // An inquiry's page: /admin/inquiries/<id>.
        if (first, second) == ("admin", "inquiries") && segments.next().is_some_and(|id| !id.is_empty()) {
            return Area::StaffInquiry;
        }
        match (first, second) {
            ("contact", "history" | "survey") => Area::History,
            ("contact", _) => Area::Contact,
            ("chat", "history" | "survey") => Area::ChatHistory,
            ("chat", _) => Area::Chat,
            ("ideas", _) => Area::Ideas,
            ("faq", _) => Area::Help,
            ("account" | "login" | "register", _) => Area::Account,
            ("admin", "chat") => Area::StaffChat,
            ("admin", "faq" | "ideas" | "mail" | "rules" | "webhooks") => Area::StaffContent,
            ("admin", "figures") => Area::StaffFigures,
            ("admin", "" | "search" | "members" | "chats") => Area::StaffRecords,
            ("admin", "two-factor" | "insights" | "staff" | "audit" | "categories") => Area::StaffAdmin,
            ("admin", _) => Area::Staff,
            _ => Area::Home,
        }
    }

    /// The folder (under the site's `a/`) holding this area's page and bundle; also the Cargo
    /// feature `area-<slug>` of `frontend/` that builds it.
    pub fn slug(self) -> &'static str {
        match self {
            Area::Home => "home",
            Area::Contact => "contact",
            Area::History => "history",
            Area::Chat => "chat",
            Area::ChatHistory => "chat-history",
            Area::Ideas => "ideas",
            Area::Help => "faq",
            Area::Account => "account",
            Area::Staff => "staff",
            Area::StaffInquiry => "staff-inquiry",
            Area::StaffAdmin => "staff-admin",
            Area::StaffChat => "staff-chat",
            Area::StaffContent => "staff-content",
            Area::StaffFigures => "staff-figures",
            Area::StaffRecords => "staff-records",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_map_to_their_area_by_first_segment() {
        assert_eq!(Area::of_path("/"), Area::Home);
        assert_eq!(Area::of_path(""), Area::Home);
        assert_eq!(Area::of_path("/login"), Area::Account);
        assert_eq!(Area::of_path("/register?next=/contact"), Area::Account);
        assert_eq!(Area::of_path("/privacy"), Area::Home);
        assert_eq!(Area::of_path("/contact"), Area::Contact);
        assert_eq!(Area::of_path("/contact/history/12"), Area::History);
        assert_eq!(Area::of_path("/contact/survey/4"), Area::History);
        assert_eq!(Area::of_path("/contact?x=1"), Area::Contact);
        assert_eq!(Area::of_path("/chat/survey/3"), Area::ChatHistory);
        assert_eq!(Area::of_path("/chat/history"), Area::ChatHistory);
        assert_eq!(Area::of_path("/chat/historyx"), Area::Chat);
        assert_eq!(Area::of_path("/admin/staff"), Area::StaffAdmin);
        assert_eq!(Area::of_path("/admin/categories?x=1"), Area::StaffAdmin);
        assert_eq!(Area::of_path("/ideas/board"), Area::Ideas);
        assert_eq!(Area::of_path("/faq/7"), Area::Help);
        assert_eq!(Area::of_path("/admin"), Area::StaffRecords);
        assert_eq!(Area::of_path("/admin/"), Area::StaffRecords);
        assert_eq!(Area::of_path("/admin/inquiries/4"), Area::StaffInquiry);
        assert_eq!(Area::of_path("/admin/inquiries/4?x=1"), Area::StaffInquiry);
        assert_eq!(Area::of_path("/admin/inquiries"), Area::Staff);
        assert_eq!(Area::of_path("/admin/inquiries/"), Area::Staff);
        assert_eq!(Area::of_path("/admin/inquiries?sort=due"), Area::Staff);
        assert_eq!(Area::of_path("/admin/chat"), Area::StaffChat);
        assert_eq!(Area::of_path("/admin/chat/transcript/9"), Area::StaffChat);
        assert_eq!(Area::of_path("/admin/insights?from=2026-11-01"), Area::StaffAdmin);
        assert_eq!(Area::of_path("/admin/two-factor"), Area::StaffAdmin);
        assert_eq!(Area::of_path("/admin/faq/new"), Area::StaffContent);
        assert_eq!(Area::of_path("/admin/mail"), Area::StaffContent);
        assert_eq!(Area::of_path("/admin/ideas"), Area::StaffContent);
        assert_eq!(Area::of_path("/admin/rules"), Area::StaffContent);
        assert_eq!(Area::of_path("/admin/webhooks"), Area::StaffContent);
        assert_eq!(Area::of_path("/admin/figures"), Area::StaffFigures);
        assert_eq!(Area::of_path("/admin/incidents/3"), Area::Staff);
        assert_eq!(Area::of_path("/admin/search?q=MDG"), Area::StaffRecords);
        assert_eq!(Area::of_path("/admin/members/12"), Area::StaffRecords);
        assert_eq!(Area::of_path("/admin/chats"), Area::StaffRecords);
        // A prefix is not a segment.
        assert_eq!(Area::of_path("/contacts"), Area::Home);
        assert_eq!(Area::of_path("/administrator"), Area::Home);
    }

    #[test]
    fn slugs_are_distinct() {
        let mut slugs: Vec<_> = Area::ALL.iter().map(|a| a.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Area::ALL.len());
    }

    /// scripts/build-frontend.sh builds one bundle per `area-*` feature of frontend/; an area
    /// without a bundle would leave its pages unserved.
    #[test]
    fn every_area_has_a_frontend_feature_and_no_feature_lacks_an_area() {
        let manifest = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../frontend/Cargo.toml"));
        let mut features: Vec<&str> =
            manifest.lines().filter_map(|l| l.strip_prefix("area-")?.strip_suffix(" = []")).collect();
        features.sort();
        let mut slugs: Vec<_> = Area::ALL.iter().map(|a| a.slug()).collect();
        slugs.sort();
        assert_eq!(features, slugs);
    }
}
