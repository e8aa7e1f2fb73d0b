//! The booking service's store: reading venues, topics and bookings and mapping rows to the
//! views (here), and writing bookings ([`writes`]). Everything that decides whether a seat is
//! free runs on the caller's `BEGIN IMMEDIATE` transaction (see `crate::booking` for why).

pub mod writes;

use anyhow::Context;
use portal_domain::api::booking::{
    mask_name, mask_uscc, slot_starts, Booking, BookingStatus, BookingSummary, BookingVenue,
    CenterCancellation, NamedRef, OpeningHours, Topic, CHANGE_CUTOFF_SECS,
};
use portal_domain::api::{VenueContacts, VenueKind, VenueStatus};
use portal_domain::calendar::Date;
use portal_domain::ids::{MobileNumber, Uscc};
use portal_domain::time::{format_shanghai, SlotTime};
use sqlx::{AnyConnection, AnyPool};

use crate::venues::VenueBasics;

/// A venue with its booking settings.
#[derive(Debug, Clone)]
pub struct VenueConfig {
    pub id: String,
    pub kind: VenueKind,
    pub status: VenueStatus,
    pub name_zh: String,
    pub name_en: String,
    pub address: Option<String>,
    pub slot_minutes: u16,
    pub seats_per_slot: u16,
    pub defaults_confirmed: bool,
    pub opening_hours: Vec<OpeningHours>,
    pub topics: Vec<String>,
}

impl VenueConfig {
    pub fn bookable(&self) -> bool {
        self.status == VenueStatus::Operating
    }

    pub fn offers(&self, topic: &str) -> bool {
        self.topics.iter().any(|t| t == topic)
    }

    /// The venue as the public venue list shows it.
    pub fn public_view(self) -> BookingVenue {
        BookingVenue {
            bookable: self.bookable(),
            id: self.id,
            kind: self.kind,
            status: self.status,
            name_zh: self.name_zh,
            name_en: self.name_en,
            address: self.address,
            topics: self.topics,
            opening_hours: self.opening_hours,
            slot_minutes: self.slot_minutes,
            seats_per_slot: self.seats_per_slot,
            defaults_confirmed: self.defaults_confirmed,
        }
    }

    pub fn slot_starts(&self) -> Vec<SlotTime> {
        slot_starts(&self.opening_hours, self.slot_minutes)
    }

    /// The end of the slot starting at `start`, if that is one of the venue's slots.
    pub fn slot_end(&self, start: SlotTime) -> Option<SlotTime> {
        self.slot_starts()
            .contains(&start)
            .then(|| start.plus(self.slot_minutes))
            .flatten()
    }
}

#[derive(sqlx::FromRow)]
struct VenueRow {
    #[sqlx(flatten)]
    basics: VenueBasics,
    address: Option<String>,
    slot_minutes: i64,
    seats_per_slot: i64,
    #[sqlx(try_from = "crate::db::Flag")]
    defaults_confirmed: bool,
}

/// Every venue where consultations are booked, in the order the center presents them.
pub async fn venues(db: &AnyPool) -> anyhow::Result<Vec<VenueConfig>> {
    let rows: Vec<VenueRow> = sqlx::query_as(
        "SELECT v.id, v.kind, v.status, v.name_zh, v.name_en, v.address, b.slot_minutes, \
         b.seats_per_slot, b.defaults_confirmed \
         FROM booking_venues b JOIN venues v ON v.id = b.venue_id ORDER BY v.sort_order, v.id",
    )
    .fetch_all(db)
    .await?;
    let hours: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT venue_id, opens, closes FROM booking_opening_hours ORDER BY venue_id, opens",
    )
    .fetch_all(db)
    .await?;
    let topics: Vec<(String, String)> = sqlx::query_as(
        "SELECT vt.venue_id, vt.topic_id FROM booking_venue_topics vt \
         JOIN booking_topics t ON t.id = vt.topic_id ORDER BY t.sort_order",
    )
    .fetch_all(db)
    .await?;

    rows.into_iter()
        .map(|row| {
            let (kind, status) = row.basics.kind_and_status()?;
            let VenueBasics {
                id,
                name_zh,
                name_en,
                ..
            } = row.basics;
            let opening_hours = hours
                .iter()
                .filter(|(venue, _, _)| *venue == id)
                .map(|(_, opens, closes)| OpeningHours {
                    opens: opens.clone(),
                    closes: closes.clone(),
                })
                .collect();
            let topics = topics
                .iter()
                .filter(|(venue, _)| *venue == id)
                .map(|(_, topic)| topic.clone())
                .collect();
            Ok(VenueConfig {
                id,
                kind,
                status,
                name_zh,
                name_en,
                address: row.address,
                // The table's CHECKs keep both small and positive.
                slot_minutes: row.slot_minutes as u16,
                seats_per_slot: row.seats_per_slot as u16,
                defaults_confirmed: row.defaults_confirmed,
                opening_hours,
                topics,
            })
        })
        .collect()
}

pub async fn venue(db: &AnyPool, id: &str) -> anyhow::Result<Option<VenueConfig>> {
    Ok(venues(db).await?.into_iter().find(|v| v.id == id))
}

#[derive(sqlx::FromRow)]
struct TopicRow {
    id: String,
    name_zh: String,
    name_en: String,
    bring_zh: String,
    bring_en: String,
}

impl TryFrom<TopicRow> for Topic {
    type Error = anyhow::Error;

    fn try_from(row: TopicRow) -> anyhow::Result<Topic> {
        Ok(Topic {
            what_to_bring_zh: serde_json::from_str(&row.bring_zh)
                .with_context(|| format!("topic {}: bring_zh", row.id))?,
            what_to_bring_en: serde_json::from_str(&row.bring_en)
                .with_context(|| format!("topic {}: bring_en", row.id))?,
            id: row.id,
            name_zh: row.name_zh,
            name_en: row.name_en,
        })
    }
}

pub async fn topics(db: &AnyPool) -> anyhow::Result<Vec<Topic>> {
    let rows: Vec<TopicRow> = sqlx::query_as(
        "SELECT id, name_zh, name_en, bring_zh, bring_en FROM booking_topics \
         ORDER BY sort_order, id",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(Topic::try_from).collect()
}

pub async fn topic(db: &AnyPool, id: &str) -> anyhow::Result<Option<Topic>> {
    let row: Option<TopicRow> = sqlx::query_as(
        "SELECT id, name_zh, name_en, bring_zh, bring_en FROM booking_topics WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?;
    row.map(Topic::try_from).transpose()
}

/// How many confirmed bookings of this mobile number have not started at `now`.
pub async fn upcoming_for_mobile(
    conn: &mut AnyConnection,
    mobile: &MobileNumber,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE mobile = $1 AND status = 'confirmed' AND starts_at > $2",
    )
    .bind(mobile.as_str())
    .bind(now)
    .fetch_one(&mut *conn)
    .await
}

/// Whether this mobile number has another confirmed booking overlapping `[starts_at, ends_at)`.
pub async fn mobile_overlaps(
    conn: &mut AnyConnection,
    mobile: &str,
    starts_at: i64,
    ends_at: i64,
    except_booking: Option<i64>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM bookings WHERE mobile = $1 AND status = 'confirmed' \
         AND starts_at < $2 AND ends_at > $3 AND id IS DISTINCT FROM $4)",
    )
    .bind(mobile)
    .bind(ends_at)
    .bind(starts_at)
    .bind(except_booking)
    .fetch_one(&mut *conn)
    .await
    .map(crate::db::Flag::yes)
}

/// A booking with the names of its venue and topic.
#[derive(Debug, sqlx::FromRow)]
pub struct BookingRow {
    pub id: i64,
    pub reference: String,
    pub venue_id: String,
    pub venue_name_zh: String,
    pub venue_name_en: String,
    pub venue_address: Option<String>,
    pub venue_phone: Option<String>,
    pub venue_hours: Option<String>,
    pub venue_map_url: Option<String>,
    pub topic_id: String,
    pub topic_name_zh: String,
    pub topic_name_en: String,
    pub bring_zh: String,
    pub bring_en: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub status: String,
    pub sequence: i64,
    pub name: String,
    pub mobile: String,
    pub organisation: Option<String>,
    pub uscc: Option<String>,
    pub description: Option<String>,
    #[sqlx(try_from = "crate::db::Flag")]
    pub wheelchair_access: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    pub sign_language_interpreter: bool,
    pub other_adjustments: Option<String>,
    #[sqlx(try_from = "crate::db::Flag")]
    pub for_someone_else: bool,
    pub updated_at: i64,
    #[sqlx(try_from = "crate::db::Flag")]
    pub defaults_confirmed: bool,
    /// `citizen` or `center` once cancelled (see migration 0008).
    pub cancelled_by: Option<String>,
    /// The reason of the closure that cancelled it, and whether it closed the whole day.
    pub closure_reason: Option<String>,
    #[sqlx(try_from = "crate::db::Flag")]
    pub closure_whole_day: Option<bool>,
    /// The reason when the center cancelled it after review (migration 0013).
    pub review_reason: Option<String>,
    /// When its personal data was anonymised (migration 0020, `crate::retention`).
    pub anonymised_at: Option<i64>,
}

const BOOKING_SELECT: &str = "SELECT b.id, b.reference, b.venue_id, v.name_zh AS venue_name_zh, \
     v.name_en AS venue_name_en, v.address AS venue_address, v.phone AS venue_phone, \
     v.opening_hours AS venue_hours, v.map_url AS venue_map_url, b.topic_id, \
     t.name_zh AS topic_name_zh, t.name_en AS topic_name_en, t.bring_zh, t.bring_en, b.date, \
     b.start_time, b.end_time, b.starts_at, b.ends_at, b.status, b.sequence, b.name, b.mobile, \
     b.organisation, b.uscc, b.description, b.wheelchair_access, b.sign_language_interpreter, \
     b.other_adjustments, b.for_someone_else, b.updated_at, bv.defaults_confirmed, \
     b.cancelled_by, c.reason AS closure_reason, b.review_reason, b.anonymised_at, \
     CASE WHEN c.id IS NULL THEN NULL ELSE c.start_time IS NULL END AS closure_whole_day \
     FROM bookings b JOIN venues v ON v.id = b.venue_id \
     JOIN booking_venues bv ON bv.venue_id = b.venue_id \
     JOIN booking_topics t ON t.id = b.topic_id \
     LEFT JOIN booking_closures c ON c.id = b.closure_id";

pub async fn booking_by_id(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<BookingRow>> {
    sqlx::query_as(&format!("{BOOKING_SELECT} WHERE b.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn booking_by_token_hash(
    db: &AnyPool,
    token_hash: &[u8],
) -> sqlx::Result<Option<BookingRow>> {
    sqlx::query_as(&format!("{BOOKING_SELECT} WHERE b.token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(db)
        .await
}

/// One query for both conditions, so an unknown reference and a wrong mobile number take the
/// same path and give the same answer.
pub async fn booking_by_reference_and_mobile(
    db: &AnyPool,
    reference: &str,
    mobile: &MobileNumber,
) -> sqlx::Result<Option<BookingRow>> {
    sqlx::query_as(&format!(
        "{BOOKING_SELECT} WHERE b.reference = $1 AND b.mobile = $2"
    ))
    .bind(reference)
    .bind(mobile.as_str())
    .fetch_optional(db)
    .await
}

/// The booking a reference and the last four digits of its mobile number find (the kiosk's
/// check-in): one query for both conditions, as [`booking_by_reference_and_mobile`].
pub async fn booking_by_reference_and_last_four(
    db: &AnyPool,
    reference: &str,
    last_four: &str,
) -> sqlx::Result<Option<BookingRow>> {
    sqlx::query_as(&format!(
        "{BOOKING_SELECT} WHERE b.reference = $1 AND substr(b.mobile, length(b.mobile) - 3) = $2"
    ))
    .bind(reference)
    .bind(last_four)
    .fetch_optional(db)
    .await
}

impl BookingRow {
    pub fn status(&self) -> BookingStatus {
        if self.status == "cancelled" {
            BookingStatus::Cancelled
        } else {
            BookingStatus::Confirmed
        }
    }

    /// Cancelled by the center closing its slot or day: its holder may rebook it.
    pub fn center_cancelled(&self) -> bool {
        self.cancelled_by_center() && self.review_reason.is_none()
    }

    /// Cancelled by the center: by a closure, or after review (`review_reason`).
    fn cancelled_by_center(&self) -> bool {
        self.status() == BookingStatus::Cancelled && self.cancelled_by.as_deref() == Some("center")
    }

    fn center_cancellation(&self) -> Option<CenterCancellation> {
        self.cancelled_by_center().then(|| CenterCancellation {
            reason: self
                .review_reason
                .clone()
                .or_else(|| self.closure_reason.clone())
                .unwrap_or_default(),
            whole_day: self.closure_whole_day.unwrap_or(false),
            review: self.review_reason.is_some(),
        })
    }

    /// Whether it can still be cancelled or moved at `now`.
    pub fn changeable(&self, now: i64) -> bool {
        self.status() == BookingStatus::Confirmed && now <= self.change_deadline()
    }

    pub fn change_deadline(&self) -> i64 {
        self.starts_at - CHANGE_CUTOFF_SECS
    }

    pub fn shown_reference(&self) -> String {
        // Stored without the hyphen; shown as XXXX-XXXX.
        match self.reference.get(..4).zip(self.reference.get(4..)) {
            Some((a, b)) => format!("{a}-{b}"),
            None => self.reference.clone(),
        }
    }

    /// Whether its holder may erase its personal data at `now`: the appointment is over or the
    /// booking cancelled, and it is not anonymised yet.
    pub fn erasable(&self, now: i64) -> bool {
        self.anonymised_at.is_none()
            && (self.status() == BookingStatus::Cancelled || now >= self.ends_at)
    }

    fn masked_mobile(&self) -> String {
        if self.anonymised_at.is_some() {
            return String::new();
        }
        MobileNumber::parse(&self.mobile).map_or_else(|_| "***".to_owned(), |m| m.masked())
    }

    fn date(&self) -> anyhow::Result<Date> {
        Date::parse(&self.date).with_context(|| format!("booking {} has a bad date", self.id))
    }

    fn venue_ref(&self) -> NamedRef {
        NamedRef {
            id: self.venue_id.clone(),
            name_zh: self.venue_name_zh.clone(),
            name_en: self.venue_name_en.clone(),
        }
    }

    fn topic_ref(&self) -> NamedRef {
        NamedRef {
            id: self.topic_id.clone(),
            name_zh: self.topic_name_zh.clone(),
            name_en: self.topic_name_en.clone(),
        }
    }

    /// How to reach the venue, as entered by an administrator.
    pub fn venue_contacts(&self) -> VenueContacts {
        VenueContacts {
            address: self.venue_address.clone(),
            phone: self.venue_phone.clone(),
            opening_hours: self.venue_hours.clone(),
            map_url: self.venue_map_url.clone(),
        }
    }

    pub fn what_to_bring(&self) -> anyhow::Result<(Vec<String>, Vec<String>)> {
        Ok((
            serde_json::from_str(&self.bring_zh).context("bring_zh")?,
            serde_json::from_str(&self.bring_en).context("bring_en")?,
        ))
    }

    /// What the holder of the manage token sees: the name in full, the mobile number and the
    /// USCC masked all the same.
    pub fn holder_view(&self, now: i64) -> anyhow::Result<Booking> {
        let (what_to_bring_zh, what_to_bring_en) = self.what_to_bring()?;
        Ok(Booking {
            reference: self.shown_reference(),
            status: self.status(),
            venue: self.venue_ref(),
            venue_address: self.venue_address.clone(),
            venue_contacts: self.venue_contacts(),
            topic: self.topic_ref(),
            date: self.date()?,
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            starts_at: format_shanghai(self.starts_at),
            ends_at: format_shanghai(self.ends_at),
            what_to_bring_zh,
            what_to_bring_en,
            name: self.name.clone(),
            mobile: self.masked_mobile(),
            organisation: self.organisation.clone(),
            uscc: self
                .uscc
                .as_deref()
                .map(|u| Uscc::parse(u).map_or_else(|_| "***".to_owned(), |u| mask_uscc(&u))),
            description: self.description.clone(),
            wheelchair_access: self.wheelchair_access,
            sign_language_interpreter: self.sign_language_interpreter,
            other_adjustments: self.other_adjustments.clone(),
            for_someone_else: self.for_someone_else,
            sequence: self.sequence.max(0) as u32,
            changeable: self.changeable(now),
            change_deadline: format_shanghai(self.change_deadline()),
            defaults_confirmed: self.defaults_confirmed,
            center_cancellation: self.center_cancellation(),
            // Set by the views that show them (`crate::rating::state`).
            can_rate: false,
            rating: None,
            anonymised: self.anonymised_at.is_some(),
            erasable: self.erasable(now),
        })
    }

    /// What reference + mobile number reveals: masked, without the details only the holder of
    /// the manage token sees, but with what is needed to offer moving or cancelling it at `now`.
    pub fn summary(&self, now: i64) -> anyhow::Result<BookingSummary> {
        let view = self.holder_view(now)?;
        Ok(BookingSummary {
            name: mask_name(&self.name),
            reference: view.reference,
            status: view.status,
            venue: view.venue,
            venue_address: view.venue_address,
            venue_contacts: view.venue_contacts,
            topic: view.topic,
            date: view.date,
            start_time: view.start_time,
            end_time: view.end_time,
            starts_at: view.starts_at,
            ends_at: view.ends_at,
            mobile: view.mobile,
            what_to_bring_zh: view.what_to_bring_zh,
            what_to_bring_en: view.what_to_bring_en,
            sequence: view.sequence,
            changeable: view.changeable,
            change_deadline: view.change_deadline,
            defaults_confirmed: view.defaults_confirmed,
            center_cancellation: view.center_cancellation,
            can_rate: view.can_rate,
            rating: view.rating,
        })
    }
}
