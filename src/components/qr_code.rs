//! A QR code drawn as SVG (one path of unit squares), sharp at any size and in print.

use leptos::prelude::*;
use qrcodegen::{QrCode as Code, QrCodeEcc};

/// The light margin around the code the standard asks for, in modules.
const QUIET_ZONE: i32 = 4;

/// The SVG path of the dark modules of `text`'s QR code, and the drawing's width in modules
/// (quiet zone included). `None` if the text is too long for any QR code.
pub fn qr_path(text: &str) -> Option<(String, i32)> {
    // Medium error correction: still readable from a creased printout or a scratched screen.
    let code = Code::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
    }
    Some((path, size + 2 * QUIET_ZONE))
}

#[component]
pub fn QrCode(text: String, #[prop(into)] label: Signal<&'static str>) -> impl IntoView {
    qr_path(&text).map(|(path, width)| {
        view! {
            <svg
                class="qr-code"
                role="img"
                aria-label=label
                viewBox=format!("0 0 {width} {width}")
                xmlns="http://www.w3.org/2000/svg"
                shape-rendering="crispEdges"
            >
                <rect width=width height=width fill="#fff"></rect>
                <path d=path fill="#000"></path>
            </svg>
        }
    })
}

/// A link to keep (a booking's manage link, a request's tracking link): its QR code, to scan
/// from a kiosk's screen or a printout, and the address to bookmark.
#[component]
pub fn KeepLink(url: String, #[prop(into)] label: Signal<&'static str>) -> impl IntoView {
    let href = url.clone();
    view! {
        <div class="keep-link">
            <QrCode text=url.clone() label=label/>
            <p class="keep-link__url"><a href=href>{url}</a></p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_code_with_its_quiet_zone() {
        let (path, width) = qr_path("https://example.org/booking/manage/abc").expect("fits");
        // 38 bytes at level M need version 3: 29 modules, plus 4 on each side.
        assert_eq!(width, 29 + 8);
        assert!(
            path.starts_with("M4,4h1v1h-1z"),
            "the finder pattern's corner is dark"
        );
    }

    #[test]
    fn text_too_long_for_any_code_gives_none() {
        assert_eq!(qr_path(&"x".repeat(5000)), None);
    }
}
