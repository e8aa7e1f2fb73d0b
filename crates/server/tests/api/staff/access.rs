//! Access control checked from the route table: every staff route wants a session and its
//! role, and every state-changing one the CSRF token.

use portal_domain::api::staff::Role;
use portal_server::staff::{route_table, Access};
use reqwest::Method;
use serde_json::json;

use crate::staff_client::{call, error, get, login, staff_with, ADMIN, ADMIN_PASSWORD};

use super::app;

fn concrete(path: &str) -> String {
    format!(
        "/api/v1{}",
        path.replace("{id}", "999999")
            .replace("{file_id}", "1")
            .replace("{username}", "nobody")
    )
}

#[tokio::test]
async fn every_staff_route_refuses_without_a_session_and_without_the_role() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let mut by_role = Vec::new();
    for role in Role::ALL {
        let session = staff_with(&app, &admin, role.code(), &[*role]).await;
        by_role.push((*role, session));
    }
    let routes = route_table();
    assert!(routes.len() >= 18);
    for route in &routes {
        let path = concrete(route.path);
        let label = format!("{} {}", route.method, route.path);
        assert!(route.path.starts_with("/staff/"), "{label}");
        if route.access == Access::Public {
            assert_eq!(label, "POST /staff/session", "only logging in is public");
            continue;
        }
        let body = (route.method != Method::GET).then(|| json!({}));
        // No session at all.
        let response = call(&app, route.method.clone(), &path, None, None, body.clone()).await;
        assert_eq!(response.status(), 401, "{label}");
        assert_eq!(
            error(response).await.code,
            "staff.unauthenticated",
            "{label}"
        );
        let Access::Roles(roles) = route.access else {
            continue;
        };
        for (role, session) in &by_role {
            let response = call(
                &app,
                route.method.clone(),
                &path,
                Some(session),
                Some(&session.csrf),
                body.clone(),
            )
            .await;
            let status = response.status();
            if roles.contains(role) {
                assert!(
                    status != 401 && status != 403,
                    "{label} refuses {role:?}: {status}"
                );
            } else {
                assert_eq!(status, 403, "{label} lets {role:?} in");
                assert_eq!(error(response).await.code, "staff.forbidden", "{label}");
            }
        }
        assert!(
            by_role.iter().any(|(role, _)| !roles.contains(role)),
            "{label} is open to every role: make it AnyStaff"
        );
    }

    // The table and the OpenAPI document name the same routes.
    let openapi = crate::helpers::openapi(&app).await;
    let mut documented = Vec::new();
    for (path, item) in openapi["paths"].as_object().unwrap() {
        if let Some(rest) = path.strip_prefix("/api/v1/staff") {
            for method in item.as_object().unwrap().keys() {
                documented.push(format!("{} /staff{rest}", method.to_uppercase()));
            }
        }
    }
    let mut table: Vec<String> = routes
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    documented.sort();
    table.sort();
    assert_eq!(documented, table);
    for tag in openapi["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(p, _)| p.starts_with("/api/v1/staff"))
        .flat_map(|(_, item)| item.as_object().unwrap().values())
    {
        assert_eq!(tag["tags"], json!(["staff"]));
    }
}

#[tokio::test]
async fn every_state_changing_staff_route_needs_the_csrf_token() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let all = staff_with(&app, &admin, "everything", Role::ALL).await;
    let mut checked = 0;
    for route in route_table() {
        if route.method == Method::GET || route.access == Access::Public {
            continue;
        }
        let path = concrete(route.path);
        let label = format!("{} {}", route.method, route.path);
        for csrf in [None, Some("not-the-token"), Some("")] {
            let response = call(
                &app,
                route.method.clone(),
                &path,
                Some(&all),
                csrf,
                Some(json!({})),
            )
            .await;
            assert_eq!(response.status(), 403, "{label} with {csrf:?}");
            assert_eq!(error(response).await.code, "staff.csrf", "{label}");
        }
        // Another session's token is no good either.
        let response = call(
            &app,
            route.method.clone(),
            &path,
            Some(&all),
            Some(&admin.csrf),
            Some(json!({})),
        )
        .await;
        assert_eq!(response.status(), 403, "{label}");
        checked += 1;
    }
    assert!(
        checked >= 18,
        "the state-changing routes were all tried: {checked}"
    );
    // Nothing was changed: the session still works.
    assert_eq!(get(&app, &all, "/api/v1/staff/session").await.status(), 200);
}
