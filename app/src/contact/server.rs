//! Server side of the mail desk: storage, the submit path, the member's history and the staff
//! inbox. Every public function here checks the caller first.
mod bulk;
mod canned;
mod categories;
mod export;
mod inbox_query;
mod mails;
mod member;
mod merge;
mod plans;
mod recategorize;
mod rows;
mod staff;
mod submit;
pub mod tags;
pub mod views;

pub use bulk::{run as bulk_action, staff_members};
pub use canned::{canned_replies, delete_canned_reply, save_canned_reply, update_canned_reply};
pub use categories::{load_categories, seed_categories};
pub use export::inquiries_csv;
pub use mails::{auto_closed as auto_closed_mail, Addressee};
pub use member::{
    back_to_desk, due_after_member_wrote, follow_up, history_for, my_inquiries, my_inquiry, unread_replies,
};
pub use merge::merge;
pub use plans::inbox_plan;
pub use recategorize::recategorize;
pub use rows::{summary, SUMMARY_COLUMNS};
pub use staff::{add_note, assign_to_me, inbox, inbox_inquiry, set_status, staff_reply};
pub use submit::submit;
pub(crate) use submit::{open as open_inquiry, NewInquiry};
