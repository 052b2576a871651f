//! Images are decoded and encoded again before they are kept: what is stored is pixels only, so
//! EXIF (GPS position, camera serial), comments and anything appended after the image's end are
//! gone, and a file that only claims to be an image is refused. The photo is turned upright by
//! its EXIF orientation first, since the orientation goes with the EXIF.
use crate::domain::ValidationError;
use crate::files::FileKind;
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Longest side of a thumbnail, in pixels (lists show them at 96 px; 2× for sharp screens, and
/// room for a larger preview).
pub const THUMB_SIDE: u32 = 320;
/// Larger images are refused before any pixel is decoded (a small file can claim a huge size).
const MAX_SIDE: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 400 * 1024 * 1024;
const JPEG_QUALITY: u8 = 88;

pub struct Reencoded {
    /// What the bytes are now (see `FileKind::stored_as`).
    pub kind: FileKind,
    pub bytes: Vec<u8>,
    pub thumb: Vec<u8>,
}

fn format_of(kind: FileKind) -> Option<ImageFormat> {
    match kind {
        FileKind::Png => Some(ImageFormat::Png),
        FileKind::Jpeg => Some(ImageFormat::Jpeg),
        FileKind::Gif => Some(ImageFormat::Gif),
        FileKind::Webp => Some(ImageFormat::WebP),
        FileKind::Pdf => None,
    }
}

/// Decodes `raw` (already sniffed as `kind`, an image) and encodes it again with its thumbnail.
/// CPU-bound: callers run it on a blocking thread, a few at a time.
pub fn reencode(kind: FileKind, raw: &[u8]) -> Result<Reencoded, ValidationError> {
    let format = format_of(kind).ok_or(ValidationError::FileKind)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(raw), format);
    reader.limits(limits);
    let unreadable = |e: image::ImageError| {
        tracing::info!(error = %e, kind = kind.as_str(), "image refused");
        ValidationError::FileUnreadable
    };
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    image.apply_orientation(orientation);
    let stored = kind.stored_as();
    let bytes = encode(&image, stored).map_err(unreadable)?;
    let thumb = encode(&image.thumbnail(THUMB_SIDE, THUMB_SIDE), stored).map_err(unreadable)?;
    Ok(Reencoded { kind: stored, bytes, thumb })
}

fn encode(image: &DynamicImage, kind: FileKind) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Cursor::new(Vec::new());
    if kind == FileKind::Jpeg {
        // JPEG has no alpha channel.
        let rgb = DynamicImage::ImageRgb8(image.to_rgb8());
        rgb.write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))?;
    } else {
        image.write_to(&mut out, ImageFormat::Png)?;
    }
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    /// A JPEG as a phone writes it: an APP1 EXIF segment with a GPS position right after the
    /// start marker, and a payload appended after the end marker.
    fn phone_jpeg() -> Vec<u8> {
        let mut plain = Cursor::new(Vec::new());
        let pixels = RgbImage::from_fn(64, 48, |x, y| Rgb([(x * 4) as u8, (y * 5) as u8, 128]));
        DynamicImage::ImageRgb8(pixels)
            .write_with_encoder(JpegEncoder::new_with_quality(&mut plain, 90))
            .expect("encode");
        let plain = plain.into_inner();
        // TIFF header (little endian), IFD0 with one entry: GPSInfo (0x8825) → the GPS IFD, which
        // holds GPSLatitudeRef "N" (0x0001).
        let mut tiff: Vec<u8> = b"II*\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&[1, 0]); // IFD0: one entry
        tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0]); // GPSInfo → offset 26
        tiff.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
        tiff.extend_from_slice(&[1, 0]); // GPS IFD: one entry
        tiff.extend_from_slice(&[1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]); // GPSLatitudeRef = "N"
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        tiff.extend_from_slice(b"GPS-35.6812N-139.7671E");
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let len = (app1.len() + 2) as u16;
        let mut out = plain[..2].to_vec(); // SOI
        out.extend_from_slice(&[0xff, 0xe1]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&plain[2..]);
        out.extend_from_slice(b"<script>appended after the image</script>");
        out
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn exif_gps_and_trailing_bytes_are_removed() {
        let raw = phone_jpeg();
        assert!(contains(&raw, b"Exif") && contains(&raw, b"GPS-35.6812N"), "the fixture carries EXIF GPS");
        let done = reencode(FileKind::Jpeg, &raw).expect("a valid JPEG");
        assert_eq!(done.kind, FileKind::Jpeg);
        assert_eq!(FileKind::detect(&done.bytes), Ok(FileKind::Jpeg));
        for gone in [&b"Exif"[..], b"GPS-35.6812N", b"<script>"] {
            assert!(!contains(&done.bytes, gone), "{:?} survived re-encoding", String::from_utf8_lossy(gone));
        }
        let again = image::load_from_memory(&done.bytes).expect("decodes");
        assert_eq!((again.width(), again.height()), (64, 48));
        let thumb = image::load_from_memory(&done.thumb).expect("thumbnail decodes");
        assert!(thumb.width() <= THUMB_SIDE && thumb.height() <= THUMB_SIDE);
    }

    #[test]
    fn png_text_chunks_go_and_other_images_become_png() {
        let mut png = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(image::RgbaImage::new(500, 400)).write_to(&mut png, ImageFormat::Png).unwrap();
        let mut raw = png.into_inner();
        raw.extend_from_slice(b"trailing payload");
        let done = reencode(FileKind::Png, &raw).expect("PNG");
        assert!(!contains(&done.bytes, b"trailing payload"));
        let thumb = image::load_from_memory(&done.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (320, 256));
        let mut gif = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(image::RgbaImage::new(10, 10)).write_to(&mut gif, ImageFormat::Gif).unwrap();
        assert_eq!(reencode(FileKind::Gif, &gif.into_inner()).map(|d| d.kind).ok(), Some(FileKind::Png));
    }

    #[test]
    fn a_file_that_only_starts_like_an_image_is_refused() {
        let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
        fake.extend_from_slice(b"<html><body>not an image</body></html>");
        assert!(matches!(reencode(FileKind::Png, &fake), Err(ValidationError::FileUnreadable)));
        // A JPEG renamed .pdf is a JPEG: the kind comes from the bytes alone.
        let raw = phone_jpeg();
        assert_eq!(FileKind::detect(&raw), Ok(FileKind::Jpeg));
    }
}
