//! Seeds the booking tables from `data/seed/booking.json` while they are empty, in the same
//! transaction as the rest of the seed (see `crate::seed`).

use anyhow::Context;
use portal_domain::api::booking::{slot_starts, OpeningHours};
use serde::Deserialize;
use sqlx::AnyConnection;

const BOOKING_JSON: &str = include_str!("../../../../data/seed/booking.json");

#[derive(Deserialize)]
struct BookingFile {
    topics: Vec<SeedTopic>,
    venues: Vec<SeedVenue>,
}

#[derive(Deserialize)]
struct SeedTopic {
    id: String,
    name_zh: String,
    name_en: String,
    what_to_bring_zh: Vec<String>,
    what_to_bring_en: Vec<String>,
}

#[derive(Deserialize)]
struct SeedVenue {
    venue_id: String,
    topics: Vec<String>,
    opening_hours: Vec<OpeningHours>,
    slot_minutes: u16,
    seats_per_slot: u16,
    defaults_confirmed: bool,
}

pub async fn seed_if_empty(tx: &mut AnyConnection) -> anyhow::Result<()> {
    let topics: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM booking_topics")
        .fetch_one(&mut *tx)
        .await?;
    if topics > 0 {
        return Ok(());
    }
    let file: BookingFile = serde_json::from_str(BOOKING_JSON).context("data/seed/booking.json")?;
    for (order, topic) in file.topics.iter().enumerate() {
        sqlx::query(
            "INSERT INTO booking_topics (id, name_zh, name_en, bring_zh, bring_en, sort_order) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&topic.id)
        .bind(&topic.name_zh)
        .bind(&topic.name_en)
        .bind(serde_json::to_string(&topic.what_to_bring_zh)?)
        .bind(serde_json::to_string(&topic.what_to_bring_en)?)
        .bind(order as i64)
        .execute(&mut *tx)
        .await
        .with_context(|| format!("seeding booking topic {}", topic.id))?;
    }
    for venue in &file.venues {
        // The table's CHECKs catch malformed hours; an empty day would make the venue silently
        // unbookable, so the seed refuses it.
        anyhow::ensure!(
            !slot_starts(&venue.opening_hours, venue.slot_minutes).is_empty(),
            "data/seed/booking.json: {} has no slot inside its opening hours",
            venue.venue_id
        );
        sqlx::query(
            "INSERT INTO booking_venues (venue_id, slot_minutes, seats_per_slot, \
             defaults_confirmed) VALUES ($1, $2, $3, $4)",
        )
        .bind(&venue.venue_id)
        .bind(i64::from(venue.slot_minutes))
        .bind(i64::from(venue.seats_per_slot))
        .bind(i64::from(venue.defaults_confirmed))
        .execute(&mut *tx)
        .await
        .with_context(|| format!("seeding booking venue {}", venue.venue_id))?;
        for hours in &venue.opening_hours {
            sqlx::query(
                "INSERT INTO booking_opening_hours (venue_id, opens, closes) VALUES ($1, $2, $3)",
            )
            .bind(&venue.venue_id)
            .bind(&hours.opens)
            .bind(&hours.closes)
            .execute(&mut *tx)
            .await
            .with_context(|| format!("seeding the opening hours of {}", venue.venue_id))?;
        }
        for topic in &venue.topics {
            sqlx::query("INSERT INTO booking_venue_topics (venue_id, topic_id) VALUES ($1, $2)")
                .bind(&venue.venue_id)
                .bind(topic)
                .execute(&mut *tx)
                .await
                .with_context(|| format!("seeding topic {topic} of {}", venue.venue_id))?;
        }
    }
    tracing::info!(
        topics = file.topics.len(),
        venues = file.venues.len(),
        "seeded booking topics and venues"
    );
    Ok(())
}
