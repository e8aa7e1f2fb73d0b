//! `GET /api/v1/openapi.json`, generated from the handlers and the shared API types, then made
//! exact by `contract` (the parsers' constraints) and `usage` (examples, staff security, links).

use portal_domain::paths::{self, below_v1};
mod contract;
mod usage;

use std::sync::{Arc, LazyLock};

use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;
use utoipa::OpenApi;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "IP public-service portal API",
        description = "知识产权公共服务门户 JSON API"
    ),
    paths(
        crate::health::health,
        crate::venues::list,
        crate::notices::in_force,
        crate::gi::search,
        crate::gi::product,
        crate::gi::export,
        crate::policies::list,
        crate::policies::document,
        crate::policies::search,
        crate::booking::catalog::topics,
        crate::booking::catalog::venues,
        crate::booking::catalog::availability,
        crate::booking::create::create,
        crate::booking::manage::lookup,
        crate::booking::changes::lookup_reschedule,
        crate::booking::changes::lookup_cancel,
        crate::booking::manage::manage,
        crate::booking::changes::reschedule,
        crate::booking::changes::cancel,
        crate::booking::manage::calendar,
        crate::booking::manage::rate,
        crate::assistance::drafts::create_draft,
        crate::assistance::drafts::get_draft,
        crate::assistance::drafts::save_draft,
        crate::assistance::drafts::upload_draft_file,
        crate::assistance::drafts::download_draft_file,
        crate::assistance::drafts::delete_draft_file,
        crate::assistance::submit::submit,
        crate::assistance::requests::lookup,
        crate::assistance::requests::track,
        crate::assistance::requests::withdraw,
        crate::assistance::requests::upload_request_file,
        crate::assistance::requests::delete_request_file,
        crate::assistance::requests::download_request_file,
        crate::assistance::requests::reply,
        crate::assistance::requests::rate,
        crate::firms::accounts::sign_up,
        crate::firms::accounts::sign_in,
        crate::firms::accounts::whoami,
        crate::firms::accounts::sign_out,
        crate::firms::people::list,
        crate::firms::people::add,
        crate::firms::links::set_password,
        crate::staff::firms::find,
        crate::staff::firms::password_link,
        crate::firms::registration::show,
        crate::firms::registration::save,
        crate::firms::registration::submit,
        crate::staff::registrations::list,
        crate::staff::registrations::show,
        crate::staff::registrations::act,
        crate::staff::registrations::settings,
        crate::staff::registrations::update_settings,
        crate::staff::auth::login,
        crate::staff::auth::whoami,
        crate::staff::auth::logout,
        crate::staff::accounts::list_accounts,
        crate::staff::accounts::create_account,
        crate::staff::accounts::update_account,
        crate::staff::overview::audit_log,
        crate::staff::notices::list,
        crate::staff::notices::create,
        crate::staff::notices::update,
        crate::staff::notices::withdraw,
        crate::staff::admin::list_venues,
        crate::staff::admin::update_venue_booking,
        crate::staff::admin::list_holidays,
        crate::staff::admin::publish_holiday_year,
        crate::staff::overview::overview,
        crate::staff::cases::list_cases,
        crate::staff::cases::get_case,
        crate::staff::cases::case_file,
        crate::staff::cases::assign,
        crate::staff::cases::transition,
        crate::staff::cases::send_message,
        crate::staff::cases::add_note,
        crate::staff::desk::list_bookings,
        crate::staff::desk::check_in,
        crate::staff::desk::no_show,
        crate::staff::clusters::list_clusters,
        crate::staff::clusters::bulk_cancel,
        crate::staff::slots::list_slots,
        crate::staff::slots::close,
        crate::staff::slots::reopen,
        crate::staff::slots::add_seats,
        crate::staff::ratings::list_ratings,
        crate::staff::ratings::reply
    ),
    components(schemas(
        portal_domain::api::ApiErrorBody,
        portal_domain::api::FieldError,
        portal_domain::api::gi::GiSearchResult,
        portal_domain::api::gi::GiProduct,
        portal_domain::api::policies::PolicyList,
        portal_domain::api::policies::PolicyDocument,
        portal_domain::api::policies::PolicySearchResult,
        portal_domain::api::booking::TopicList,
        portal_domain::api::booking::BookingVenueList,
        portal_domain::api::booking::Availability,
        portal_domain::api::booking::BookingRequest,
        portal_domain::api::booking::BookingCreated,
        portal_domain::api::booking::Booking,
        portal_domain::api::booking::BookingSummary,
        portal_domain::api::booking::RescheduleRequest,
        portal_domain::api::booking::LookupRequest,
        portal_domain::api::booking::LookupRescheduleRequest,
        portal_domain::api::booking::SlotTakenDetails,
        portal_domain::api::assistance::AssistanceDraft,
        portal_domain::api::assistance::DraftCreated,
        portal_domain::api::assistance::DraftView,
        portal_domain::api::assistance::EvidenceFile,
        portal_domain::api::assistance::AssistanceSubmitted,
        portal_domain::api::assistance::AssistanceTracking,
        portal_domain::api::assistance::AssistanceProgress,
        portal_domain::api::assistance::ProgressStep,
        portal_domain::api::assistance::AssistanceLookupRequest,
        portal_domain::api::assistance::WithdrawRequest,
        portal_domain::api::assistance::ReplyRequest,
        portal_domain::api::assistance::NumberRule,
        portal_domain::api::firm::SignUpRequest,
        portal_domain::api::firm::SignUpReceived,
        portal_domain::api::firm::SignInRequest,
        portal_domain::api::firm::FirmSession,
        portal_domain::api::firm::PeopleList,
        portal_domain::api::firm::Person,
        portal_domain::api::firm::NewColleague,
        portal_domain::api::firm::ColleagueAdded,
        portal_domain::api::firm::PasswordLink,
        portal_domain::api::firm::SetPasswordRequest,
        portal_domain::api::firm::StaffFirmView,
        portal_domain::api::staff::LoginRequest,
        portal_domain::api::staff::StaffSession,
        portal_domain::api::staff::AccountList,
        portal_domain::api::staff::StaffAccount,
        portal_domain::api::staff::NewAccount,
        portal_domain::api::staff::AccountUpdate,
        portal_domain::api::staff::AuditPage,
        portal_domain::api::admin::AdminVenueList,
        portal_domain::api::admin::AdminVenue,
        portal_domain::api::admin::VenueBookingUpdate,
        portal_domain::api::admin::HolidayYearList,
        portal_domain::api::admin::HolidayYear,
        portal_domain::api::admin::HolidayYearRequest,
        portal_domain::api::staff::Overview,
        portal_domain::api::staff::CaseList,
        portal_domain::api::staff::CaseDetail,
        portal_domain::api::staff::AssignRequest,
        portal_domain::api::staff::TransitionRequest,
        portal_domain::api::staff::MessageRequest,
        portal_domain::api::staff::NoteRequest,
        portal_domain::api::staff::DeskBookingList,
        portal_domain::api::booking_clusters::ClusterKind,
        portal_domain::api::booking_clusters::BookingCluster,
        portal_domain::api::booking_clusters::BookingClusterList,
        portal_domain::api::booking_clusters::BulkCancelRequest,
        portal_domain::api::booking_clusters::BulkCancelled,
        portal_domain::api::staff::DeskBooking,
        portal_domain::api::notices::NoticeList,
        portal_domain::api::notices::StaffNoticeList,
        portal_domain::api::notices::StaffNotice,
        portal_domain::api::notices::NoticeInput,
        portal_domain::api::desk::DeskSlots,
        portal_domain::api::desk::DeskSlot,
        portal_domain::api::desk::Closure,
        portal_domain::api::desk::ClosureRequest,
        portal_domain::api::desk::ClosureCreated,
        portal_domain::api::desk::SeatsRequest,
        portal_domain::api::booking::CenterCancellation,
        portal_domain::api::rating::RatingRequest,
        portal_domain::api::rating::RatingView,
        portal_domain::api::rating::RatingReplyRequest,
        portal_domain::api::rating::FollowUpList,
        portal_domain::api::rating::FollowUpItem,
        portal_domain::api::rating::RatingCounts
    ))
)]
pub struct ApiDoc;

/// The document as served: derived, then patched (see `contract`).
pub fn document() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document is JSON");
    contract::apply(&mut doc);
    usage::apply(&mut doc);
    doc
}

/// Built once: it does not change while the server runs.
static DOCUMENT: LazyLock<Arc<Value>> = LazyLock::new(|| Arc::new(document()));

pub fn router() -> Router<AppState> {
    Router::new().route(
        below_v1(paths::OPENAPI),
        get(|| async { Json(Value::clone(&DOCUMENT)) }),
    )
}
