//! What an attachment is, for the browser and the server alike.
use crate::domain::ValidationError;
use serde::{Deserialize, Serialize};

/// At most this many files on one inquiry, follow-up, reply or chat message.
pub const MAX_FILES_PER_MESSAGE: usize = 3;

/// The kinds accepted, decided by the file's first bytes (never by its name or the browser's
/// type). The names are the database's (`attachments.kind` has a CHECK listing them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
}

/// What the bytes say, including a kind we recognise but do not take (HEIC: no well-kept Rust
/// decoder exists, so it gets its own hint instead of a generic refusal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Accepted(FileKind),
    Heic,
    Unknown,
}

impl FileKind {
    pub const ALL: [FileKind; 5] = [FileKind::Png, FileKind::Jpeg, FileKind::Gif, FileKind::Webp, FileKind::Pdf];

    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Png => "png",
            FileKind::Jpeg => "jpeg",
            FileKind::Gif => "gif",
            FileKind::Webp => "webp",
            FileKind::Pdf => "pdf",
        }
    }

    pub fn parse(s: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The magic numbers at the start of the file.
    pub fn sniff(head: &[u8]) -> Sniffed {
        let starts = |magic: &[u8]| head.starts_with(magic);
        if starts(b"\x89PNG\r\n\x1a\n") {
            Sniffed::Accepted(FileKind::Png)
        } else if starts(b"\xff\xd8\xff") {
            Sniffed::Accepted(FileKind::Jpeg)
        } else if starts(b"GIF87a") || starts(b"GIF89a") {
            Sniffed::Accepted(FileKind::Gif)
        } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            Sniffed::Accepted(FileKind::Webp)
        } else if starts(b"%PDF-") {
            Sniffed::Accepted(FileKind::Pdf)
        } else if head.len() >= 12
            && &head[4..8] == b"ftyp"
            && [&b"heic"[..], b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"].contains(&&head[8..12])
        {
            Sniffed::Heic
        } else {
            Sniffed::Unknown
        }
    }

    /// The kind of these bytes, or the refusal to show the member.
    pub fn detect(head: &[u8]) -> Result<FileKind, ValidationError> {
        match FileKind::sniff(head) {
            Sniffed::Accepted(kind) => Ok(kind),
            Sniffed::Heic => Err(ValidationError::FileHeic),
            Sniffed::Unknown => Err(ValidationError::FileKind),
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
            FileKind::Pdf => "application/pdf",
        }
    }

    /// The extension a stored file of this kind is served with (GIF and WebP are stored as PNG
    /// after re-encoding, see `stored_as`).
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Png => "png",
            FileKind::Jpeg => "jpg",
            FileKind::Gif => "gif",
            FileKind::Webp => "webp",
            FileKind::Pdf => "pdf",
        }
    }

    pub fn is_image(self) -> bool {
        self != FileKind::Pdf
    }

    /// What an upload of this kind is kept as: photos stay JPEG, every other image becomes a
    /// (lossless) PNG — its first frame, for an animated GIF — and a PDF stays as it is.
    pub fn stored_as(self) -> FileKind {
        match self {
            FileKind::Jpeg => FileKind::Jpeg,
            FileKind::Pdf => FileKind::Pdf,
            FileKind::Png | FileKind::Gif | FileKind::Webp => FileKind::Png,
        }
    }
}

/// An uploaded file as pages show it. `id` is random and unguessable, but it is no key: every
/// request for the file is checked against the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub kind: FileKind,
    /// The name it was uploaded with, cleaned, with the extension of its real kind.
    pub name: String,
    pub size: i64,
}

impl Attachment {
    pub fn url(&self) -> String {
        format!("/files/{}", self.id)
    }

    pub fn thumb_url(&self) -> Option<String> {
        self.kind.is_image().then(|| format!("/files/{}/thumb", self.id))
    }

    /// "1.2 MB", "340 KB".
    pub fn size_label(&self) -> String {
        if self.size >= 1_000_000 {
            format!("{:.1} MB", self.size as f64 / 1_000_000.0)
        } else {
            format!("{} KB", (self.size + 999) / 1000)
        }
    }
}

/// The files a message is sent with: at most three distinct, well-formed ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachmentIds(Vec<String>);

impl AttachmentIds {
    /// Ids are 22 characters of URL-safe base64 (128 random bits).
    pub fn is_well_formed(id: &str) -> bool {
        id.len() == 22 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }

    pub fn parse(ids: &[String]) -> Result<AttachmentIds, ValidationError> {
        if ids.len() > MAX_FILES_PER_MESSAGE {
            return Err(ValidationError::TooMany { max: MAX_FILES_PER_MESSAGE });
        }
        let mut list: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            if !AttachmentIds::is_well_formed(id) {
                return Err(ValidationError::FileUnavailable);
            }
            if !list.contains(id) {
                list.push(id.clone());
            }
        }
        Ok(AttachmentIds(list))
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_comes_from_the_bytes() {
        assert_eq!(FileKind::detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Ok(FileKind::Png));
        assert_eq!(FileKind::detect(b"\xff\xd8\xff\xe0\0\x10JFIF"), Ok(FileKind::Jpeg));
        assert_eq!(FileKind::detect(b"GIF89a\x01\0\x01\0"), Ok(FileKind::Gif));
        assert_eq!(FileKind::detect(b"RIFF\x24\0\0\0WEBPVP8 "), Ok(FileKind::Webp));
        assert_eq!(FileKind::detect(b"%PDF-1.7\n"), Ok(FileKind::Pdf));
        // An HTML page named receipt.png is not a PNG, whatever its name says.
        assert_eq!(FileKind::detect(b"<!DOCTYPE html><script>alert(1)</script>"), Err(ValidationError::FileKind));
        assert_eq!(FileKind::detect(b"<svg xmlns="), Err(ValidationError::FileKind));
        assert_eq!(FileKind::detect(b"PK\x03\x04"), Err(ValidationError::FileKind));
        assert_eq!(FileKind::detect(b""), Err(ValidationError::FileKind));
        assert_eq!(FileKind::detect(b"\0\0\0\x18ftypheic\0\0\0\0"), Err(ValidationError::FileHeic));
        // RIFF that is not WebP (a WAV file).
        assert_eq!(FileKind::detect(b"RIFF\x24\0\0\0WAVEfmt "), Err(ValidationError::FileKind));
    }

    #[test]
    fn ids_are_checked_and_counted() {
        let id = "abcdefghijklmnopqrstuv".to_owned();
        assert_eq!(AttachmentIds::parse(&[id.clone(), id.clone()]).map(|i| i.len()), Ok(1));
        let four: Vec<String> = (0..4).map(|i| format!("abcdefghijklmnopqrstu{i}")).collect();
        assert_eq!(AttachmentIds::parse(&four), Err(ValidationError::TooMany { max: 3 }));
        assert_eq!(AttachmentIds::parse(&["../../etc/passwd".into()]), Err(ValidationError::FileUnavailable));
        assert_eq!(AttachmentIds::parse(&["abcdefghijklmnopqrst'v".into()]), Err(ValidationError::FileUnavailable));
    }
}
