//! The parent site's data beside every claim (issue #24): for a 「ポイントが付与されない」 inquiry,
//! whether the member clicked through to the shop, when, and how the advertiser judged it.
//!
//! The parent site implements a small signed HTTP contract (`docs/parent-api.yaml`); we ask it
//! for one member's clicks around the date of use. Staff see the answer as a panel on the
//! inquiry (and the member page, for chats); members are told a pending judgement's date in the
//! contact wizard before they write. When the connector is not configured every panel is
//! hidden. The parent site is never trusted to be up, fast or well-formed: see
//! `server/connector.rs`.
pub mod api;
mod deflections;
mod hint;
mod panel;
mod types;

#[cfg(feature = "ssr")]
pub mod server;

pub use deflections::HintDeflections;
pub use hint::JudgementNote;
pub use panel::{PanelFor, ParentPanelView};
pub use types::*;
