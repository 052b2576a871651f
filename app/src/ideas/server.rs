//! Server side of the idea lab.
mod mails;
mod member;
mod rows;
mod staff;

pub use member::{adopted, board, mail_pref, mine, post, similar, vote};
pub use staff::{change_status, hide, staff_list};
