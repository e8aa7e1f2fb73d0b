//! Where to go and who runs this site (issue #18) over HTTP: administrators enter each venue's
//! address, phone, hours and map link (every venue of the network, not only the bookable ones)
//! and the site footer; the public answers carry them once entered and nothing before; the
//! checks refuse garbage field by field; only administrators may change them, and each change is
//! audited. The phone numbers and filing numbers below are MADE-UP TEST DATA.

use portal_domain::api::admin::{AdminVenueContacts, AdminVenueContactsList};
use portal_domain::api::site::{SiteFooter, SiteInfo};
use portal_domain::api::staff::{Overview, Role};
use portal_domain::api::{VenueContacts, VenueList};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::citizen::{book_ok, booking, booking_summary, consultation, MOBILE};
use crate::helpers::{openapi, TestApp};
use crate::staff_client::{
    audit, call_as_in, error, get, login_admin, staff_app, staff_with, Session,
};

const NOW: &str = "2026-09-29T10:00:00+08:00";
const CENTER: &str = "nantong-ip-protection-center";
/// Listed in the service network, but no consultations are booked there.
const PARTNER: &str = "zhilianqiao-overseas-ip-service-center";

async fn put(
    app: &TestApp,
    session: &Session,
    path: &str,
    body: Value,
    lang: &str,
) -> reqwest::Response {
    call_as_in(app, Method::PUT, path, session, Some(body), lang).await
}

async fn put_contacts(
    app: &TestApp,
    session: &Session,
    venue: &str,
    body: Value,
) -> reqwest::Response {
    let path = format!("/api/v1/staff/admin/venues/{venue}/contacts");
    put(app, session, &path, body, "zh-CN").await
}

async fn site(app: &TestApp) -> SiteInfo {
    let response = app.get("/api/v1/site").await;
    assert_eq!(response.status(), StatusCode::OK);
    let cache = response.headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(cache, "public, max-age=60");
    response.json().await.unwrap()
}

fn center_contacts() -> Value {
    json!({
        "address": "  南通市崇川区  测试路 1 号 ",
        "phone": "0513-00000000 转 8001",
        "opening_hours": "工作日 9:00–12:00\n13:30–17:00",
        "map_url": "https://uri.amap.com/marker?position=120.89,31.98",
    })
}

#[tokio::test]
async fn venue_contacts_are_empty_until_entered_then_shown_where_people_are_sent() {
    let app = staff_app(NOW).await;
    // Nothing is invented: no contacts, no footer, no center block.
    assert_eq!(site(&app).await, SiteInfo::default());
    let created = book_ok(
        &app,
        "before",
        &consultation(CENTER, "patent", "2026-09-30", "09:00", MOBILE),
    )
    .await;
    assert_eq!(created.booking.venue_contacts, VenueContacts::default());

    let admin = login_admin(&app).await;
    let list: AdminVenueContactsList = get(&app, &admin, "/api/v1/staff/admin/venue-contacts")
        .await
        .json()
        .await
        .unwrap();
    // Every venue of the network, the partners too (the booking settings list only some).
    let public: VenueList = app.get("/api/v1/venues").await.json().await.unwrap();
    let ids = |l: &[String]| l.to_vec();
    assert_eq!(
        ids(&list.items.iter().map(|v| v.id.clone()).collect::<Vec<_>>()),
        ids(&public
            .items
            .iter()
            .map(|v| v.id.clone())
            .collect::<Vec<_>>())
    );
    assert!(list.items.iter().any(|v| v.id == PARTNER));
    assert!(list.items.iter().all(|v| v.contacts.is_empty()));
    let overview: Overview = get(&app, &admin, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview.venues_missing_contacts.len(), public.items.len());

    let response = put_contacts(&app, &admin, CENTER, center_contacts()).await;
    assert_eq!(response.status(), StatusCode::OK);
    let saved: AdminVenueContacts = response.json().await.unwrap();
    let expected = VenueContacts {
        address: Some("南通市崇川区 测试路 1 号".into()),
        phone: Some("0513-00000000 转 8001".into()),
        opening_hours: Some("工作日 9:00–12:00\n13:30–17:00".into()),
        map_url: Some("https://uri.amap.com/marker?position=120.89,31.98".into()),
    };
    assert_eq!(saved.contacts, expected);

    // The booking (by its link and by reference + mobile), the public list and the center's
    // "contact us" block show them at once.
    let view = booking(&app, &created.manage_token).await;
    assert_eq!(view.venue_contacts, expected);
    assert_eq!(view.venue_address, expected.address);
    let summary = booking_summary(&app, &view.reference, MOBILE).await;
    assert_eq!(summary.venue_contacts, expected);
    let public: VenueList = app.get("/api/v1/venues").await.json().await.unwrap();
    let center = public.items.iter().find(|v| v.id == CENTER).unwrap();
    assert_eq!(center.contacts(), expected);
    let info = site(&app).await;
    let block = info.center.expect("the center's contacts");
    assert_eq!(block.name_zh, "南通市知识产权保护中心");
    assert_eq!(block.contacts, expected);

    // A venue where nothing is booked can be given contacts too; the overview lists the rest.
    let response = put_contacts(
        &app,
        &admin,
        PARTNER,
        json!({"address": "南通市测试路 2 号", "phone": "138 0000 0000", "opening_hours": "工作日"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let overview: Overview = get(&app, &admin, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    let missing: Vec<&str> = overview
        .venues_missing_contacts
        .iter()
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(missing.len(), public.items.len() - 2);
    assert!(!missing.contains(&CENTER) && !missing.contains(&PARTNER));

    // Blank fields clear what was entered.
    let response = put_contacts(&app, &admin, CENTER, json!({"address": " ", "phone": ""})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let saved: AdminVenueContacts = response.json().await.unwrap();
    assert!(saved.contacts.is_empty());
    assert_eq!(site(&app).await.center, None);

    // Audited, with which fields were set, never more.
    let log = audit(&app, &admin).await;
    let entries: Vec<_> = log
        .items
        .iter()
        .filter(|e| e.action == "venue.contacts")
        .collect();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].target_id.as_deref(), Some(CENTER));
    assert_eq!(
        entries[0].summary,
        "set: -; empty: address phone opening_hours map_url"
    );
    assert_eq!(entries[2].actor.as_deref(), Some("admin"));
    assert!(!entries[2].summary.contains("测试路"));
}

#[tokio::test]
async fn bad_contacts_are_refused_field_by_field_in_both_languages() {
    let app = staff_app(NOW).await;
    let admin = login_admin(&app).await;
    let bad = json!({
        "address": "地".repeat(201),
        "phone": "call 12345",
        "opening_hours": "9:00\u{202E}",
        "map_url": "http://map.example.cn/x",
    });
    let response = put_contacts(&app, &admin, CENTER, bad.clone()).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    for (field, code) in [
        ("address", "admin.too_long"),
        ("phone", "admin.phone_invalid"),
        ("opening_hours", "admin.control_character"),
        ("map_url", "admin.map_url_invalid"),
    ] {
        assert_eq!(body.fields[field].code, code, "{field}");
    }
    assert!(body.fields["phone"].message.contains("区号"));
    let path = format!("/api/v1/staff/admin/venues/{CENTER}/contacts");
    let body = error(put(&app, &admin, &path, bad, "en").await).await;
    assert!(body.fields["map_url"].message.contains("https://"));
    assert!(body.fields["phone"].message.contains("area code"));

    for phone in [
        "0513-8512",
        "12345",
        "13800000000 转 1",
        "0513-85123456；0513-85123457",
    ] {
        let response = put_contacts(&app, &admin, CENTER, json!({"phone": phone})).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{phone}");
    }
    for phone in [
        "(0513) 8512 3456",
        "+86 138 0000 0000",
        "400-000-0000",
        "0513-00000000-12",
    ] {
        let response = put_contacts(&app, &admin, CENTER, json!({"phone": phone})).await;
        assert_eq!(response.status(), StatusCode::OK, "{phone}");
    }
    // Nothing bad was kept, and an unknown venue is a 404.
    let info = site(&app).await;
    assert_eq!(
        info.center.unwrap().contacts.phone.as_deref(),
        Some("0513-00000000-12")
    );
    let response = put_contacts(&app, &admin, "castle", json!({})).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_footer_is_administrator_data_shown_once_entered() {
    let app = staff_app(NOW).await;
    let admin = login_admin(&app).await;
    let empty: SiteFooter = get(&app, &admin, "/api/v1/staff/admin/site")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(empty, SiteFooter::default());

    let bad = json!({
        "host_organisation": "中".repeat(101),
        "website_code": "320600",
        "icp_number": "00000000",
        "public_security_number": "苏公网安备 3206号",
    });
    let body = error(put(&app, &admin, "/api/v1/staff/admin/site", bad, "zh-CN").await).await;
    assert_eq!(body.code, "validation_failed");
    for (field, code) in [
        ("host_organisation", "admin.too_long"),
        ("website_code", "admin.website_code_invalid"),
        ("icp_number", "admin.icp_number_invalid"),
        (
            "public_security_number",
            "admin.public_security_number_invalid",
        ),
    ] {
        assert_eq!(body.fields[field].code, code, "{field}");
    }
    assert_eq!(site(&app).await.footer, SiteFooter::default());

    let footer = json!({
        "host_organisation": "南通市知识产权保护中心",
        "website_code": "0000000000",
        "icp_number": "苏ICP备00000000号-1",
        "public_security_number": "苏公网安备 00000000000000号",
    });
    let response = put(&app, &admin, "/api/v1/staff/admin/site", footer, "zh-CN").await;
    assert_eq!(response.status(), StatusCode::OK);
    let shown = site(&app).await.footer;
    assert_eq!(
        shown.host_organisation.as_deref(),
        Some("南通市知识产权保护中心")
    );
    assert_eq!(shown.icp_number.as_deref(), Some("苏ICP备00000000号-1"));
    assert_eq!(
        shown.public_security_number.as_deref(),
        Some("苏公网安备 00000000000000号")
    );
    // Blank is not shown again.
    let response = put(
        &app,
        &admin,
        "/api/v1/staff/admin/site",
        json!({"host_organisation": "南通市知识产权保护中心", "icp_number": " "}),
        "zh-CN",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let shown = site(&app).await.footer;
    assert_eq!(shown.icp_number, None);
    assert_eq!(shown.website_code, None);

    let log = audit(&app, &admin).await;
    let entries: Vec<_> = log
        .items
        .iter()
        .filter(|e| e.action == "site.footer")
        .collect();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0].summary,
        "set: host_organisation; empty: website_code icp_number public_security_number"
    );
}

#[tokio::test]
async fn only_administrators_change_contacts_and_footer() {
    let app = staff_app(NOW).await;
    let admin = login_admin(&app).await;
    let handler = staff_with(
        &app,
        &admin,
        "handler1",
        &[Role::CaseHandler, Role::Reception],
    )
    .await;
    let contacts = format!("/api/v1/staff/admin/venues/{CENTER}/contacts");
    for (method, path, body) in [
        (Method::GET, "/api/v1/staff/admin/venue-contacts", None),
        (Method::PUT, contacts.as_str(), Some(center_contacts())),
        (Method::GET, "/api/v1/staff/admin/site", None),
        (
            Method::PUT,
            "/api/v1/staff/admin/site",
            Some(json!({"host_organisation": "某单位"})),
        ),
    ] {
        let response = call_as_in(&app, method.clone(), path, &handler, body.clone(), "en").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{method} {path}");
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .json(&body.unwrap_or(json!({})))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
    }
    assert_eq!(site(&app).await, SiteInfo::default());
    // The routes are documented.
    let doc = openapi(&app).await;
    for path in [
        "/api/v1/site",
        "/api/v1/staff/admin/venue-contacts",
        "/api/v1/staff/admin/venues/{id}/contacts",
        "/api/v1/staff/admin/site",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
}

#[tokio::test]
async fn every_app_page_carries_the_site_information_escaped() {
    let app = staff_app(NOW).await;
    let block = |page: &str| {
        let start = page.find(r#"<script type="application/json" id="site-info">"#)?;
        let end = page[start..].find("</script>")? + start;
        Some(page[start..end].to_owned())
    };
    let page = app.get("/fast-track").await.text().await.unwrap();
    let empty = block(&page).expect("the data block");
    assert!(empty.contains(r#""host_organisation":null"#), "{empty}");
    assert!(empty.contains(r#""center":null"#), "{empty}");

    let admin = login_admin(&app).await;
    let footer = json!({
        "host_organisation": "中心</script><script>alert(1)</script>",
        "icp_number": "苏ICP备00000000号-1",
        "public_security_number": "苏公网安备 00000000000000号",
    });
    let response = put(&app, &admin, "/api/v1/staff/admin/site", footer, "zh-CN").await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = put_contacts(&app, &admin, CENTER, center_contacts()).await;
    assert_eq!(response.status(), StatusCode::OK);
    for path in [
        "/",
        "/fast-track/registration",
        "/booking/manage/abc",
        "/privacy",
    ] {
        let page = app.get(path).await.text().await.unwrap();
        let data = block(&page).expect("the data block");
        // A value cannot end the block: its `<` is written as an escape.
        assert!(!data.contains("<script>alert"), "{path}");
        assert!(data.contains(r"中心\u003c/script>"), "{path}: {data}");
        assert!(data.contains("苏ICP备00000000号-1"), "{path}");
        assert!(
            data.contains("https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000"),
            "{path}"
        );
        assert!(data.contains("南通市崇川区 测试路 1 号"), "{path}");
    }
}
