//! The HTTP client for our own JSON API. Every call sends the interface language (the server
//! answers errors in it), is aborted when the page that started it goes away (navigation), and
//! fails with an [`ApiError`] that says which kind of trouble it was, so pages can tell people
//! plainly and offer a retry.

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::on_cleanup;
use portal_domain::api::admin::{
    AdminVenue, AdminVenueList, HolidayYear, HolidayYearList, HolidayYearRequest,
    VenueBookingUpdate,
};
use portal_domain::api::assistance::{
    AssistanceDraft, AssistanceLookupRequest, AssistanceProgress, AssistanceSubmitted,
    DraftCreated, DraftView, EvidenceFile, FilePurpose, NewLink, NewLinkRequest, ReplyRequest,
    WithdrawRequest,
};
use portal_domain::api::booking::{
    code as booking_code, Availability, Booking, BookingCreated, BookingRequest, BookingSummary,
    BookingVenueList, LookupRequest, LookupRescheduleRequest, RescheduleRequest, SlotOffer,
    SlotTakenDetails, TopicList,
};
use portal_domain::api::booking_clusters::{BookingClusterList, BulkCancelRequest, BulkCancelled};
use portal_domain::api::desk::{
    Closure, ClosureCreated, ClosureRequest, DeskSlot, DeskSlots, SeatsRequest,
};
use portal_domain::api::firm::{PasswordLink, StaffFirmView};
use portal_domain::api::gi::{GiProduct, GiSearch, GiSearchResult};
use portal_domain::api::notices::{NoticeInput, NoticeList, StaffNotice, StaffNoticeList};
use portal_domain::api::policies::{PolicyDocument, PolicyList, PolicySearch, PolicySearchResult};
use portal_domain::api::rating::{
    FollowUpItem, FollowUpList, RatingReplyRequest, RatingRequest, RatingView,
};
use portal_domain::api::staff::{
    code as staff_code, AccountList, AccountUpdate, AssignRequest, AuditPage, CaseDetail,
    CaseHandler, CaseList, DeskBooking, DeskBookingList, LoginRequest, MessageRequest, NewAccount,
    NoteRequest, PasswordChange, StaffAccount, StaffSession, TransitionRequest,
};
use portal_domain::api::{ApiErrorBody, VenueList};
use portal_domain::{paths, Lang};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

mod check_in;
mod firm;
mod pre_exam;
mod privacy;
mod registration;
mod site;
mod staff_pre_exam;
pub use check_in::*;
pub use firm::*;
pub use pre_exam::*;
pub use privacy::*;
pub use registration::*;
pub use site::*;
pub use staff_pre_exam::*;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request did not reach the server or no answer came back.
    Offline,
    /// The server answered 404.
    NotFound,
    /// The server refused the input (4xx with the JSON error contract).
    Validation(ApiErrorBody),
    /// The server failed (5xx), or answered something that is not what we expect.
    Server,
    /// A booking's slot has no seat left (409 `booking.slot_full`) or the center has closed it
    /// (409 `booking.slot_closed`): the server's message and the next free slots it offers
    /// instead.
    SlotFull {
        message: String,
        offers: Vec<SlotOffer>,
    },
}

pub async fn venues(lang: Lang) -> Result<VenueList, ApiError> {
    get_json(paths::VENUES, lang).await
}

/// The service notices in force today (home page).
pub async fn notices(lang: Lang) -> Result<NoticeList, ApiError> {
    get_json(paths::NOTICES, lang).await
}

pub async fn gi_products(search: &GiSearch, lang: Lang) -> Result<GiSearchResult, ApiError> {
    get_json(
        &format!("{}?{}", paths::GI_PRODUCTS, search.to_query_string()),
        lang,
    )
    .await
}

/// The CSV export of everything a search finds (a plain download link, not a fetch), with its
/// column headers in the page's language.
pub fn gi_products_csv_href(search: &GiSearch, lang: Lang) -> String {
    let query = search.to_query_string();
    let sep = if query.is_empty() { "" } else { "&" };
    format!("{}?{query}{sep}lang={}", paths::GI_PRODUCTS_CSV, lang.tag())
}

pub async fn gi_product(id: &str, lang: Lang) -> Result<GiProduct, ApiError> {
    get_json(&paths::fill(paths::GI_PRODUCT, &[id]), lang).await
}

/// Every document of the policy library (the list page filters it in the browser).
pub async fn policies(lang: Lang) -> Result<PolicyList, ApiError> {
    get_json(paths::POLICIES, lang).await
}

pub async fn policy(slug: &str, lang: Lang) -> Result<PolicyDocument, ApiError> {
    get_json(&paths::fill(paths::POLICY, &[slug]), lang).await
}

pub async fn policy_search(
    search: &PolicySearch,
    lang: Lang,
) -> Result<PolicySearchResult, ApiError> {
    get_json(
        &format!("{}?{}", paths::POLICY_SEARCH, search.to_query_string()),
        lang,
    )
    .await
}

pub async fn booking_topics(lang: Lang) -> Result<TopicList, ApiError> {
    get_json(paths::BOOKING_TOPICS, lang).await
}

pub async fn booking_venues(topic: &str, lang: Lang) -> Result<BookingVenueList, ApiError> {
    let topic = portal_domain::api::percent_encode(topic);
    get_json(&format!("{}?topic={topic}", paths::BOOKING_VENUES), lang).await
}

pub async fn booking_availability(
    venue: &str,
    topic: &str,
    lang: Lang,
) -> Result<Availability, ApiError> {
    let venue = portal_domain::api::percent_encode(venue);
    let topic = portal_domain::api::percent_encode(topic);
    get_json(
        &format!(
            "{}?venue={venue}&topic={topic}",
            paths::BOOKING_AVAILABILITY
        ),
        lang,
    )
    .await
}

/// Books; `key` is the idempotency key: sending the same request with the same key again (a
/// retry after a timeout, a double click) answers with the same booking instead of a second one.
pub async fn create_booking(
    request: &BookingRequest,
    key: &str,
    lang: Lang,
) -> Result<BookingCreated, ApiError> {
    let builder = Request::post(paths::BOOKINGS).header("Idempotency-Key", key);
    send_json_as(builder, request, lang, slot_refusal).await
}

pub async fn booking(token: &str, lang: Lang) -> Result<Booking, ApiError> {
    get_json(&paths::fill(paths::BOOKING, &[token]), lang).await
}

/// The calendar file of a booking (a plain download link).
pub fn booking_calendar_href(token: &str) -> String {
    paths::fill(paths::BOOKING_CALENDAR, &[token])
}

pub async fn reschedule_booking(
    token: &str,
    request: &RescheduleRequest,
    lang: Lang,
) -> Result<Booking, ApiError> {
    let path = paths::fill(paths::BOOKING_RESCHEDULE, &[token]);
    send_json_as(Request::post(&path), request, lang, slot_refusal).await
}

pub async fn cancel_booking(token: &str, lang: Lang) -> Result<Booking, ApiError> {
    let path = paths::fill(paths::BOOKING_CANCEL, &[token]);
    send_json(Request::post(&path), &Empty {}, lang).await
}

pub async fn lookup_booking(
    request: &LookupRequest,
    lang: Lang,
) -> Result<BookingSummary, ApiError> {
    send_json(Request::post(paths::BOOKING_LOOKUP), request, lang).await
}

pub async fn lookup_reschedule_booking(
    lookup: &LookupRequest,
    slot: &RescheduleRequest,
    lang: Lang,
) -> Result<BookingSummary, ApiError> {
    let body = LookupRescheduleRequest {
        reference: lookup.reference.clone(),
        mobile: lookup.mobile.clone(),
        date: slot.date.clone(),
        time: slot.time.clone(),
    };
    send_json_as(
        Request::post(paths::BOOKING_LOOKUP_RESCHEDULE),
        &body,
        lang,
        slot_refusal,
    )
    .await
}

pub async fn lookup_cancel_booking(
    lookup: &LookupRequest,
    lang: Lang,
) -> Result<BookingSummary, ApiError> {
    send_json(Request::post(paths::BOOKING_LOOKUP_CANCEL), lookup, lang).await
}

/// Starts a rights-assistance draft; its `token` is the only way back to it.
pub async fn assistance_create_draft(lang: Lang) -> Result<DraftCreated, ApiError> {
    send_empty(Request::post(paths::ASSISTANCE_DRAFTS), lang).await
}

pub async fn assistance_draft(token: &str, lang: Lang) -> Result<DraftView, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_DRAFT, &[token]);
    send_empty(Request::get(&path), lang).await
}

/// Saves the whole draft as it is (valid or not); the answer has every section's status.
pub async fn assistance_save_draft(
    token: &str,
    draft: &AssistanceDraft,
    lang: Lang,
) -> Result<DraftView, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_DRAFT, &[token]);
    send_json(Request::put(&path), draft, lang).await
}

/// Uploads one file to a draft (the file itself is the body; the server types it by content).
pub async fn assistance_upload_draft_file(
    token: &str,
    file: &web_sys::File,
    purpose: FilePurpose,
    lang: Lang,
) -> Result<EvidenceFile, ApiError> {
    let path = format!(
        "{}?name={}&purpose={}",
        paths::fill(paths::ASSISTANCE_DRAFT_FILES, &[token]),
        portal_domain::api::percent_encode(&file.name()),
        purpose.code()
    );
    send_file(Request::post(&path), file, lang).await
}

pub async fn assistance_delete_draft_file(
    token: &str,
    id: i64,
    lang: Lang,
) -> Result<DraftView, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_DRAFT_FILE, &[token, &id.to_string()]);
    send_empty(Request::delete(&path), lang).await
}

/// A file of a draft (previews and "open"), or with `download` its download link.
pub fn assistance_draft_file_href(token: &str, id: i64) -> String {
    paths::fill(paths::ASSISTANCE_DRAFT_FILE, &[token, &id.to_string()])
}

/// Submits a draft; `key` is the idempotency key: the same key answers with the same request
/// again (a retry after a lost answer) instead of making a second one.
pub async fn assistance_submit(
    token: &str,
    key: &str,
    lang: Lang,
) -> Result<AssistanceSubmitted, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_DRAFT_SUBMIT, &[token]);
    send_empty(Request::post(&path).header("Idempotency-Key", key), lang).await
}

/// The request at its tracking link: an `AssistanceTracking`, or only the part of it a page
/// reads (each type deserialized is code in the app).
pub async fn assistance_request<T: DeserializeOwned>(
    token: &str,
    lang: Lang,
) -> Result<T, ApiError> {
    get_json(&paths::fill(paths::ASSISTANCE_REQUEST, &[token]), lang).await
}

pub async fn assistance_lookup(
    request: &AssistanceLookupRequest,
    lang: Lang,
) -> Result<AssistanceProgress, ApiError> {
    send_json(Request::post(paths::ASSISTANCE_LOOKUP), request, lang).await
}

/// A new tracking link for a request whose link was lost (the old one stops working).
pub async fn assistance_new_link(
    request: &NewLinkRequest,
    lang: Lang,
) -> Result<NewLink, ApiError> {
    send_json(Request::post(paths::ASSISTANCE_NEW_LINK), request, lang).await
}

/// Withdraws the request; the answer is the request as it now is (an `AssistanceTracking`,
/// or as much of it as the caller reads).
pub async fn assistance_withdraw<T: DeserializeOwned>(
    token: &str,
    request: &WithdrawRequest,
    lang: Lang,
) -> Result<T, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_WITHDRAW, &[token]);
    send_json(Request::post(&path), request, lang).await
}

/// Uploads a file for a reply to the center (sent with the reply).
pub async fn assistance_upload_request_file(
    token: &str,
    file: &web_sys::File,
    lang: Lang,
) -> Result<EvidenceFile, ApiError> {
    let path = format!(
        "{}?name={}",
        paths::fill(paths::ASSISTANCE_REQUEST_FILES, &[token]),
        portal_domain::api::percent_encode(&file.name())
    );
    send_file(Request::post(&path), file, lang).await
}

pub async fn assistance_delete_request_file<T: DeserializeOwned>(
    token: &str,
    id: i64,
    lang: Lang,
) -> Result<T, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_REQUEST_FILE, &[token, &id.to_string()]);
    send_empty(Request::delete(&path), lang).await
}

pub fn assistance_request_file_href(token: &str, id: i64) -> String {
    paths::fill(paths::ASSISTANCE_REQUEST_FILE, &[token, &id.to_string()])
}

pub async fn assistance_reply<T: DeserializeOwned>(
    token: &str,
    message: i64,
    reply: &ReplyRequest,
    lang: Lang,
) -> Result<T, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_REPLY, &[token, &message.to_string()]);
    send_json(Request::post(&path), reply, lang).await
}

/// Rates a booking the person was checked in for (好差评).
pub async fn rate_booking(
    token: &str,
    request: &RatingRequest,
    lang: Lang,
) -> Result<RatingView, ApiError> {
    let path = paths::fill(paths::BOOKING_RATING, &[token]);
    send_json(Request::post(&path), request, lang).await
}

/// Rates a concluded rights-assistance request (好差评).
pub async fn rate_assistance(
    token: &str,
    request: &RatingRequest,
    lang: Lang,
) -> Result<RatingView, ApiError> {
    let path = paths::fill(paths::ASSISTANCE_RATING, &[token]);
    send_json(Request::post(&path), request, lang).await
}

// ---- The staff workbench (`/api/v1/staff/...`). The session cookie is same-origin, so
// fetch sends it; every call that changes something sends the session's CSRF token.

/// The answer meant "no live session" (never logged in, ended or expired).
pub fn is_unauthenticated(error: &ApiError) -> bool {
    matches!(error, ApiError::Validation(body) if body.code == staff_code::UNAUTHENTICATED)
}

/// The answer meant "this account does not have the role".
pub fn is_forbidden(error: &ApiError) -> bool {
    matches!(error, ApiError::Validation(body) if body.code == staff_code::FORBIDDEN)
}

pub async fn staff_session(lang: Lang) -> Result<StaffSession, ApiError> {
    get_json(paths::STAFF_SESSION, lang).await
}

pub async fn staff_login(request: &LoginRequest, lang: Lang) -> Result<StaffSession, ApiError> {
    send_json(Request::post(paths::STAFF_SESSION), request, lang).await
}

/// The signed-in member of staff chooses their own password (`PUT /api/v1/staff/session/password`).
pub async fn staff_change_password(
    request: &PasswordChange,
    csrf: &str,
    lang: Lang,
) -> Result<StaffSession, ApiError> {
    send_json(
        with_csrf(Request::put(paths::STAFF_PASSWORD), csrf),
        request,
        lang,
    )
    .await
}

pub async fn staff_logout(csrf: &str, lang: Lang) -> Result<(), ApiError> {
    end_session(paths::STAFF_SESSION, csrf, lang).await
}

/// Signs out of a realm's cookie session (`DELETE` of its session path, with its CSRF token):
/// 204 is done.
async fn end_session(path: &str, csrf: &str, lang: Lang) -> Result<(), ApiError> {
    let response = Request::delete(path)
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
        .header("X-CSRF-Token", csrf)
        .send()
        .await
        .map_err(|_| ApiError::Offline)?;
    no_content(response).await
}

/// An answer that is 204 when all went well.
async fn no_content(response: Response) -> Result<(), ApiError> {
    match response.status() {
        204 => Ok(()),
        _ => read::<Empty>(response).await.map(|_| ()),
    }
}

/// `query` is the queue's query string (`status=…&assignee=…&overdue=…&page=…`).
pub async fn staff_cases(query: &str, lang: Lang) -> Result<CaseList, ApiError> {
    get_json(&format!("{}?{query}", paths::STAFF_CASES), lang).await
}

pub async fn staff_case(id: i64, lang: Lang) -> Result<CaseDetail, ApiError> {
    get_json(&paths::fill(paths::STAFF_CASE, &[&id.to_string()]), lang).await
}

/// A file of a case (a plain link: the browser sends the session cookie).
pub fn staff_case_file_href(id: i64, file_id: i64) -> String {
    paths::fill(
        paths::STAFF_CASE_FILE,
        &[&id.to_string(), &file_id.to_string()],
    )
}

pub async fn staff_handlers(lang: Lang) -> Result<Vec<CaseHandler>, ApiError> {
    get_json(paths::STAFF_HANDLERS, lang).await
}

pub async fn staff_assign(
    id: i64,
    request: &AssignRequest,
    csrf: &str,
    lang: Lang,
) -> Result<CaseDetail, ApiError> {
    let path = paths::fill(paths::STAFF_CASE_ASSIGN, &[&id.to_string()]);
    send_json(with_csrf(Request::post(&path), csrf), request, lang).await
}

pub async fn staff_transition(
    id: i64,
    request: &TransitionRequest,
    csrf: &str,
    lang: Lang,
) -> Result<CaseDetail, ApiError> {
    let path = paths::fill(paths::STAFF_CASE_TRANSITION, &[&id.to_string()]);
    send_json(with_csrf(Request::post(&path), csrf), request, lang).await
}

/// Sends a message; `key` is the action's `Idempotency-Key` (the same on a retry).
pub async fn staff_message(
    id: i64,
    request: &MessageRequest,
    csrf: &str,
    key: &str,
    lang: Lang,
) -> Result<CaseDetail, ApiError> {
    let path = paths::fill(paths::STAFF_CASE_MESSAGES, &[&id.to_string()]);
    let builder = with_csrf(Request::post(&path), csrf).header("Idempotency-Key", key);
    send_json(builder, request, lang).await
}

/// Adds an internal note; `key` as for [`staff_message`].
pub async fn staff_note(
    id: i64,
    request: &NoteRequest,
    csrf: &str,
    key: &str,
    lang: Lang,
) -> Result<CaseDetail, ApiError> {
    let path = paths::fill(paths::STAFF_CASE_NOTES, &[&id.to_string()]);
    let builder = with_csrf(Request::post(&path), csrf).header("Idempotency-Key", key);
    send_json(builder, request, lang).await
}

/// The bookings of a day (`date` `YYYY-MM-DD`, today when empty) at one venue or all.
pub async fn staff_bookings(
    venue: &str,
    date: &str,
    lang: Lang,
) -> Result<DeskBookingList, ApiError> {
    let venue = portal_domain::api::percent_encode(venue);
    let date = portal_domain::api::percent_encode(date);
    get_json(
        &format!("{}?venue={venue}&date={date}", paths::STAFF_BOOKINGS),
        lang,
    )
    .await
}

pub async fn staff_check_in(id: i64, csrf: &str, lang: Lang) -> Result<DeskBooking, ApiError> {
    let path = paths::fill(paths::STAFF_BOOKING_CHECK_IN, &[&id.to_string()]);
    send_json(with_csrf(Request::post(&path), csrf), &Empty {}, lang).await
}

pub async fn staff_no_show(id: i64, csrf: &str, lang: Lang) -> Result<DeskBooking, ApiError> {
    let path = paths::fill(paths::STAFF_BOOKING_NO_SHOW, &[&id.to_string()]);
    send_json(with_csrf(Request::post(&path), csrf), &Empty {}, lang).await
}

/// Upcoming bookings that look like one person holding many places.
pub async fn staff_booking_clusters(lang: Lang) -> Result<BookingClusterList, ApiError> {
    get_json(paths::STAFF_BOOKING_CLUSTERS, lang).await
}

pub async fn staff_bulk_cancel(
    request: &BulkCancelRequest,
    csrf: &str,
    lang: Lang,
) -> Result<BulkCancelled, ApiError> {
    let builder = with_csrf(Request::post(paths::STAFF_BOOKINGS_BULK_CANCEL), csrf);
    send_json(builder, request, lang).await
}

/// The slots of a day at a venue (`date` `YYYY-MM-DD`, today when empty).
pub async fn staff_slots(venue: &str, date: &str, lang: Lang) -> Result<DeskSlots, ApiError> {
    let venue = portal_domain::api::percent_encode(venue);
    let date = portal_domain::api::percent_encode(date);
    get_json(
        &format!("{}?venue={venue}&date={date}", paths::STAFF_SLOTS),
        lang,
    )
    .await
}

pub async fn staff_close_slot(
    request: &ClosureRequest,
    csrf: &str,
    lang: Lang,
) -> Result<ClosureCreated, ApiError> {
    let builder = with_csrf(Request::post(paths::STAFF_CLOSURES), csrf);
    send_json(builder, request, lang).await
}

pub async fn staff_reopen_slot(id: i64, csrf: &str, lang: Lang) -> Result<Closure, ApiError> {
    let path = paths::fill(paths::STAFF_CLOSURE, &[&id.to_string()]);
    send_empty(with_csrf(Request::delete(&path), csrf), lang).await
}

/// Adds seats; `key` as for [`staff_message`].
pub async fn staff_add_seats(
    request: &SeatsRequest,
    csrf: &str,
    key: &str,
    lang: Lang,
) -> Result<DeskSlot, ApiError> {
    let builder =
        with_csrf(Request::post(paths::STAFF_SLOT_SEATS), csrf).header("Idempotency-Key", key);
    send_json(builder, request, lang).await
}

pub async fn staff_overview(
    lang: Lang,
) -> Result<portal_domain::api::center_overview::CenterOverview, ApiError> {
    get_json(paths::STAFF_OVERVIEW, lang).await
}

/// One page of the audit log; `filters` is `actor=&target_type=&target_id=` (percent-encoded,
/// empty for none).
pub async fn staff_audit(page: u32, filters: &str, lang: Lang) -> Result<AuditPage, ApiError> {
    get_json(
        &format!("{}?page={page}&per_page=50&{filters}", paths::STAFF_AUDIT),
        lang,
    )
    .await
}

pub async fn staff_notices(lang: Lang) -> Result<StaffNoticeList, ApiError> {
    get_json(paths::STAFF_NOTICES, lang).await
}

/// Publishes a notice (`id` `None`) or replaces one.
pub async fn staff_save_notice(
    id: Option<i64>,
    notice: &NoticeInput,
    csrf: &str,
    lang: Lang,
) -> Result<StaffNotice, ApiError> {
    let builder = match id {
        None => Request::post(paths::STAFF_NOTICES),
        Some(id) => Request::put(&paths::fill(paths::STAFF_NOTICE, &[&id.to_string()])),
    };
    send_json(with_csrf(builder, csrf), notice, lang).await
}

pub async fn staff_withdraw_notice(
    id: i64,
    csrf: &str,
    lang: Lang,
) -> Result<StaffNotice, ApiError> {
    let path = paths::fill(paths::STAFF_NOTICE, &[&id.to_string()]);
    send_empty(with_csrf(Request::delete(&path), csrf), lang).await
}

pub async fn staff_accounts(lang: Lang) -> Result<AccountList, ApiError> {
    get_json(paths::STAFF_ACCOUNTS, lang).await
}

pub async fn staff_create_account(
    request: &NewAccount,
    csrf: &str,
    lang: Lang,
) -> Result<StaffAccount, ApiError> {
    let builder = with_csrf(Request::post(paths::STAFF_ACCOUNTS), csrf);
    send_json(builder, request, lang).await
}

pub async fn staff_update_account(
    username: &str,
    request: &AccountUpdate,
    csrf: &str,
    lang: Lang,
) -> Result<StaffAccount, ApiError> {
    let path = paths::fill(paths::STAFF_ACCOUNT, &[username]);
    send_json(with_csrf(Request::patch(&path), csrf), request, lang).await
}

pub async fn staff_admin_venues(lang: Lang) -> Result<AdminVenueList, ApiError> {
    get_json(paths::STAFF_VENUES, lang).await
}

pub async fn staff_update_venue_booking(
    id: &str,
    request: &VenueBookingUpdate,
    csrf: &str,
    lang: Lang,
) -> Result<AdminVenue, ApiError> {
    let path = paths::fill(paths::STAFF_VENUE_BOOKING, &[id]);
    send_json(with_csrf(Request::put(&path), csrf), request, lang).await
}

pub async fn staff_holidays(lang: Lang) -> Result<HolidayYearList, ApiError> {
    get_json(paths::STAFF_HOLIDAYS, lang).await
}

pub async fn staff_publish_holidays(
    year: i32,
    request: &HolidayYearRequest,
    csrf: &str,
    lang: Lang,
) -> Result<HolidayYear, ApiError> {
    let path = paths::fill(paths::STAFF_HOLIDAY_YEAR, &[&format!("{year:04}")]);
    send_json(with_csrf(Request::put(&path), csrf), request, lang).await
}

/// `query` is the follow-up list's query string (`follow_up=…&page=…`).
pub async fn staff_ratings(query: &str, lang: Lang) -> Result<FollowUpList, ApiError> {
    get_json(&format!("{}?{query}", paths::STAFF_RATINGS), lang).await
}

pub async fn staff_rating_reply(
    id: i64,
    request: &RatingReplyRequest,
    csrf: &str,
    lang: Lang,
) -> Result<FollowUpItem, ApiError> {
    let path = paths::fill(paths::STAFF_RATING_REPLY, &[&id.to_string()]);
    send_json(with_csrf(Request::post(&path), csrf), request, lang).await
}

// ---- The fast track's firms as the center's administrators see them (`/api/v1/staff/firms`).

/// A firm and its people, found by its 统一社会信用代码 (`uscc` as typed; the server checks it).
pub async fn staff_find_firm(uscc: &str, lang: Lang) -> Result<StaffFirmView, ApiError> {
    let uscc = portal_domain::api::percent_encode(uscc);
    get_json(&format!("{}?uscc={uscc}", paths::STAFF_FIRMS), lang).await
}

/// Makes a one-time link that sets the password of one of a firm's people (ending their
/// earlier one); made only after checking who is asking.
pub async fn staff_firm_password_link(
    uscc: &str,
    person_id: i64,
    csrf: &str,
    lang: Lang,
) -> Result<PasswordLink, ApiError> {
    let path = paths::fill(
        paths::STAFF_FIRM_PASSWORD_LINK,
        &[uscc, &person_id.to_string()],
    );
    send_empty(with_csrf(Request::post(&path), csrf), lang).await
}

fn with_csrf(builder: RequestBuilder, csrf: &str) -> RequestBuilder {
    builder.header("X-CSRF-Token", csrf)
}

/// A new `Idempotency-Key`: 128 random bits from the browser's crypto source, as hex. Make one
/// per action and send it again when that action is retried, so the server does it once. Every
/// browser that runs WASM has `crypto.getRandomValues`; were it refused, the time since the
/// page loaded still tells one person's actions apart (a key only has to be unique per action).
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        let now = web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or_default();
        bytes[..8].copy_from_slice(&now.to_bits().to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Serialize, Deserialize)]
struct Empty {}

/// A manage token is URL-safe base64; anything else (a mangled link) is encoded so it reaches
/// the server as the 404 it is.
async fn get_json<T: DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiError> {
    parse(get_text(path, lang).await)
}

/// [`get_json`]'s request and answer. Every call's sending and reading of the answer is written
/// without the answer's type (only [`parse`] has it), so the WASM holds this machinery once
/// instead of once per type read (about 1 KB brotli less in the booking apps).
async fn get_text(path: &str, lang: Lang) -> Result<String, ApiError> {
    // Prerendering (natively, `crates/prerender`) draws a page's first view, before any data:
    // what loads stays loading there.
    if crate::prerender::ACTIVE {
        std::future::pending::<()>().await;
    }
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    // Abort the request if the page (reactive owner) that made it is dropped, e.g. on navigation.
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });

    let response = Request::get(path)
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| ApiError::Offline)?;
    text_of(response, refusal).await
}

/// Sends a JSON body. Not aborted on navigation: a submit that was sent should finish (the
/// answer tells the person whether it worked), and each is safe to repeat.
async fn send_json<T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &impl Serialize,
    lang: Lang,
) -> Result<T, ApiError> {
    send_json_as(builder, body, lang, refusal).await
}

/// [`send_json`] with its own reading of a refusal.
async fn send_json_as<T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &impl Serialize,
    lang: Lang,
    refused: Refusal,
) -> Result<T, ApiError> {
    let request = accepting(builder, lang).json(body);
    parse(sent_text(request, refused).await)
}

/// A request without a body (its method and path say it all). Not aborted on navigation, like
/// [`send_json`].
async fn send_empty<T: DeserializeOwned>(
    builder: RequestBuilder,
    lang: Lang,
) -> Result<T, ApiError> {
    parse(sent_text(accepting(builder, lang).build(), refusal).await)
}

/// Sends a file as the raw body (no multipart); the server reads its type from its content.
async fn send_file<T: DeserializeOwned>(
    builder: RequestBuilder,
    file: &web_sys::File,
    lang: Lang,
) -> Result<T, ApiError> {
    let request = accepting(builder, lang)
        .header("Content-Type", "application/octet-stream")
        .body(wasm_bindgen::JsValue::from(file.clone()));
    parse(sent_text(request, refusal).await)
}

/// A request that asks for JSON in the page's language.
fn accepting(builder: RequestBuilder, lang: Lang) -> RequestBuilder {
    builder
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
}

/// Sends a request made by one of the above and reads its answer's text (without its type, like
/// [`get_text`]).
async fn sent_text(
    request: Result<Request, gloo_net::Error>,
    refused: Refusal,
) -> Result<String, ApiError> {
    let request = request.map_err(|_| ApiError::Server)?;
    let response = request.send().await.map_err(|_| ApiError::Offline)?;
    text_of(response, refused).await
}

/// An answer's value of type `T`, from its text.
fn parse<T: DeserializeOwned>(text: Result<String, ApiError>) -> Result<T, ApiError> {
    crate::json::from_str(&text?).ok_or(ApiError::Server)
}

/// How a refusal's answer (its text and its body) becomes the error: most calls take the body
/// as it is ([`refusal`]); the booking calls that can meet a full slot read its offers too
/// ([`slot_refusal`]), so only the booking app carries that reading.
type Refusal = fn(&str, ApiErrorBody) -> ApiError;

fn refusal(_text: &str, body: ApiErrorBody) -> ApiError {
    ApiError::Validation(body)
}

/// The `details` of a full slot's answer.
#[derive(Deserialize)]
struct SlotFullDetails {
    details: SlotTakenDetails,
}

fn slot_refusal(text: &str, body: ApiErrorBody) -> ApiError {
    if body.code == booking_code::SLOT_FULL || body.code == booking_code::SLOT_CLOSED {
        let offers = crate::json::from_str::<SlotFullDetails>(text)
            .map(|d| d.details.next_available)
            .unwrap_or_default();
        return ApiError::SlotFull {
            message: body.message,
            offers,
        };
    }
    ApiError::Validation(body)
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    parse(text_of(response, refusal).await)
}

/// A 2xx answer's text, or what the answer means otherwise.
async fn text_of(response: Response, refused: Refusal) -> Result<String, ApiError> {
    if !(200..=299).contains(&response.status()) {
        return Err(failure(response, refused).await);
    }
    response.text().await.map_err(|_| ApiError::Server)
}

/// What an answer other than 2xx means (one function for every type read, not one per type).
async fn failure(response: Response, refused: Refusal) -> ApiError {
    match response.status() {
        404 => ApiError::NotFound,
        400..=499 => {
            let Ok(text) = response.text().await else {
                return ApiError::Server;
            };
            match crate::json::from_str::<ApiErrorBody>(&text) {
                Some(body) => refused(&text, body),
                None => ApiError::Server,
            }
        }
        _ => ApiError::Server,
    }
}
