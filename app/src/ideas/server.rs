//! Server side of the idea lab.
mod mails;
mod member;
mod public_pages;
mod rows;
mod staff;

pub use member::{adopted, board, mail_pref, mine, post, similar, vote};
pub use public_pages::{public_ideas, PUBLIC_BOARD_SIZE};
pub use staff::{change_status, hide, staff_list};
