//! What the booking API answers: a booking as its holder sees it, the masked summary found by
//! reference, the centre's cancellation notices, and the masking they use.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::ids::Uscc;
use crate::lang::Lang;
use crate::texts::booking_error_texts;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Confirmed,
    Cancelled,
}

/// A venue or topic as a booking names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedRef {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A booking as its holder (whoever has the manage token) sees it. The mobile number and the
/// 统一社会信用代码 are masked even here; the name is shown in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    /// Short reference to quote on the phone or at the desk, `XXXX-XXXX`, never containing
    /// 0, O, 1, I or L.
    pub reference: String,
    pub status: BookingStatus,
    pub venue: NamedRef,
    pub venue_address: Option<String>,
    /// How to reach the venue: address (the same as `venue_address`), phone, hours and map
    /// link, each where an administrator entered it.
    #[serde(default)]
    pub venue_contacts: crate::api::VenueContacts,
    pub topic: NamedRef,
    pub date: Date,
    /// `HH:MM`, Asia/Shanghai.
    pub start_time: String,
    pub end_time: String,
    /// RFC 3339 with the +08:00 offset.
    pub starts_at: String,
    pub ends_at: String,
    pub what_to_bring_zh: Vec<String>,
    pub what_to_bring_en: Vec<String>,
    pub name: String,
    /// Masked, e.g. `138****5678`.
    pub mobile: String,
    pub organisation: Option<String>,
    /// Masked, e.g. `91************341L`.
    pub uscc: Option<String>,
    pub description: Option<String>,
    pub wheelchair_access: bool,
    pub sign_language_interpreter: bool,
    pub other_adjustments: Option<String>,
    pub for_someone_else: bool,
    /// Rises by one with every reschedule and the cancellation (the calendar file's SEQUENCE).
    pub sequence: u32,
    /// Whether it can still be cancelled or moved now (confirmed, and `change_deadline` has
    /// not passed).
    pub changeable: bool,
    /// RFC 3339: 2 hours before the start.
    pub change_deadline: String,
    /// False while the venue's hours are unconfirmed defaults.
    pub defaults_confirmed: bool,
    /// Set when the center cancelled the booking by closing its slot or day (never when its
    /// holder cancelled it): the reason to show. Such a booking can be rebooked: the
    /// reschedule routes move it to a new slot and confirm it again (same reference and
    /// manage link), whatever the 2-hour cut-off of the old slot.
    #[serde(default)]
    pub center_cancellation: Option<CenterCancellation>,
    /// Whether the consultation can be rated now: the person was checked in at the desk and has
    /// not rated it yet (`POST /bookings/{token}/rating`, which takes the manage link). Set on
    /// the answers of `GET /bookings/{token}` and the lookup; `false` on the others.
    #[serde(default)]
    pub can_rate: bool,
    /// The rating with the center's reply, once rated.
    #[serde(default)]
    pub rating: Option<crate::api::rating::RatingView>,
    /// The booking's personal data was anonymised (by the retention rule, or its holder erased
    /// it): name, mobile number and the other details are empty.
    #[serde(default)]
    pub anonymised: bool,
    /// Its holder may erase its personal data now (`POST /bookings/{token}/erase`): the
    /// appointment is over or the booking cancelled, and it is not anonymised yet.
    #[serde(default)]
    pub erasable: bool,
}

/// Why the center cancelled a booking (see [`Booking::center_cancellation`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterCancellation {
    /// The reason the center gave when it closed the slot, or when it cancelled the booking
    /// after review, as written by its staff.
    pub reason: String,
    /// The center closed the whole day rather than the one slot.
    pub whole_day: bool,
    /// Cancelled after the booking desk reviewed bookings made in bulk
    /// ([`crate::api::booking_clusters`]), not by a closure: it cannot be moved to a new time, a new
    /// booking can be made.
    #[serde(default)]
    pub review: bool,
}

/// The notice a booking cancelled by the center shows, with the center's reason (its own
/// closing full stop dropped: the sentence has one).
pub fn center_cancelled_notice(reason: &str, lang: Lang) -> String {
    booking_error_texts(lang).center_cancelled_notice(without_final_stop(reason))
}

/// The notice a booking cancelled after the desk's review of bookings made in bulk shows
/// ([`CenterCancellation::review`]), with the center's reason.
pub fn review_cancelled_notice(reason: &str, lang: Lang) -> String {
    booking_error_texts(lang).review_cancelled_notice(without_final_stop(reason))
}

fn without_final_stop(reason: &str) -> &str {
    reason
        .trim()
        .trim_end_matches(['。', '.', '！', '!', '；', ';'])
}

/// 201 answer of `POST /api/v1/bookings`. The same key with the same body gives this same
/// answer again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingCreated {
    /// The secret of the manage link (`/api/v1/bookings/{manage_token}`): 256 random bits,
    /// URL-safe base64. It is shown once; the server keeps only its hash.
    pub manage_token: String,
    pub booking: Booking,
}

/// `POST /api/v1/bookings/lookup` (and `…/lookup/reschedule`, `…/lookup/cancel`): what
/// reference + mobile reveals, with what is needed to offer moving or cancelling it. Name and
/// mobile masked; no description, organisation, adjustments, USCC or manage token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingSummary {
    pub reference: String,
    pub status: BookingStatus,
    pub venue: NamedRef,
    pub venue_address: Option<String>,
    /// How to reach the venue: address (the same as `venue_address`), phone, hours and map
    /// link, each where an administrator entered it.
    #[serde(default)]
    pub venue_contacts: crate::api::VenueContacts,
    pub topic: NamedRef,
    pub date: Date,
    pub start_time: String,
    pub end_time: String,
    pub starts_at: String,
    pub ends_at: String,
    /// Masked, e.g. `张*`.
    pub name: String,
    /// Masked, e.g. `138****5678`.
    pub mobile: String,
    pub what_to_bring_zh: Vec<String>,
    pub what_to_bring_en: Vec<String>,
    /// Rises by one with every reschedule and the cancellation (the calendar file's SEQUENCE).
    pub sequence: u32,
    /// Whether it can still be cancelled or moved now (confirmed, and `change_deadline` has
    /// not passed).
    pub changeable: bool,
    /// RFC 3339: 2 hours before the start.
    pub change_deadline: String,
    /// False while the venue's hours are unconfirmed defaults.
    pub defaults_confirmed: bool,
    /// Set when the center cancelled the booking by closing its slot or day (never when its
    /// holder cancelled it): the reason to show. Such a booking can be rebooked: the
    /// reschedule routes move it to a new slot and confirm it again (same reference and
    /// manage link), whatever the 2-hour cut-off of the old slot.
    #[serde(default)]
    pub center_cancellation: Option<CenterCancellation>,
    /// Whether the consultation can be rated now: the person was checked in at the desk and has
    /// not rated it yet (`POST /bookings/{token}/rating`, which takes the manage link). Set on
    /// the answers of `GET /bookings/{token}` and the lookup; `false` on the others.
    #[serde(default)]
    pub can_rate: bool,
    /// The rating with the center's reply, once rated.
    #[serde(default)]
    pub rating: Option<crate::api::rating::RatingView>,
}

/// A name with all but its first character hidden: `张三` → `张*`, `欧阳娜娜` → `欧***`.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    match chars.next() {
        None => String::new(),
        Some(first) => {
            let hidden = chars.count().clamp(1, 4);
            format!("{first}{}", "*".repeat(hidden))
        }
    }
}

/// A 统一社会信用代码 with the middle hidden: `91************341L`.
pub fn mask_uscc(uscc: &Uscc) -> String {
    uscc.masked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_center_cancelled_notice_carries_the_reason_once_punctuated() {
        assert_eq!(
            center_cancelled_notice("设备检修。", Lang::Zh),
            "服务中心关闭了这个时段：设备检修。您的预约已取消，请重新选择时间。"
        );
        assert_eq!(
            center_cancelled_notice("Staff training", Lang::En),
            "The center has closed this time: Staff training. Your booking has been cancelled; please choose a new time."
        );
    }

    #[test]
    fn masking() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("欧阳娜娜"), "欧***");
        assert_eq!(mask_name("Wolfeschlegelsteinhausen"), "W****");
        assert_eq!(mask_name("王"), "王*");
        assert_eq!(
            mask_uscc(&Uscc::parse("91110000600037341L").unwrap()),
            "91************341L"
        );
    }
}
