//! The wizard's steps, one file each.
mod category;
mod confirm;
mod done;
mod fields;
mod notices;

pub use category::CategoryStep;
pub use confirm::ConfirmStep;
pub use done::DoneStep;
pub use fields::FieldsStep;
pub use notices::NoticesStep;
