use portal_domain::api::ApiErrorBody;

use crate::helpers::spawn_app;

async fn error_body(response: reqwest::Response) -> ApiErrorBody {
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "errors are JSON"
    );
    response.json().await.expect("the error contract")
}

#[tokio::test]
async fn unknown_api_routes_answer_a_json_404() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/no-such-thing",
        "/api/v1/venues/extra/segments",
        "/api/v2/health",
        "/api/",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let body = error_body(response).await;
        assert_eq!(body.code, "not_found", "{path}");
        assert!(!body.message.is_empty());
    }
}

#[tokio::test]
async fn a_wrong_method_answers_a_json_405() {
    let app = spawn_app().await;
    let response = app
        .client
        .delete(app.url("/api/v1/venues"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(error_body(response).await.code, "method_not_allowed");
}

#[tokio::test]
async fn an_unreadable_query_string_is_a_400_not_a_500() {
    let app = spawn_app().await;
    // The same single-valued parameter twice cannot be read.
    let response = app.get("/api/v1/venues?kind=center&kind=partner").await;
    assert_eq!(response.status(), 400);
    assert_eq!(error_body(response).await.code, "bad_request");
}

#[tokio::test]
async fn error_messages_follow_accept_language() {
    let app = spawn_app().await;
    let zh = error_body(app.get("/api/v1/nothing").await).await;
    let en = error_body(
        app.client
            .get(app.url("/api/v1/nothing"))
            .header("Accept-Language", "en")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(zh.code, en.code);
    assert_ne!(zh.message, en.message);
    assert!(en.message.is_ascii());
    assert!(!zh.message.is_ascii());
}
