//! Checks that an uploaded file is what its first bytes say, beyond those bytes: `%PDF-`
//! followed by a web page must not be stored and served as a PDF. Small readers of the headers
//! each format starts with, enough to know the file is one, not decoders:
//!
//! - JPEG: the markers from the start up to the first frame header (SOF), which must give a
//!   width and a height.
//! - PNG: the `IHDR` chunk right after the signature, with a width, a height and a valid bit
//!   depth and colour type.
//! - WebP: a `VP8 `, `VP8L` or `VP8X` chunk right after the RIFF header.
//! - HEIC: the `ftyp` box is followed by whole boxes, one of them `meta`.
//! - PDF: a `%%EOF` near the end, a `startxref`, at least one `N G obj`, and no active content:
//!   no name `/JavaScript`, `/JS`, `/AA`, `/Launch`, `/EmbeddedFile`, `/EmbeddedFiles` or
//!   `/RichMedia` anywhere, including in the streams compressed with `FlateDecode` (object
//!   streams hide dictionaries there). Names are compared after decoding `#xx` escapes
//!   (`/J#61vaScript` is `/JavaScript`).
//!
//! The answer for a file that fails is the same 415 as for an unknown type, with a code that
//! says which: the service's `damaged` or `active_content` code ([`FileCodes`]).

use axum::http::StatusCode;
use portal_domain::api::files::{FileCodes, FileKind};
use std::io::Read;

use crate::error::{ApiError, Refusal, Text};

/// Widths and heights above this are not photos anyone takes (and not worth a look).
const MAX_SIDE: u32 = 50_000;
/// At most this much is inflated from a PDF's streams, so a small "zip bomb" costs little.
const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;
/// Names that make a PDF do something when it is opened or clicked, or carry other files.
const ACTIVE_NAMES: [&[u8]; 7] = [
    b"JavaScript",
    b"JS",
    b"AA",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
];

/// What is wrong with a file whose first bytes looked right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a whole file of its type (cut off, damaged, or something else behind the magic).
    Damaged,
    /// A PDF with scripts, actions or files inside.
    ActiveContent,
}

/// Checks `content`, typed `kind` by its first bytes.
pub fn check(kind: FileKind, content: &[u8]) -> Result<(), Problem> {
    let whole = match kind {
        FileKind::Jpeg => jpeg_ok(content),
        FileKind::Png => png_ok(content),
        FileKind::Webp => webp_ok(content),
        FileKind::Heic => heic_ok(content),
        FileKind::Pdf => return pdf_check(content),
    };
    whole.then_some(()).ok_or(Problem::Damaged)
}

/// The 415 for a file that failed [`check`].
pub fn refusal(problem: Problem, codes: &FileCodes) -> ApiError {
    let (code, text) = match problem {
        Problem::Damaged => (
            codes.damaged,
            Text::of(|t| t.file_damaged_incomplete_opened_save),
        ),
        Problem::ActiveContent => (
            codes.active_content,
            Text::of(|t| t.pdf_contains_scripts_automatic_actions),
        ),
    };
    Refusal::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, code, text).into()
}

fn sane(width: u32, height: u32) -> bool {
    (1..=MAX_SIDE).contains(&width) && (1..=MAX_SIDE).contains(&height)
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let x = b.get(at..at + 3)?;
    Some(u32::from(x[0]) | u32::from(x[1]) << 8 | u32::from(x[2]) << 16)
}

fn jpeg_ok(b: &[u8]) -> bool {
    let mut at = 2; // after SOI
    loop {
        // Fill bytes (FF) may come before a marker.
        while b.get(at) == Some(&0xFF) && b.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if b.get(at) != Some(&0xFF) {
            return false;
        }
        let Some(&marker) = b.get(at + 1) else {
            return false;
        };
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => at += 2,
            // Start of scan or end of image before any frame header.
            0xD9 | 0xDA => return false,
            _ => {
                let Some(length) = be16(b, at + 2) else {
                    return false;
                };
                if length < 2 {
                    return false;
                }
                let is_frame =
                    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
                if is_frame {
                    // Length, precision, height, width.
                    return match (be16(b, at + 5), be16(b, at + 7)) {
                        (Some(height), Some(width)) => sane(width, height),
                        _ => false,
                    };
                }
                at += 2 + length as usize;
            }
        }
    }
}

fn png_ok(b: &[u8]) -> bool {
    if b.get(8..16) != Some(&[0, 0, 0, 13, b'I', b'H', b'D', b'R'][..]) {
        return false;
    }
    let (Some(width), Some(height)) = (be32(b, 16), be32(b, 20)) else {
        return false;
    };
    let (Some(&depth), Some(&colour)) = (b.get(24), b.get(25)) else {
        return false;
    };
    let valid_depth = match colour {
        0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(depth, 8 | 16),
        _ => false,
    };
    sane(width, height) && valid_depth && b.len() >= 8 + 25
}

fn webp_ok(b: &[u8]) -> bool {
    match b.get(12..16) {
        // Lossy: a key frame's start code, then 14-bit width and height.
        Some(b"VP8 ") => {
            b.get(23..26) == Some(&[0x9D, 0x01, 0x2A][..])
                && matches!((le16(b, 26), le16(b, 28)), (Some(w), Some(h)) if sane(w & 0x3FFF, h & 0x3FFF))
        }
        // Lossless: the signature byte, then 14-bit width and height minus one.
        Some(b"VP8L") => match (b.get(20), be32(b, 21).map(u32::swap_bytes)) {
            (Some(0x2F), Some(bits)) => sane((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1),
            _ => false,
        },
        // Extended: 24-bit canvas width and height minus one.
        Some(b"VP8X") => match (le24(b, 24), le24(b, 27)) {
            (Some(w), Some(h)) => sane(w + 1, h + 1),
            _ => false,
        },
        _ => false,
    }
}

fn heic_ok(b: &[u8]) -> bool {
    let mut at = 0usize;
    let mut meta = false;
    // The first few top-level boxes must be whole; one of them is `meta`.
    for _ in 0..8 {
        if at == b.len() {
            break;
        }
        let (Some(size), Some(kind)) = (be32(b, at), b.get(at + 4..at + 8)) else {
            return false;
        };
        let size = match size {
            0 => b.len() - at,
            1 => match b.get(at + 8..at + 16) {
                Some(x) => u64::from_be_bytes(x.try_into().unwrap_or_default()) as usize,
                None => return false,
            },
            n => n as usize,
        };
        if size < 8 || at + size > b.len() {
            return false;
        }
        meta |= kind == b"meta";
        if meta {
            return true;
        }
        at += size;
    }
    meta
}

fn pdf_check(b: &[u8]) -> Result<(), Problem> {
    let tail = &b[b.len().saturating_sub(1024)..];
    let structured = memchr::memmem::find(tail, b"%%EOF").is_some()
        && memchr::memmem::rfind(b, b"startxref").is_some()
        && has_object(b);
    if !structured {
        return Err(Problem::Damaged);
    }
    if has_active_name(b) {
        return Err(Problem::ActiveContent);
    }
    let mut inflated_total = 0u64;
    for stream in flate_streams(b) {
        let mut out = Vec::new();
        let budget = MAX_INFLATED_BYTES.saturating_sub(inflated_total);
        // A stream that does not inflate is left alone: viewers would not read it either.
        let _ = flate2::read::ZlibDecoder::new(stream)
            .take(budget)
            .read_to_end(&mut out);
        inflated_total += out.len() as u64;
        if has_active_name(&out) {
            return Err(Problem::ActiveContent);
        }
        if inflated_total >= MAX_INFLATED_BYTES {
            // Too much packed in to look through: not a document anyone needs to send us.
            return Err(Problem::Damaged);
        }
    }
    Ok(())
}

/// Whether `b` has an object header `N G obj`.
fn has_object(b: &[u8]) -> bool {
    memchr::memmem::find_iter(b, b" obj").any(|at| {
        let before = &b[..at];
        let generation_end = before.len();
        let generation_start = before
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        generation_start < generation_end
            && generation_start >= 2
            && before[generation_start - 1] == b' '
            && before[generation_start - 2].is_ascii_digit()
    })
}

/// The data of every stream whose dictionary names `FlateDecode`.
fn flate_streams(b: &[u8]) -> impl Iterator<Item = &[u8]> {
    memchr::memmem::find_iter(b, b"stream").filter_map(move |at| {
        // `endstream` contains `stream` too.
        if at >= 3 && &b[at - 3..at] == b"end" {
            return None;
        }
        let dict_start = at.saturating_sub(512);
        let dict = &b[dict_start..at];
        memchr::memmem::find(dict, b"FlateDecode")?;
        let mut start = at + b"stream".len();
        if b.get(start) == Some(&b'\r') {
            start += 1;
        }
        if b.get(start) == Some(&b'\n') {
            start += 1;
        }
        let end = memchr::memmem::find(&b[start..], b"endstream")? + start;
        Some(&b[start..end])
    })
}

/// Whether `b` has a PDF name (after `/`, with `#xx` decoded) that is one of [`ACTIVE_NAMES`].
fn has_active_name(b: &[u8]) -> bool {
    let mut at = 0;
    while let Some(slash) = memchr::memchr(b'/', &b[at..]) {
        let start = at + slash + 1;
        let mut end = start;
        while end < b.len() && !is_delimiter(b[end]) {
            end += 1;
        }
        if end - start <= 64 {
            let name = decode_name(&b[start..end]);
            if ACTIVE_NAMES.contains(&name.as_slice()) {
                return true;
            }
        }
        at = end.max(start);
    }
    false
}

fn is_delimiter(c: u8) -> bool {
    c.is_ascii_whitespace()
        || c == 0
        || matches!(
            c,
            b'/' | b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'%'
        )
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = (raw[i] == b'#')
            .then(|| raw.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(raw[i]);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A small PDF with `extra` in its catalogue.
    fn pdf(extra: &str) -> Vec<u8> {
        format!(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R {extra} >>\nendobj\n\
             2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n\
             xref\n0 3\ntrailer\n<< /Root 1 0 R /Size 3 >>\nstartxref\n9\n%%EOF\n"
        )
        .into_bytes()
    }

    #[test]
    fn a_plain_pdf_passes_and_html_behind_the_magic_does_not() {
        assert_eq!(check(FileKind::Pdf, &pdf("")), Ok(()));
        let html = b"%PDF-1.4\n<html><script>alert(1)</script></html>";
        assert_eq!(check(FileKind::Pdf, html), Err(Problem::Damaged));
    }

    #[test]
    fn scripts_actions_and_embedded_files_are_found_even_escaped_or_compressed() {
        for extra in [
            "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
            "/Names << /J#61vaScript 3 0 R >>",
            "/AA << /O 4 0 R >>",
            "/Names << /EmbeddedFiles 5 0 R >>",
            "/OpenAction << /S /Launch /F (cmd.exe) >>",
        ] {
            assert_eq!(
                check(FileKind::Pdf, &pdf(extra)),
                Err(Problem::ActiveContent),
                "{extra}"
            );
        }
        // Opening at a page is not active content.
        assert_eq!(
            check(FileKind::Pdf, &pdf("/OpenAction [3 0 R /Fit]")),
            Ok(())
        );
        // A dictionary hidden in a compressed object stream.
        let mut packed =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        packed.write_all(b"<< /S /JavaScript /JS (x) >>").unwrap();
        let packed = packed.finish().unwrap();
        let mut file =
            b"%PDF-1.5\n3 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length 9 >>\nstream\n"
                .to_vec();
        file.extend_from_slice(&packed);
        file.extend_from_slice(b"\nendstream\nendobj\nstartxref\n9\n%%EOF\n");
        assert_eq!(check(FileKind::Pdf, &file), Err(Problem::ActiveContent));
    }

    #[test]
    fn photos_need_a_header_that_gives_their_size() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xDE";
        assert_eq!(check(FileKind::Png, png), Ok(()));
        assert_eq!(check(FileKind::Png, &png[..20]), Err(Problem::Damaged));
        // SOI, an APP0 segment, then a baseline frame header of 1 × 1.
        let jpeg = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\
            \xFF\xC0\x00\x0B\x08\x00\x01\x00\x01\x01\x01\x11\x00\xFF\xD9";
        assert_eq!(check(FileKind::Jpeg, jpeg), Ok(()));
        // Only the magic and an end: no frame.
        assert_eq!(
            check(FileKind::Jpeg, b"\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xD9"),
            Err(Problem::Damaged)
        );
        let mut webp = b"RIFF\x24\x00\x00\x00WEBPVP8L\x0D\x00\x00\x00\x2F".to_vec();
        webp.extend_from_slice(&[0x00, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0]);
        assert_eq!(check(FileKind::Webp, &webp), Ok(()));
        assert_eq!(
            check(FileKind::Webp, b"RIFF\x04\x00\x00\x00WEBP"),
            Err(Problem::Damaged)
        );
    }
}
