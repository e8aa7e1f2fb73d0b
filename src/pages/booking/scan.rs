//! The QR path of the kiosk's check-in: where the browser has `BarcodeDetector` (feature-
//! detected; where it is missing nothing is offered), the camera reads the QR code of a
//! booking's confirmation, which holds its manage link, and the booking is checked in by that
//! link's token. The camera runs only while the person asked for it, and stops once a code is
//! read, on "stop" and when the page goes.

use std::time::Duration;

use js_sys::{Array, Function, Object, Reflect};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::booking::CheckedIn;
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MediaStream, MediaStreamConstraints, MediaStreamTrack};

use super::texts::{booking_check_in_text, booking_check_in_texts};
use crate::api::{self, ApiError};
use crate::prefs::use_prefs;

/// How often the camera's picture is searched for a code.
const SCAN_EVERY: Duration = Duration::from_millis(400);

/// Whether this browser reads QR codes (`BarcodeDetector`).
fn barcode_detector() -> Option<Function> {
    Reflect::get(&window(), &JsValue::from_str("BarcodeDetector"))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// The manage token in a scanned text: what follows `/booking/manage/` in the link, up to the
/// end of that path segment.
pub fn token_from_scanned(text: &str) -> Option<String> {
    let rest = text.split("/booking/manage/").nth(1)?;
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!token.is_empty()).then_some(token)
}

fn stop(stream: StoredValue<Option<SendWrapper<MediaStream>>>) {
    if let Some(stream) = stream.try_update_value(Option::take).flatten() {
        for track in stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

/// The camera's stream, the back camera where there is a choice.
async fn open_camera() -> Result<MediaStream, JsValue> {
    let devices = window().navigator().media_devices()?;
    let video = Object::new();
    Reflect::set(&video, &"facingMode".into(), &"environment".into())?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video);
    let promise = devices.get_user_media_with_constraints(&constraints)?;
    JsFuture::from(promise).await?.dyn_into::<MediaStream>()
}

/// The first QR code's text in the video's current picture, if any.
async fn detect(detector: &JsValue, video: &JsValue) -> Option<String> {
    let detect = Reflect::get(detector, &"detect".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let promise = detect
        .call1(detector, video)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let found = JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<Array>()
        .ok()?;
    Reflect::get(&found.get(0), &"rawValue".into())
        .ok()?
        .as_string()
}

/// "Or show your booking's QR code", where the browser can read one; `found` gets the booking
/// checked in by the code's link.
#[component]
pub fn QrScan(#[prop(into)] found: Callback<CheckedIn>) -> impl IntoView {
    let detector_class = barcode_detector()?;
    let prefs = use_prefs();
    let video = NodeRef::<html::Video>::new();
    let scanning = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let stream = StoredValue::new(None::<SendWrapper<MediaStream>>);
    let busy = StoredValue::new(false);
    on_cleanup(move || stop(stream));

    let options = Object::new();
    let formats = Array::of1(&"qr_code".into());
    let _ = Reflect::set(&options, &"formats".into(), &formats);
    let Ok(detector) = Reflect::construct(&detector_class, &Array::of1(&options)) else {
        return None;
    };
    let detector = SendWrapper::new(detector);

    let read = move |text: String| {
        stop(stream);
        scanning.set(false);
        let lang = prefs.lang.get_untracked();
        let Some(token) = token_from_scanned(&text) else {
            problem.set(Some(
                booking_check_in_texts(lang)
                    .check_in_scan_unreadable
                    .to_owned(),
            ));
            return;
        };
        spawn_local(async move {
            match api::check_in_booking_by_token(&token, lang).await {
                Ok(checked) => found.run(checked),
                // Not today, too early, cancelled: the server's words.
                Err(ApiError::Validation(body)) => problem.set(Some(body.message)),
                Err(ApiError::NotFound) => problem.set(Some(
                    booking_check_in_texts(lang)
                        .check_in_scan_unreadable
                        .to_owned(),
                )),
                Err(_) => problem.set(Some(
                    booking_check_in_texts(lang).check_in_not_sent.to_owned(),
                )),
            }
        });
    };
    let start = move |_| {
        problem.set(None);
        spawn_local(async move {
            match open_camera().await {
                Ok(camera) => {
                    if let Some(video) = video.get_untracked() {
                        video.set_src_object(Some(&camera));
                        let _ = video.play();
                    }
                    stream.set_value(Some(SendWrapper::new(camera)));
                    scanning.set(true);
                }
                Err(_) => problem.set(Some(
                    booking_check_in_texts(prefs.lang.get_untracked())
                        .check_in_camera_failed
                        .to_owned(),
                )),
            }
        });
    };
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if !scanning.get_untracked() || busy.get_value() {
                return;
            }
            let (Some(el), detector) = (video.get_untracked(), detector.clone()) else {
                return;
            };
            busy.set_value(true);
            spawn_local(async move {
                let text = detect(&detector, el.as_ref()).await;
                busy.set_value(false);
                if let Some(text) = text.filter(|_| scanning.get_untracked()) {
                    read(text);
                }
            });
        },
        SCAN_EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }

    Some(view! {
        <section class="qr-scan" aria-labelledby="qr-scan-heading">
            <h2 id="qr-scan-heading">{booking_check_in_text(|t| t.check_in_scan_heading)}</h2>
            <p>{booking_check_in_text(|t| t.check_in_scan_body)}</p>
            {move || problem.get().map(|p| view! { <p class="notice" role="alert">{p}</p> })}
            <video
                class="qr-scan__video"
                node_ref=video
                muted=true
                playsinline=true
                hidden=move || !scanning.get()
                aria-label=booking_check_in_text(|t| t.check_in_scan_waiting)
            ></video>
            {move || if scanning.get() {
                view! {
                    <p role="status">{booking_check_in_text(|t| t.check_in_scan_waiting)}</p>
                    <button type="button" class="button button--secondary" on:click=move |_| { stop(stream); scanning.set(false); }>
                        {booking_check_in_text(|t| t.check_in_scan_stop)}
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="button button--secondary" on:click=start>
                        {booking_check_in_text(|t| t.check_in_scan_start)}
                    </button>
                }
                .into_any()
            }}
        </section>
    })
}

#[cfg(test)]
mod tests {
    use super::token_from_scanned;

    #[test]
    fn the_token_is_read_from_the_manage_link_only() {
        assert_eq!(
            token_from_scanned("https://ip.example.cn/booking/manage/AbC_d-9?x=1").as_deref(),
            Some("AbC_d-9")
        );
        assert_eq!(
            token_from_scanned("http://127.0.0.1:8080/booking/manage/tok/change").as_deref(),
            Some("tok")
        );
        assert_eq!(
            token_from_scanned("https://ip.example.cn/booking/find"),
            None
        );
        assert_eq!(token_from_scanned("K7QX-M2PD"), None);
    }
}
