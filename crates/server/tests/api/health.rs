use portal_domain::api::{Health, Readiness};

use crate::helpers::{error, spawn_app};

#[tokio::test]
async fn health_answers_with_the_seeded_data() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/health").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let health: Health = response.json().await.unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(health.venues, 7);
    assert_eq!(
        health.gi_products, 4453,
        "every row of data/seed/gi_products.csv"
    );
}

#[tokio::test]
async fn openapi_document_describes_the_endpoints() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    let doc: serde_json::Value = response.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/v1/health", "/api/v1/venues"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]["Venue"].is_object());
    assert!(doc["components"]["schemas"]["ApiErrorBody"].is_object());
}

#[tokio::test]
async fn api_answers_are_compressed_for_clients_that_accept_it() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/api/v1/gi/products.csv"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let compressed = response.bytes().await.unwrap().len();
    assert!(
        compressed < 1_500_000,
        "2.7 MB of CSV should shrink, got {compressed}"
    );
}

/// The readiness probe: ready with every migration the binary carries; not ready (503, the
/// JSON error) while one is missing from the database, e.g. a newer binary on an older database.
#[tokio::test]
async fn ready_only_with_every_migration_applied() {
    let app = spawn_app().await;
    let folder = match crate::helpers::postgres() {
        Some(_) => concat!(env!("CARGO_MANIFEST_DIR"), "/migrations-postgres"),
        None => concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"),
    };
    let carried = std::fs::read_dir(folder).unwrap().count() as u32;
    let response = app.get("/api/v1/health/ready").await;
    assert_eq!(response.status(), 200);
    let ready: Readiness = response.json().await.unwrap();
    assert_eq!(
        (ready.status.as_str(), ready.migrations),
        ("ready", carried)
    );

    let db = app.database().await;
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&db)
    .await
    .unwrap();
    let response = app.get("/api/v1/health/ready").await;
    assert_eq!(response.status(), 503);
    assert_eq!(error(response).await.code, "not_ready");
    // Liveness is another question: the process still answers.
    assert_eq!(app.get("/api/v1/health").await.status(), 200);
}
