//! How to use the API, added to the derived document as JSON: an example of each request
//! body, the staff and firm security schemes, and the OpenAPI links from the operations that create ids
//! to those that use them (what a generated client, and a stateful test, follow). Every target
//! must exist (see `contract`'s tests).

use portal_domain::api::{firm, staff};
use portal_domain::paths;
use serde_json::{json, Value};

use super::contract::{object_schema, operation};

pub fn apply(doc: &mut Value) {
    examples(doc);
    session_security(doc);
    links(doc);
}

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

/// The seeded service center and a topic it offers: the examples' venue and topic.
const VENUE: &str = "nantong-ip-protection-center";
const TOPIC: &str = "patent";

/// One valid request per body for the readers of the document and for generated tests (their
/// examples phase); the dates are those of the tests' pinned clock (2026-11-20, a Friday).
fn examples(doc: &mut Value) {
    let bodies = [
        (
            "LoginRequest",
            json!({ "username": "admin", "password": "correct horse battery" }),
        ),
        (
            "PasswordChange",
            json!({
                "current_password": "the one an administrator gave",
                "new_password": "my own long passphrase",
            }),
        ),
        (
            "LookupRequest",
            json!({ "reference": "K7QX-M2PD", "mobile": "13800138000" }),
        ),
        (
            "SignUpRequest",
            json!({
                "uscc": "91320600MA1MB5GT0D", "firm_name": "南通某某家纺有限公司",
                "contact_name": "王丽", "mobile": "13800138000",
                "password": "a long enough passphrase",
            }),
        ),
        (
            "NewColleague",
            json!({ "name": "李雷", "mobile": "13900001111" }),
        ),
        (
            "SetPasswordRequest",
            json!({ "password": "a long enough passphrase" }),
        ),
        (
            "SignInRequest",
            json!({
                "uscc": "91320600MA1MB5GT0D", "mobile": "13800138000",
                "password": "a long enough passphrase",
            }),
        ),
        (
            "RegistrationAnswers",
            json!({
                "established_on": "2015-03-18", "insured_staff": 42,
                "main_business": "家用纺织品的研发、生产和销售", "fields": ["modern_textiles"],
                "rnd_staff": 8, "rnd_spending": 350, "design_only": false,
                "patents": ["202110000004.X"], "ip_system": true, "ip_contact": "王丽",
                "declaration": true,
            }),
        ),
        (
            "ReviewAction",
            json!({ "action": "amend", "defects": [{ "section": "rnd", "text": "研发投入与附件不一致" }] }),
        ),
        (
            "AssistanceLookupRequest",
            json!({ "reference": "WQ-K7QX-M2PD", "mobile": "13800138000" }),
        ),
        (
            "BookingRequest",
            json!({
                "venue": VENUE, "topic": TOPIC, "date": "2026-11-23", "time": "09:00",
                "name": "张三", "mobile": "13800138000",
            }),
        ),
        (
            "RescheduleRequest",
            json!({ "date": "2026-11-24", "time": "10:00" }),
        ),
        (
            "ClosureRequest",
            json!({ "venue": VENUE, "date": "2026-11-25", "start_time": "09:00", "reason": "设备检修" }),
        ),
        (
            "SeatsRequest",
            json!({ "venue": VENUE, "date": "2026-11-23", "start_time": "09:30", "add": 2 }),
        ),
        ("NoteRequest", json!({ "text": "已电话联系申请人" })),
        (
            "MessageRequest",
            json!({ "kind": "info", "text": "您的申请正在审核中。" }),
        ),
        ("RatingRequest", json!({ "level": "satisfied" })),
        (
            "NoticeInput",
            json!({
                "title_zh": "元旦假期安排", "title_en": "New Year holiday",
                "body_zh": "1月1日休息。", "body_en": "Closed on 1 January.",
                "starts_on": "2026-12-20", "level": "info",
            }),
        ),
        (
            "NewAccount",
            json!({
                "username": "wang.li", "display_name": "王丽", "roles": ["reception"],
                "password": "a long enough passphrase",
            }),
        ),
    ];
    for (name, example) in bodies {
        object_schema(doc, name).insert("example".into(), example);
    }
    let parameters = [
        ("get", paths::BOOKING_AVAILABILITY, "venue", VENUE),
        ("get", paths::BOOKING_AVAILABILITY, "topic", TOPIC),
        ("get", paths::BOOKING_VENUES, "topic", TOPIC),
        ("get", paths::STAFF_SLOTS, "venue", VENUE),
        ("get", paths::STAFF_SLOTS, "date", "2026-11-23"),
        ("get", paths::STAFF_BOOKINGS, "date", "2026-11-23"),
        ("get", paths::POLICY_SEARCH, "q", "质押"),
    ];
    for (method, path, name, example) in parameters {
        let parameter = operation(doc, method, path)
            .get_mut("parameters")
            .and_then(Value::as_array_mut)
            .and_then(|list| list.iter_mut().find(|p| p["name"] == name))
            .unwrap_or_else(|| panic!("openapi: no parameter {name} of {method} {path}"));
        parameter["example"] = json!(example);
    }
}

// ---------------------------------------------------------------------------------------------
// Staff security
// ---------------------------------------------------------------------------------------------

/// A realm of sessions in the document: its paths, its cookie's security scheme, and its
/// public operations (signing in, signing up), which need neither.
struct RealmSecurity {
    prefix: &'static str,
    scheme: &'static str,
    cookie: &'static str,
    description: &'static str,
    public: &'static [(&'static str, &'static str)],
}

const REALMS: [RealmSecurity; 2] = [
    RealmSecurity {
        prefix: "/api/v1/staff/",
        scheme: "staff_session",
        cookie: staff::SESSION_COOKIE,
        description: "The staff session, set by `POST /api/v1/staff/session`.",
        public: &[(paths::STAFF_SESSION, "post")],
    },
    RealmSecurity {
        prefix: "/api/v1/firm/",
        scheme: "firm_session",
        cookie: firm::SESSION_COOKIE,
        description: "A firm's person's session, set by `POST /api/v1/firm/session`.",
        public: &[(paths::FIRM_SESSION, "post"), (paths::FIRM_SIGN_UP, "post")],
    },
];

/// Every route of a realm (staff, firm) but signing in and up needs the realm's session cookie;
/// every one that changes something (any method but GET and HEAD) also the session's CSRF
/// token in `X-CSRF-Token` (see `crate::sign_in::sessions`). The document names the cookies of
/// the default, secure configuration.
fn session_security(doc: &mut Value) {
    let components = doc
        .get_mut("components")
        .and_then(Value::as_object_mut)
        .expect("openapi: no components");
    let mut schemes = serde_json::Map::new();
    for realm in &REALMS {
        schemes.insert(
            realm.scheme.into(),
            json!({
                "type": "apiKey",
                "in": "cookie",
                "name": realm.cookie,
                "description": realm.description,
            }),
        );
    }
    schemes.insert(
        "csrf_token".into(),
        json!({
            "type": "apiKey",
            "in": "header",
            "name": "X-CSRF-Token",
            "description": "The session's `csrf_token`, on every staff or firm request but GET and HEAD.",
        }),
    );
    components.insert("securitySchemes".into(), Value::Object(schemes));
    let paths = doc
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .expect("openapi: no paths");
    for (path, item) in paths.iter_mut() {
        let Some(realm) = REALMS.iter().find(|r| path.starts_with(r.prefix)) else {
            continue;
        };
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            if realm.public.contains(&(path.as_str(), method.as_str())) {
                continue;
            }
            let security = if method == "get" || method == "head" {
                json!([{ realm.scheme: [] }])
            } else {
                json!([{ realm.scheme: [], "csrf_token": [] }])
            };
            op["security"] = security;
            // The token is a security parameter now, not an ordinary header to generate.
            if let Some(list) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                list.retain(|p| {
                    !p["name"]
                        .as_str()
                        .is_some_and(|n| n.eq_ignore_ascii_case(staff::CSRF_HEADER))
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/// `(from method, from path, status, link name, to operationId, parameter, runtime expression)`.
const LINKS: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    (
        "post",
        paths::BOOKINGS,
        "201",
        "GetBooking",
        "get_booking",
        "token",
        "$response.body#/manage_token",
    ),
    (
        "post",
        paths::BOOKINGS,
        "201",
        "BookingCalendar",
        "booking_calendar",
        "token",
        "$response.body#/manage_token",
    ),
    (
        "post",
        paths::BOOKINGS,
        "201",
        "RescheduleBooking",
        "reschedule_booking",
        "token",
        "$response.body#/manage_token",
    ),
    (
        "post",
        paths::BOOKINGS,
        "201",
        "CancelBooking",
        "cancel_booking",
        "token",
        "$response.body#/manage_token",
    ),
    (
        "post",
        paths::BOOKINGS,
        "201",
        "RateBooking",
        "rate_booking",
        "token",
        "$response.body#/manage_token",
    ),
    (
        "post",
        paths::BOOKINGS,
        "201",
        "EraseBooking",
        "erase_booking",
        "token",
        "$response.body#/manage_token",
    ),
    (
        "post",
        paths::BOOKINGS,
        "201",
        "CheckIn",
        "staff_check_in_booking",
        "id",
        "$response.body#/booking/id",
    ),
    (
        "post",
        paths::BOOKINGS,
        "201",
        "NoShow",
        "staff_no_show_booking",
        "id",
        "$response.body#/booking/id",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFTS,
        "201",
        "GetDraft",
        "get_assistance_draft",
        "token",
        "$response.body#/token",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFTS,
        "201",
        "SaveDraft",
        "save_assistance_draft",
        "token",
        "$response.body#/token",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFTS,
        "201",
        "UploadDraftFile",
        "upload_assistance_draft_file",
        "token",
        "$response.body#/token",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFTS,
        "201",
        "SubmitDraft",
        "submit_assistance_draft",
        "token",
        "$response.body#/token",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFT_SUBMIT,
        "201",
        "TrackRequest",
        "track_assistance_request",
        "token",
        "$response.body#/tracking_token",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFT_SUBMIT,
        "201",
        "WithdrawRequest",
        "withdraw_assistance_request",
        "token",
        "$response.body#/tracking_token",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFT_SUBMIT,
        "201",
        "UploadRequestFile",
        "upload_assistance_request_file",
        "token",
        "$response.body#/tracking_token",
    ),
    (
        "post",
        paths::ASSISTANCE_DRAFT_SUBMIT,
        "201",
        "RateRequest",
        "rate_assistance_request",
        "token",
        "$response.body#/tracking_token",
    ),
    (
        "post",
        paths::STAFF_CLOSURES,
        "201",
        "Reopen",
        "staff_reopen_slot",
        "id",
        "$response.body#/closure/id",
    ),
    (
        "post",
        paths::STAFF_NOTICES,
        "201",
        "UpdateNotice",
        "staff_update_notice",
        "id",
        "$response.body#/id",
    ),
    (
        "post",
        paths::STAFF_NOTICES,
        "201",
        "WithdrawNotice",
        "staff_withdraw_notice",
        "id",
        "$response.body#/id",
    ),
    (
        "post",
        paths::STAFF_ACCOUNTS,
        "201",
        "UpdateAccount",
        "staff_update_account",
        "username",
        "$response.body#/username",
    ),
    // The first case of the queue and the first rating awaiting a reply.
    (
        "get",
        paths::STAFF_CASES,
        "200",
        "GetCase",
        "staff_get_case",
        "id",
        "$response.body#/items/0/id",
    ),
    (
        "get",
        paths::STAFF_CASES,
        "200",
        "AssignCase",
        "staff_assign_case",
        "id",
        "$response.body#/items/0/id",
    ),
    (
        "get",
        paths::STAFF_CASES,
        "200",
        "MessageCase",
        "staff_message_case",
        "id",
        "$response.body#/items/0/id",
    ),
    (
        "get",
        paths::STAFF_CASES,
        "200",
        "NoteCase",
        "staff_note_case",
        "id",
        "$response.body#/items/0/id",
    ),
    (
        "get",
        paths::STAFF_CASES,
        "200",
        "TransitionCase",
        "staff_transition_case",
        "id",
        "$response.body#/items/0/id",
    ),
    (
        "get",
        paths::STAFF_RATINGS,
        "200",
        "ReplyRating",
        "staff_reply_rating",
        "id",
        "$response.body#/items/0/id",
    ),
];

/// Two-parameter links: a file uploaded to a draft or request is read and deleted through the
/// same token and its id.
const FILE_LINKS: &[(&str, &str, &str)] = &[
    (
        paths::ASSISTANCE_DRAFT_FILES,
        "download_assistance_draft_file",
        "GetDraftFile",
    ),
    (
        paths::ASSISTANCE_DRAFT_FILES,
        "delete_assistance_draft_file",
        "DeleteDraftFile",
    ),
    (
        paths::ASSISTANCE_REQUEST_FILES,
        "download_assistance_request_file",
        "GetRequestFile",
    ),
    (
        paths::ASSISTANCE_REQUEST_FILES,
        "delete_assistance_request_file",
        "DeleteRequestFile",
    ),
];

fn add_link(doc: &mut Value, method: &str, path: &str, status: &str, name: &str, link: Value) {
    let response = operation(doc, method, path)
        .get_mut("responses")
        .and_then(|r| r.get_mut(status))
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("openapi: no {status} answer of {method} {path}"));
    response
        .entry("links")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("openapi: links is an object")
        .insert(name.into(), link);
}

fn links(doc: &mut Value) {
    let operation_ids: Vec<String> = doc["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .flat_map(|item| item.values())
        .filter_map(|op| op["operationId"].as_str().map(str::to_owned))
        .collect();
    let known = |id: &str| {
        assert!(
            operation_ids.iter().any(|o| o == id),
            "openapi: no operation {id}"
        )
    };
    for &(method, path, status, name, to, parameter, expression) in LINKS {
        known(to);
        add_link(
            doc,
            method,
            path,
            status,
            name,
            json!({ "operationId": to, "parameters": { parameter: expression } }),
        );
    }
    for &(path, to, name) in FILE_LINKS {
        known(to);
        add_link(
            doc,
            "post",
            path,
            "201",
            name,
            json!({
                "operationId": to,
                "parameters": { "token": "$request.path.token", "id": "$response.body#/id" },
            }),
        );
    }
}
