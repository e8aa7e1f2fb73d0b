use portal_domain::api::{Health, VenueList};

use crate::helpers::{spawn_app, spawn_app_in};

#[tokio::test]
async fn a_second_start_keeps_the_data_and_does_not_seed_twice() {
    let first = spawn_app().await;

    // An administrator fills in a contact fact the seeds do not have.
    let pool = first.database().await;
    sqlx::query(
        "UPDATE venues SET opening_hours = 'Mon–Fri' WHERE id = 'nantong-ip-protection-center'",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let second = spawn_app_in(first.dir).await;
    let health: Health = second.get("/api/v1/health").await.json().await.unwrap();
    assert_eq!(health.gi_products, 4453);
    assert_eq!(health.venues, 7);
    let list: VenueList = second.get("/api/v1/venues").await.json().await.unwrap();
    assert_eq!(list.items[0].opening_hours.as_deref(), Some("Mon–Fri"));
}
