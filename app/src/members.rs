//! The staff member page (issue #23), `/admin/members/:id`: one member's inquiries, chats,
//! survey answers, ideas, account events and failing-mail state on one screen, reached from
//! every inquiry, chat and search hit. Opening it is audited (it is personal data), and it is
//! where staff close an account on the member's request.
pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::MemberPage;
pub use types::*;
