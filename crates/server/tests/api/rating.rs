//! Service rating (好差评) over HTTP: a consultation is rated once the desk has checked the
//! person in, a rights-assistance request once it is concluded; one rating per service; bad
//! ratings go to the staff follow-up list, whose reply the citizen then sees. The clock stands
//! at Tuesday 2026-09-29 10:00 in Shanghai, as in the staff tests.

use portal_domain::api::assistance::{AssistanceSubmitted, RequestStatus};
use portal_domain::api::booking::BookingCreated;
use portal_domain::api::rating::{FollowUpList, RatingLevel, RatingView, ServiceKind};
use portal_domain::api::staff::{AuditPage, Overview};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::citizen::{book_ok, booking, booking_summary, consultation, submitted_with, track};
use crate::helpers::{at, TestApp};
use crate::staff_client::{
    case_detail, case_id, create_account, day_list, error, get, login, login_admin, post,
    staff_app, Session, ADMIN, ADMIN_PASSWORD, PASSWORD,
};

const NOW: &str = "2026-09-29T10:00:00+08:00";
const CENTER: &str = "nantong-ip-protection-center";
const MOBILE: &str = "13812345678";

async fn app() -> TestApp {
    staff_app(NOW).await
}

// ---------------------------------------------------------------------------------------------
// Staff sessions
// ---------------------------------------------------------------------------------------------

/// Creates an account with `roles` as the administrator (nothing if it exists) and logs it in.
async fn staff(app: &TestApp, username: &str, roles: &[&str]) -> Session {
    let admin = login_admin(app).await;
    let response = create_account(app, &admin, username, username, roles).await;
    assert!(
        [StatusCode::CREATED, StatusCode::CONFLICT].contains(&response.status()),
        "{username}"
    );
    login(app, username, PASSWORD).await
}

async fn follow_up(app: &TestApp, s: &Session, query: &str) -> FollowUpList {
    let response = get(app, s, &format!("/api/v1/staff/ratings?{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

// ---------------------------------------------------------------------------------------------
// The citizen
// ---------------------------------------------------------------------------------------------

async fn rate(app: &TestApp, path: &str, body: Value, lang: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("{path}/rating")))
        .header("Accept-Language", lang)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn book(app: &TestApp) -> BookingCreated {
    let body = consultation(CENTER, "patent", "2026-09-30", "09:00", MOBILE);
    book_ok(app, "rating-booking", &body).await
}

/// A complete request for a trademark submitted through the citizen API.
async fn submit_request(app: &TestApp, key: &str) -> AssistanceSubmitted {
    let answers = json!({
        "applicant": {"kind": "individual", "name": "张三丰", "resident_id": "320611199003071232",
            "mobile": MOBILE, "acting_for_someone_else": false},
        "right": {"type": "trademark", "number": "12345678", "holder": "张三丰",
            "legal_status": "in_force"},
        "other_party": {"name": "某某家纺店", "online_link": "https://shop.example.com/item/1",
            "place": "某电商平台"},
        "facts": {"description": "对方在网店销售仿冒我方商标的床品。", "discovered_on": "2026-09-01"},
        "help": {"types": ["rights_guidance"]},
        "evidence": {"complete": true},
        "declaration": {"accepted": true}
    });
    submitted_with(app, key, &answers, "照片.jpg").await
}

/// Takes the case from submitted to concluded through the staff API.
async fn conclude(app: &TestApp, handler: &Session, id: i64) {
    for body in [
        json!({"to": "initial_review"}),
        json!({"to": "accepted"}),
        json!({"to": "assisting"}),
        json!({"to": "concluded", "outcome": "经调解，对方已下架侵权商品。"}),
    ] {
        let response = post(
            app,
            handler,
            &format!("/api/v1/staff/cases/{id}/transition"),
            body.clone(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{body}");
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_booking_is_rated_once_after_check_in_and_the_centers_reply_reaches_the_citizen() {
    let app = app().await;
    let created = book(&app).await;
    let token = created.manage_token.clone();
    let path = format!("/api/v1/bookings/{token}");
    let reference = created.booking.reference.clone();
    assert!(!created.booking.can_rate);

    // Before check-in: not offered, and refused.
    let before = booking(&app, &token).await;
    assert!(!before.can_rate);
    assert_eq!(before.rating, None);
    let response = rate(&app, &path, json!({"level": "dissatisfied"}), "zh-CN").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = error(response).await;
    assert_eq!(body.code, "rating.not_ratable");
    assert_eq!(body.message, "到服务大厅签到后才能评价这次咨询。");
    assert_eq!(
        rate(
            &app,
            "/api/v1/bookings/not-a-token",
            json!({"level": "satisfied"}),
            "zh"
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );

    // On the day the desk checks the person in (the clock moves: log in then).
    app.clock.set(at("2026-09-30T08:30:00+08:00"));
    let desk = staff(&app, "desk1", &["reception"]).await;
    let day = day_list(&app, &desk, "2026-09-30", CENTER).await;
    let booking_id = day.items[0].id;
    let response = post(
        &app,
        &desk,
        &format!("/api/v1/staff/bookings/{booking_id}/check-in"),
        json!({}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(booking(&app, &token).await.can_rate);
    assert!(booking_summary(&app, &reference, MOBILE).await.can_rate);

    // Validation: per field, in the language asked for.
    let response = rate(&app, &path, json!({"comment": "x"}), "zh-CN").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    assert_eq!(body.fields["level"].code, "rating.level_missing");
    assert_eq!(body.fields["level"].message, "请选择您对这次服务的评价");
    let long = "慢".repeat(501);
    let response = rate(
        &app,
        &path,
        json!({"level": "great", "comment": long}),
        "en",
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.fields["level"].code, "rating.level_unknown");
    assert_eq!(
        body.fields["level"].message,
        "Select one of the five levels"
    );
    assert_eq!(body.fields["comment"].code, "rating.comment_too_long");
    assert_eq!(
        body.fields["comment"].message,
        "The comment must be 500 characters or fewer"
    );
    assert_eq!(
        rate(&app, &path, json!({"level": 3}), "en").await.status(),
        StatusCode::BAD_REQUEST,
        "not JSON of the right shape"
    );

    // Rated: 201; the same again (a retry) is the same 201; anything else is refused.
    let rating = json!({"level": "dissatisfied", "comment": " 等了半小时才有人接待。 "});
    let response = rate(&app, &path, rating.clone(), "zh-CN").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let rated: RatingView = response.json().await.unwrap();
    assert_eq!(rated.level, RatingLevel::Dissatisfied);
    assert_eq!(rated.comment.as_deref(), Some("等了半小时才有人接待。"));
    assert_eq!(rated.rated_at, "2026-09-30T08:30:00+08:00");
    assert_eq!(rated.reply, None);
    let response = rate(&app, &path, rating.clone(), "zh-CN").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.json::<RatingView>().await.unwrap(), rated);
    let response = rate(&app, &path, json!({"level": "satisfied"}), "en").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = error(response).await;
    assert_eq!(body.code, "rating.already_rated");
    assert_eq!(
        body.message,
        "You have already rated this service. Each service can be rated once."
    );
    let view = booking(&app, &token).await;
    assert!(!view.can_rate);
    assert_eq!(view.rating.as_ref(), Some(&rated));
    // The lookup shows it too, with its masked details.
    assert_eq!(
        booking_summary(&app, &reference, MOBILE).await.rating,
        Some(rated)
    );

    // Staff: every role sees the bad rating and can answer it.
    let list = follow_up(&app, &desk, "").await;
    assert_eq!(list.awaiting_reply, 1);
    assert_eq!(list.total, 1);
    let item = &list.items[0];
    assert_eq!(item.service, ServiceKind::Booking);
    assert_eq!(item.reference, reference);
    assert_eq!(item.target_id, booking_id);
    assert_eq!(item.level, RatingLevel::Dissatisfied);
    assert_eq!(item.comment.as_deref(), Some("等了半小时才有人接待。"));
    assert_eq!(item.reply, None);
    let rating_id = item.id;
    let reply_path = format!("/api/v1/staff/ratings/{rating_id}/reply");
    let response = post(&app, &desk, &reply_path, json!({"text": "  "})).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error(response).await.fields["text"].code,
        "rating.reply_missing"
    );
    let response = post(&app, &desk, &reply_path, json!({"text": "x".repeat(2001)})).await;
    assert_eq!(
        error(response).await.fields["text"].code,
        "rating.reply_too_long"
    );
    let answer = "非常抱歉让您久等。我们已在上午高峰增加一名接待人员。";
    let response = post(&app, &desk, &reply_path, json!({"text": answer})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let answered: Value = response.json().await.unwrap();
    assert_eq!(answered["reply"]["text"], answer);
    assert_eq!(answered["reply"]["replied_by"], "desk1");
    // Again with the same words: unchanged; with others: refused.
    let response = post(&app, &desk, &reply_path, json!({"text": answer})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = post(&app, &desk, &reply_path, json!({"text": "另一个回复"})).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "rating.already_answered");
    let response = post(
        &app,
        &desk,
        "/api/v1/staff/ratings/999999/reply",
        json!({"text": answer}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The citizen sees the reply where they rated.
    let reply = booking(&app, &token).await.rating.unwrap().reply.unwrap();
    assert_eq!(reply.text, answer);
    assert_eq!(reply.replied_at, "2026-09-30T08:30:00+08:00");
    assert_eq!(
        booking_summary(&app, &reference, MOBILE)
            .await
            .rating
            .unwrap()
            .reply
            .unwrap()
            .text,
        answer
    );

    // The list moves it from open to answered.
    assert!(follow_up(&app, &desk, "follow_up=open")
        .await
        .items
        .is_empty());
    let answered = follow_up(&app, &desk, "follow_up=answered").await;
    assert_eq!(answered.items.len(), 1);
    assert_eq!(answered.awaiting_reply, 0);
    assert_eq!(follow_up(&app, &desk, "follow_up=all").await.total, 1);
    let response = get(&app, &desk, "/api/v1/staff/ratings?follow_up=closed").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // One audit row, without the words of the rating or the reply.
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let log: AuditPage = get(&app, &admin, "/api/v1/staff/audit?per_page=200")
        .await
        .json()
        .await
        .unwrap();
    let replies: Vec<_> = log
        .items
        .iter()
        .filter(|e| e.action == "rating.reply")
        .collect();
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].actor.as_deref(), Some("desk1"));
    assert_eq!(replies[0].target_type, "rating");
    assert_eq!(
        replies[0].target_id.as_deref(),
        Some(rating_id.to_string().as_str())
    );
    let raw = serde_json::to_string(&log).unwrap();
    for secret in ["等了半小时", "非常抱歉", "李四", MOBILE] {
        assert!(!raw.contains(secret), "{secret} in the audit log");
    }
}

#[tokio::test]
async fn a_case_is_rated_once_concluded_and_only_bad_ratings_are_followed_up() {
    let app = app().await;
    let handler = staff(&app, "case1", &["case_handler"]).await;
    let good = submit_request(&app, "key-good").await;
    let bad = submit_request(&app, "key-bad").await;
    let good_path = format!("/api/v1/assistance/requests/{}", good.tracking_token);
    let bad_path = format!("/api/v1/assistance/requests/{}", bad.tracking_token);

    // Before it is concluded: not offered, and refused.
    assert!(!good.request.can_rate);
    let id = case_id(&app, &handler, &good.reference).await;
    conclude_partly(&app, &handler, id).await;
    assert!(!track(&app, &good.tracking_token).await.can_rate);
    let response = rate(&app, &good_path, json!({"level": "very_satisfied"}), "en").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = error(response).await;
    assert_eq!(body.code, "rating.not_ratable");
    assert_eq!(
        body.message,
        "You can rate the service once your request has been concluded."
    );

    // Concluded through the staff API: offered by the link (rating takes the link; the lookup
    // by reference shows the progress only).
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/transition"),
        json!({"to": "concluded", "outcome": "已出具侵权判定参考意见。"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(track(&app, &good.tracking_token).await.can_rate);

    let response = rate(
        &app,
        &good_path,
        json!({"level": "very_satisfied", "comment": "谢谢中心的帮助。"}),
        "zh-CN",
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // The timeline gains 已评价; the request stays concluded.
    let tracked = track(&app, &good.tracking_token).await;
    assert_eq!(tracked.status, RequestStatus::Concluded);
    assert!(!tracked.can_rate);
    let rated = tracked.rating.clone().unwrap();
    assert_eq!(rated.level, RatingLevel::VerySatisfied);
    assert_eq!(rated.comment.as_deref(), Some("谢谢中心的帮助。"));
    let last = tracked.timeline.last().unwrap();
    assert_eq!(last.status, RequestStatus::Rated);
    assert_eq!(last.status.label(portal_domain::Lang::Zh), "已评价");
    assert_eq!(last.at, rated.rated_at);
    assert_eq!(
        tracked.timeline[tracked.timeline.len() - 2].status,
        RequestStatus::Concluded
    );
    assert_eq!(track(&app, &good.tracking_token).await.rating, Some(rated));
    // One rating per request.
    let response = rate(&app, &good_path, json!({"level": "satisfied"}), "zh-CN").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "rating.already_rated");

    // Staff: the case shows the step, still goes nowhere, and nobody moves it to "rated".
    let detail = case_detail(&app, &handler, id).await;
    assert_eq!(detail.summary.status, RequestStatus::Concluded);
    assert_eq!(detail.timeline.last().unwrap().status, RequestStatus::Rated);
    assert!(detail.allowed_transitions.is_empty());
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/transition"),
        json!({"to": "rated"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "staff.illegal_transition");

    // A good rating is counted, not followed up, and not answered (the first rating: id 1).
    assert!(follow_up(&app, &handler, "follow_up=all")
        .await
        .items
        .is_empty());
    let response = post(
        &app,
        &handler,
        "/api/v1/staff/ratings/1/reply",
        json!({"text": "谢谢"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "rating.not_bad");

    // A bad one is followed up, linked to its case.
    let bad_id = case_id(&app, &handler, &bad.reference).await;
    conclude(&app, &handler, bad_id).await;
    let response = rate(
        &app,
        &bad_path,
        json!({"level": "very_dissatisfied", "comment": "处理太慢。"}),
        "zh-CN",
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let list = follow_up(&app, &handler, "").await;
    assert_eq!(list.items.len(), 1);
    let item = &list.items[0];
    assert_eq!(item.service, ServiceKind::Assistance);
    assert_eq!(item.reference, bad.reference);
    assert_eq!(item.target_id, bad_id);
    assert_eq!(item.level, RatingLevel::VeryDissatisfied);

    // The overview counts ratings per level and those awaiting a reply.
    let overview: Overview = get(&app, &handler, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    let counts: Vec<(RatingLevel, u32)> = overview
        .ratings
        .by_level
        .iter()
        .map(|c| (c.level, c.count))
        .collect();
    use RatingLevel::*;
    assert_eq!(
        counts,
        [
            (VerySatisfied, 1),
            (Satisfied, 0),
            (FairlySatisfied, 0),
            (Dissatisfied, 0),
            (VeryDissatisfied, 1)
        ]
    );
    assert_eq!(overview.ratings.total, 2);
    assert_eq!(overview.ratings.awaiting_reply, 1);
    assert!(overview
        .cases_by_status
        .iter()
        .all(|c| c.status != RequestStatus::Rated));

    // The reply reaches the applicant's tracking page.
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/ratings/{}/reply", item.id),
        json!({"text": "已核实，将加快办理。"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let tracked = track(&app, &bad.tracking_token).await;
    assert_eq!(
        tracked.rating.unwrap().reply.unwrap().text,
        "已核实，将加快办理。"
    );
}

/// Submitted → initial review → accepted → assisting: everything but the conclusion.
async fn conclude_partly(app: &TestApp, handler: &Session, id: i64) {
    for to in ["initial_review", "accepted", "assisting"] {
        let response = post(
            app,
            handler,
            &format!("/api/v1/staff/cases/{id}/transition"),
            json!({"to": to}),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{to}");
    }
}

#[tokio::test]
async fn ratings_sent_at_once_leave_one_rating() {
    let app = app().await;
    let handler = staff(&app, "case1", &["case_handler"]).await;
    let submitted = submit_request(&app, "key-race").await;
    let id = case_id(&app, &handler, &submitted.reference).await;
    conclude(&app, &handler, id).await;
    let path = format!("/api/v1/assistance/requests/{}", submitted.tracking_token);
    let levels = [
        "very_satisfied",
        "satisfied",
        "fairly_satisfied",
        "dissatisfied",
        "very_dissatisfied",
    ];
    let tasks: Vec<_> = levels
        .iter()
        .map(|level| {
            let request = app
                .client
                .post(app.url(&format!("{path}/rating")))
                .json(&json!({"level": level}));
            tokio::spawn(async move { request.send().await.unwrap().status() })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        4
    );
    let all = follow_up(&app, &handler, "follow_up=all").await;
    let overview: Overview = get(&app, &handler, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview.ratings.total, 1);
    assert!(all.items.len() <= 1);
}
