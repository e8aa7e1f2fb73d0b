//! Real data loaded into an empty database on first start. The files are compiled into the
//! binary so the server needs nothing beside it; each table is seeded only while it is empty, so
//! what an administrator changes later is never overwritten.

use anyhow::Context;
use serde::Deserialize;
use sqlx::AnyPool;

use crate::venues::VenueBasics;

const VENUES_JSON: &str = include_str!("../../../data/seed/venues.json");
const GI_PRODUCTS_CSV: &str = include_str!("../../../data/seed/gi_products.csv");

pub async fn seed_if_empty(pool: &AnyPool) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;

    let venues: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM venues")
        .fetch_one(&mut *tx)
        .await?;
    if venues == 0 {
        let file: VenuesFile =
            serde_json::from_str(VENUES_JSON).context("data/seed/venues.json")?;
        for (order, v) in file.venues.iter().enumerate() {
            sqlx::query(
                "INSERT INTO venues (id, kind, status, name_zh, name_en, summary_zh, summary_en, \
                 source, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&v.basics.id)
            .bind(&v.basics.kind)
            .bind(&v.basics.status)
            .bind(&v.basics.name_zh)
            .bind(&v.basics.name_en)
            .bind(&v.summary_zh)
            .bind(&v.summary_en)
            .bind(&v.source)
            .bind(order as i64)
            .execute(&mut *tx)
            .await
            .with_context(|| format!("seeding venue {}", v.basics.id))?;
        }
        tracing::info!(count = file.venues.len(), "seeded venues");
    }

    let products: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gi_products")
        .fetch_one(&mut *tx)
        .await?;
    if products == 0 {
        let mut reader = csv::Reader::from_reader(GI_PRODUCTS_CSV.as_bytes());
        let mut count = 0usize;
        for row in reader.deserialize::<GiRow>() {
            let row = row.context("data/seed/gi_products.csv")?;
            sqlx::query(
                "INSERT INTO gi_products (id, name_zh, name_en, pinyin, province, city, category, \
                 gi_type, approved_year, announcement, description, source) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(&row.id)
            .bind(&row.name_zh)
            .bind(non_empty(&row.name_en))
            .bind(&row.pinyin)
            .bind(non_empty(&row.province))
            .bind(non_empty(&row.city))
            .bind(non_empty(&row.category))
            .bind(non_empty(&row.gi_type))
            .bind(row.approved_year)
            .bind(non_empty(&row.announcement))
            .bind(non_empty(&row.description))
            .bind(&row.source)
            .execute(&mut *tx)
            .await
            .with_context(|| format!("seeding GI product {}", row.id))?;
            count += 1;
        }
        tracing::info!(count, "seeded GI products");
    }

    crate::policies::import_if_empty(&mut tx).await?;
    crate::booking::seed_if_empty(&mut tx).await?;

    tx.commit().await?;
    Ok(())
}

fn non_empty(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

#[derive(Deserialize)]
struct VenuesFile {
    venues: Vec<SeedVenue>,
}

#[derive(Deserialize)]
struct SeedVenue {
    #[serde(flatten)]
    basics: VenueBasics,
    summary_zh: String,
    summary_en: String,
    source: String,
}

#[derive(Deserialize)]
struct GiRow {
    id: String,
    name_zh: String,
    name_en: String,
    pinyin: String,
    province: String,
    city: String,
    category: String,
    gi_type: String,
    #[serde(deserialize_with = "csv::invalid_option")]
    approved_year: Option<i64>,
    announcement: String,
    description: String,
    source: String,
}
