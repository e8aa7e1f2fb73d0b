//! Uploaded files, whatever service takes them (rights-assistance evidence, a firm's
//! registration materials): the accepted types sniffed from content, the size limit, the name a
//! file is stored under, and the codes of the refusals of one service's uploads ([`FileCodes`]).

use serde::{Deserialize, Serialize};

use crate::choice::choice;

/// Largest file accepted: 10 MB, counted as 10 × 1024 × 1024 bytes.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// File names are cut to this many characters when stored.
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// The codes a service answers an upload's refusals with (each service names its own, e.g.
/// `assistance.file_too_large`, `registration.file_too_large`; the messages are the same).
#[derive(Debug, Clone, Copy)]
pub struct FileCodes {
    /// 413: larger than [`MAX_FILE_BYTES`].
    pub too_large: &'static str,
    /// 415: not a JPEG, PNG, WebP, HEIC photo or a PDF by its content.
    pub type_not_allowed: &'static str,
    /// 415: starts as one of those but is not a whole one.
    pub damaged: &'static str,
    /// 415: a PDF with scripts, automatic actions or embedded files.
    pub active_content: &'static str,
    /// 400: an empty file.
    pub empty: &'static str,
    /// 429 with `Retry-After`: too many bytes from one client address within an hour.
    pub rate_limited: &'static str,
}

/// Declares, inside a service's `code` module, its upload refusal codes (`FILE_TOO_LARGE` =
/// `"<service>.file_too_large"`, …, `UPLOADS_RATE_LIMITED`) and their [`FileCodes`] as `FILES`,
/// so every service that takes files answers with the same set.
macro_rules! file_codes {
    ($service:literal) => {
        /// 413: the file is larger than [`crate::api::files::MAX_FILE_BYTES`].
        pub const FILE_TOO_LARGE: &str = concat!($service, ".file_too_large");
        /// 415: the file's content is not a JPEG, PNG, WebP, HEIC photo or a PDF, whatever its
        /// name or declared type says.
        pub const FILE_TYPE_NOT_ALLOWED: &str = concat!($service, ".file_type_not_allowed");
        /// 415: the file starts as a photo or a PDF but is not a whole one (cut off, damaged,
        /// or something else behind the first bytes).
        pub const FILE_DAMAGED: &str = concat!($service, ".file_damaged");
        /// 415: a PDF with scripts, automatic actions or embedded files.
        pub const FILE_ACTIVE_CONTENT: &str = concat!($service, ".file_active_content");
        /// 400: an empty file.
        pub const FILE_EMPTY: &str = concat!($service, ".file_empty");
        /// 429 with `Retry-After`: too many bytes uploaded from one client address within an
        /// hour (one budget for every service's uploads).
        pub const UPLOADS_RATE_LIMITED: &str = concat!($service, ".uploads_rate_limited");

        /// The codes of this service's upload refusals, for the shared file handling.
        pub const FILES: $crate::api::files::FileCodes = $crate::api::files::FileCodes {
            too_large: FILE_TOO_LARGE,
            type_not_allowed: FILE_TYPE_NOT_ALLOWED,
            damaged: FILE_DAMAGED,
            active_content: FILE_ACTIVE_CONTENT,
            empty: FILE_EMPTY,
            rate_limited: UPLOADS_RATE_LIMITED,
        };
    };
}
pub(crate) use file_codes;

/// The type of an uploaded file, as its content (not its name) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    Webp,
    /// HEIF/HEIC, the photos of recent iPhones (browsers other than Safari cannot show them).
    Heic,
    Pdf,
}

choice!(FileKind {
    Jpeg = "jpeg", "JPEG 图片", "JPEG image";
    Png = "png", "PNG 图片", "PNG image";
    Webp = "webp", "WebP 图片", "WebP image";
    Heic = "heic", "HEIC 照片", "HEIC photo";
    Pdf = "pdf", "PDF 文件", "PDF document";
});

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Webp => "image/webp",
            FileKind::Heic => "image/heic",
            FileKind::Pdf => "application/pdf",
        }
    }

    /// The type of a file from its first bytes (at least 16 are needed), `None` for anything
    /// else: JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; PDF `%PDF-`; WebP `RIFF` + size +
    /// `WEBP`; HEIC an ISO-BMFF `ftyp` box whose major or a compatible brand is `heic`,
    /// `heix`, `heim`, `heis`, `hevc` or `hevx`.
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(FileKind::Jpeg);
        }
        if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            return Some(FileKind::Png);
        }
        if bytes.starts_with(b"%PDF-") {
            return Some(FileKind::Pdf);
        }
        if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            return Some(FileKind::Webp);
        }
        if bytes.len() >= 16 && &bytes[4..8] == b"ftyp" {
            let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
            let end = size.clamp(16, 256).min(bytes.len());
            // Major brand at 8..12, minor version at 12..16, compatible brands from 16 on.
            let brands = std::iter::once(&bytes[8..12]).chain(bytes[16..end].chunks_exact(4));
            const HEIF: [&[u8]; 6] = [b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"];
            if brands.into_iter().any(|brand| HEIF.contains(&brand)) {
                return Some(FileKind::Heic);
            }
        }
        None
    }
}

/// A file name as stored and shown: the last part of a path, control and format characters
/// (`crate::text::is_hidden`, the bidi controls among them) and quotes removed, at most [`MAX_FILE_NAME_CHARS`] characters keeping the extension; `file` if
/// nothing is left.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|&c| !crate::text::is_hidden(c) && c != '"')
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return "file".to_owned();
    }
    let count = cleaned.chars().count();
    if count <= MAX_FILE_NAME_CHARS {
        return cleaned.to_owned();
    }
    let extension = cleaned
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| ext.chars().count() <= 10)
        .unwrap_or("");
    let keep = MAX_FILE_NAME_CHARS - extension.chars().count() - usize::from(!extension.is_empty());
    let stem: String = cleaned.chars().take(keep).collect();
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_types_are_sniffed_from_content() {
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypmif1\0\0\0\0mif1heic");
        let mut avif = vec![0, 0, 0, 24];
        avif.extend_from_slice(b"ftypavif\0\0\0\0avifmif1");
        let cases: [(&[u8], Option<FileKind>); 9] = [
            (
                b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01",
                Some(FileKind::Jpeg),
            ),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some(FileKind::Png)),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", Some(FileKind::Pdf)),
            (b"RIFF\x24\0\0\0WEBPVP8 ", Some(FileKind::Webp)),
            (&heic, Some(FileKind::Heic)),
            (&avif, None),
            (b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0", None),
            (b"RIFF\x24\0\0\0WAVEfmt ", None),
            (b"<html><script>", None),
        ];
        for (bytes, kind) in cases {
            assert_eq!(FileKind::sniff(bytes), kind, "{bytes:?}");
        }
        assert_eq!(FileKind::sniff(b""), None);
        assert_eq!(FileKind::Heic.content_type(), "image/heic");
    }

    #[test]
    fn file_names_are_tidied() {
        assert_eq!(clean_file_name("C:\\Users\\张三\\照片 1.JPG"), "照片 1.JPG");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b\u{0}\u{202E}gpj.exe"), "abgpj.exe");
        assert_eq!(clean_file_name("  "), "file");
        assert_eq!(clean_file_name(".hidden"), "hidden");
        let long = format!("{}.pdf", "证".repeat(300));
        let cleaned = clean_file_name(&long);
        assert_eq!(cleaned.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(cleaned.ends_with("证.pdf"));
    }
}
