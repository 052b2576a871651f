//! Attachments: screenshots and receipts on inquiries, follow-ups, replies and chat messages.
//!
//! A file is uploaded on its own first (`POST /api/files`, streamed, with its own body limit) and
//! becomes an unattached upload of its uploader; sending the inquiry, follow-up, reply or chat
//! message then attaches it (one conditional UPDATE in the message's transaction). Its kind comes
//! from its bytes; images are decoded and re-encoded (no EXIF, no GPS, no trailing payload) with a
//! thumbnail, PDFs are kept as they are and always downloaded. Blobs are content-addressed
//! (SHA-256) on disk or in an S3-compatible bucket; the database holds who owns what. Files are
//! served (`GET /files/{id}`) only to staff and to the member whose inquiry or chat holds them.
#[cfg(feature = "ssr")]
pub mod server;
mod types;
mod view;

pub use types::{Attachment, AttachmentIds, FileKind, MAX_FILES_PER_MESSAGE};
pub use view::{AttachmentList, AttachmentPicker, Uploads};
