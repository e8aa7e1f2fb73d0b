use portal_domain::api::{ApiErrorBody, VenueKind, VenueList, VenueStatus};

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_service_network_is_the_1_plus_3_plus_n_of_the_seeds() {
    let app = spawn_app().await;
    let list: VenueList = app.get("/api/v1/venues").await.json().await.unwrap();

    let ids: Vec<_> = list.items.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(
        ids[0], "nantong-ip-protection-center",
        "the center comes first"
    );
    let count = |kind| list.items.iter().filter(|v| v.kind == kind).count();
    assert_eq!(count(VenueKind::Center), 1);
    assert_eq!(count(VenueKind::FastRightsCenter), 3);
    assert_eq!(count(VenueKind::SubCenter), 1);

    let qidong = list
        .items
        .iter()
        .find(|v| v.name_zh.contains("启东"))
        .expect("the Qidong center is listed");
    assert_eq!(qidong.status, VenueStatus::BeingSetUp);

    for venue in &list.items {
        assert!(!venue.name_en.is_empty() && !venue.summary_en.is_empty());
        assert!(
            venue.source.contains("seed"),
            "{} names its source",
            venue.id
        );
        // The public documents give no contact facts: none may be invented.
        assert_eq!(venue.address, None);
        assert_eq!(venue.phone, None);
        assert_eq!(venue.opening_hours, None);
    }
}

#[tokio::test]
async fn venues_can_be_filtered_by_kind() {
    let app = spawn_app().await;
    let list: VenueList = app
        .get("/api/v1/venues?kind=fast_rights_center")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.items.len(), 3);
    assert!(list
        .items
        .iter()
        .all(|v| v.kind == VenueKind::FastRightsCenter));
}

#[tokio::test]
async fn an_unknown_kind_is_a_400_with_a_field_message_in_the_requested_language() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/venues?kind=castle").await;
    assert_eq!(response.status(), 400);
    let body: ApiErrorBody = response.json().await.unwrap();
    assert_eq!(body.code, "validation_failed");
    assert_eq!(body.fields["kind"].code, "venue_kind.unknown");
    assert!(
        body.fields["kind"].message.contains("类型"),
        "Chinese by default"
    );

    let response = app
        .client
        .get(app.url("/api/v1/venues?kind=castle"))
        .header("Accept-Language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-language"], "en");
    let body: ApiErrorBody = response.json().await.unwrap();
    assert_eq!(body.code, "validation_failed");
    assert!(body.fields["kind"]
        .message
        .starts_with("kind must be one of"));
}
