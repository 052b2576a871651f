//! The server side of attachments: where blobs are kept, the upload and download routes,
//! attaching uploads to messages, and the purge.
mod attach;
mod image_work;
mod purge;
mod serve;
mod storage;
mod upload;
mod workers;

pub use attach::{attach, chat_files, inquiry_files, Place};
pub use image_work::{reencode, Reencoded};
pub use purge::{collect_garbage, erase_member_files, purge_files, ErasedBlobs, FilesPurged};
pub use serve::{download, thumbnail};
pub use storage::{BlobStore, DiskStore, FileStore, S3Store};
pub use upload::{hex_sha256, store_bytes, upload};
