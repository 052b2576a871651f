//! The browser entry: mounts one area of the client-rendered app. Each area is its own bundle
//! (see `app::Area`); exactly one `area-*` feature picks which, so the linker drops every other
//! area's pages from this build.
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(not(any(
    feature = "area-home",
    feature = "area-contact",
    feature = "area-history",
    feature = "area-chat",
    feature = "area-chat-history",
    feature = "area-ideas",
    feature = "area-faq",
    feature = "area-account",
    feature = "area-staff",
    feature = "area-staff-inquiry",
    feature = "area-staff-admin",
    feature = "area-staff-chat",
    feature = "area-staff-content",
    feature = "area-staff-figures",
    feature = "area-staff-records"
)))]
compile_error!("build frontend/ with one `area-*` feature (scripts/build-frontend.sh builds them all)");

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "area-home")]
    leptos::mount::mount_to_body(app::HomeApp);
    #[cfg(feature = "area-contact")]
    leptos::mount::mount_to_body(app::ContactApp);
    #[cfg(feature = "area-history")]
    leptos::mount::mount_to_body(app::HistoryApp);
    #[cfg(feature = "area-chat")]
    leptos::mount::mount_to_body(app::ChatApp);
    #[cfg(feature = "area-chat-history")]
    leptos::mount::mount_to_body(app::ChatHistoryApp);
    #[cfg(feature = "area-ideas")]
    leptos::mount::mount_to_body(app::IdeasApp);
    #[cfg(feature = "area-faq")]
    leptos::mount::mount_to_body(app::HelpApp);
    #[cfg(feature = "area-account")]
    leptos::mount::mount_to_body(app::AccountApp);
    #[cfg(feature = "area-staff")]
    leptos::mount::mount_to_body(app::StaffApp);
    #[cfg(feature = "area-staff-inquiry")]
    leptos::mount::mount_to_body(app::StaffInquiryApp);
    #[cfg(feature = "area-staff-admin")]
    leptos::mount::mount_to_body(app::StaffAdminApp);
    #[cfg(feature = "area-staff-chat")]
    leptos::mount::mount_to_body(app::StaffChatApp);
    #[cfg(feature = "area-staff-content")]
    leptos::mount::mount_to_body(app::StaffContentApp);
    #[cfg(feature = "area-staff-figures")]
    leptos::mount::mount_to_body(app::StaffFiguresApp);
    #[cfg(feature = "area-staff-records")]
    leptos::mount::mount_to_body(app::StaffRecordsApp);
}
