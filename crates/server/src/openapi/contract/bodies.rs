//! The request bodies' fields as the server's parsers take them (`super::apply`): each
//! `(schema, field, spec)` narrows what the generated document says a field accepts.

use super::*;

pub(super) fn request_bodies(doc: &mut Value) {
    let fields: Vec<(&str, &str, Spec)> = vec![
        // Staff sign-in: anything non-blank; the check is the password's.
        (
            "LoginRequest",
            "username",
            required_str(json!({ "type": "string", "pattern": "\\S" })),
        ),
        (
            "LoginRequest",
            "password",
            required_str(json!({ "type": "string", "minLength": 1 })),
        ),
        (
            "PasswordChange",
            "current_password",
            required_str(json!({ "type": "string", "minLength": 1 })),
        ),
        (
            "PasswordChange",
            "new_password",
            required_str(password_schema()),
        ),
        ("NewAccount", "username", required_str(username_schema())),
        (
            "NewAccount",
            "display_name",
            line(staff::MAX_DISPLAY_NAME_CHARS),
        ),
        ("NewAccount", "password", required_str(password_schema())),
        // Repeated roles count once.
        ("NewAccount", "roles", Spec::Array { min: 1, max: None }),
        (
            "AccountUpdate",
            "password",
            Spec::Str {
                schema: password_schema(),
                required: false,
            },
        ),
        // Absent or `null` leaves it; given, it must be a name.
        (
            "AccountUpdate",
            "display_name",
            Spec::Str {
                schema: json!({
                    "type": "string",
                    "maxLength": staff::MAX_DISPLAY_NAME_CHARS,
                    "pattern": text_pattern(&[], true),
                }),
                required: false,
            },
        ),
        // Given, the roles replace the account's: at least one.
        (
            "AccountUpdate",
            "roles",
            optional_str(json!({
                "type": "array",
                "minItems": 1,
                "items": { "$ref": "#/components/schemas/Role" },
            })),
        ),
        // Given, the venue whose pre-examination requests the account examines.
        (
            "AccountUpdate",
            "pre_exam_venue",
            optional_str(json!({
                "type": "string",
                "enum": portal_domain::api::firm::registration::FieldVenue::ALL
                    .iter()
                    .map(|v| v.code())
                    .collect::<Vec<_>>(),
            })),
        ),
        ("NoteRequest", "text", text(staff::MAX_MESSAGE_CHARS)),
        ("MessageRequest", "text", text(staff::MAX_MESSAGE_CHARS)),
        ("RatingReplyRequest", "text", text(rating::MAX_REPLY_CHARS)),
        // Looking a booking or a request up by reference + mobile.
        (
            "LookupRequest",
            "reference",
            required_str(booking_reference_schema()),
        ),
        ("LookupRequest", "mobile", required_str(mobile_schema())),
        // Checking in at the kiosk: the reference and the mobile number's last four digits.
        (
            "CheckInRequest",
            "reference",
            required_str(booking_reference_schema()),
        ),
        (
            "CheckInRequest",
            "mobile_last_four",
            required_str(json!({ "type": "string", "pattern": "^[0-9]{4}$" })),
        ),
        (
            "LookupRescheduleRequest",
            "reference",
            required_str(booking_reference_schema()),
        ),
        (
            "LookupRescheduleRequest",
            "mobile",
            required_str(mobile_schema()),
        ),
        (
            "LookupRescheduleRequest",
            "date",
            required_str(date_schema()),
        ),
        (
            "LookupRescheduleRequest",
            "time",
            required_str(time_schema()),
        ),
        ("RescheduleRequest", "date", required_str(date_schema())),
        ("RescheduleRequest", "time", required_str(time_schema())),
        (
            "AssistanceLookupRequest",
            "reference",
            required_str(assistance_reference_schema()),
        ),
        (
            "AssistanceLookupRequest",
            "mobile",
            required_str(mobile_schema()),
        ),
        // A new tracking link: the lookup's two facts and the last 6 characters of the ID
        // number or credit code.
        (
            "NewLinkRequest",
            "reference",
            required_str(assistance_reference_schema()),
        ),
        ("NewLinkRequest", "mobile", required_str(mobile_schema())),
        (
            "NewLinkRequest",
            "id_tail",
            required_str(json!({ "type": "string", "pattern": "^[0-9A-Za-z]{6}$" })),
        ),
        // The booking desk.
        (
            "ClosureRequest",
            "venue",
            required_str(
                json!({ "type": "string", "minLength": 1, "maxLength": booking::MAX_ID_CHARS }),
            ),
        ),
        ("ClosureRequest", "date", required_str(date_schema())),
        (
            "ClosureRequest",
            "start_time",
            // Empty, `null` or absent: the whole day.
            optional_str(json!({ "type": "string", "anyOf": [{ "maxLength": 0 }, time_schema()] })),
        ),
        (
            "ClosureRequest",
            "reason",
            line(desk::MAX_CLOSURE_REASON_CHARS),
        ),
        (
            "SeatsRequest",
            "venue",
            required_str(
                json!({ "type": "string", "minLength": 1, "maxLength": booking::MAX_ID_CHARS }),
            ),
        ),
        ("SeatsRequest", "date", required_str(date_schema())),
        ("SeatsRequest", "start_time", required_str(time_schema())),
        (
            "SeatsRequest",
            "add",
            Spec::Int {
                min: 1,
                max: i64::from(desk::MAX_SEATS_ADDED),
                required: true,
            },
        ),
        (
            "BulkCancelRequest",
            "ids",
            Spec::Array {
                min: 1,
                max: Some(booking_clusters::MAX_BULK_CANCEL),
            },
        ),
        (
            "BulkCancelRequest",
            "reason",
            line(booking_clusters::MAX_BULK_CANCEL_REASON_CHARS),
        ),
        // Retention periods.
        (
            "RetentionUpdate",
            "booking_days",
            Spec::Int {
                min: i64::from(admin::MIN_RETENTION_DAYS),
                max: i64::from(admin::MAX_RETENTION_DAYS),
                required: true,
            },
        ),
        (
            "RetentionUpdate",
            "assistance_days",
            Spec::Int {
                min: i64::from(admin::MIN_RETENTION_DAYS),
                max: i64::from(admin::MAX_RETENTION_DAYS),
                required: true,
            },
        ),
        // Venue contacts and the site footer (`VenueContactsUpdate::parse`,
        // `SiteFooterUpdate::parse`): every field optional, a blank one clears it. The patterns
        // of the numbers are narrower than the parsers (which take spaces, brackets, `+86`,
        // extensions written out, and any host name).
        (
            "VenueContactsUpdate",
            "address",
            Spec::Line {
                max: admin::MAX_ADDRESS_CHARS,
                required: false,
            },
        ),
        (
            "VenueContactsUpdate",
            "opening_hours",
            optional_text(admin::MAX_HOURS_CHARS),
        ),
        ("VenueContactsUpdate", "phone", optional_str(phone_schema())),
        (
            "VenueContactsUpdate",
            "map_url",
            optional_str(blank_or(json!({
                "type": "string",
                "maxLength": admin::MAX_MAP_URL_CHARS,
                "pattern": "^https://[a-z0-9]+(\\.[a-z0-9]+)+(/[A-Za-z0-9._~/?=&%-]*)?$",
            }))),
        ),
        (
            "SiteFooterUpdate",
            "host_organisation",
            Spec::Line {
                max: site::MAX_HOST_CHARS,
                required: false,
            },
        ),
        (
            "SiteFooterUpdate",
            "website_code",
            optional_str(blank_or(json!({
                "type": "string",
                "pattern": format!("^[A-Za-z0-9]{{{}}}$", site::WEBSITE_CODE_CHARS),
            }))),
        ),
        (
            "SiteFooterUpdate",
            "icp_number",
            optional_str(blank_or(json!({
                "type": "string",
                "pattern": "^[\\u4E00-\\u9FA5]ICP备[0-9]{8}号(-[0-9]{1,3})?$",
            }))),
        ),
        (
            "SiteFooterUpdate",
            "public_security_number",
            optional_str(blank_or(json!({
                "type": "string",
                "pattern": "^[\\u4E00-\\u9FA5]公网安备 ?[0-9]{14}号$",
            }))),
        ),
        // Notices.
        ("NoticeInput", "title_zh", line(notices::MAX_TITLE_CHARS)),
        ("NoticeInput", "title_en", line(notices::MAX_TITLE_CHARS)),
        ("NoticeInput", "body_zh", text(notices::MAX_BODY_CHARS)),
        ("NoticeInput", "body_en", text(notices::MAX_BODY_CHARS)),
        ("NoticeInput", "starts_on", required_str(date_schema())),
        // Ratings.
        (
            "RatingRequest",
            "comment",
            optional_text(rating::MAX_COMMENT_CHARS),
        ),
        // Cases: the kind of message and the status to move to are needed.
        ("MessageRequest", "kind", required_ref("MessageKind")),
        ("TransitionRequest", "to", required_ref("RequestStatus")),
        // Notices: the end is optional (empty or absent: until withdrawn).
        (
            "NoticeInput",
            "ends_on",
            optional_str(json!({ "type": "string", "anyOf": [{ "maxLength": 0 }, date_schema()] })),
        ),
        // A request for more material: the day to reply by is optional in the same way.
        (
            "MessageRequest",
            "reply_by",
            optional_str(json!({ "type": "string", "anyOf": [{ "maxLength": 0 }, date_schema()] })),
        ),
        // A firm's sign-up and sign-in (`SignUpRequest::parse`, `SignInRequest::parse`).
        ("SignUpRequest", "uscc", required_str(uscc_schema(true))),
        (
            "SignUpRequest",
            "firm_name",
            line(firm::MAX_FIRM_NAME_CHARS),
        ),
        (
            "SignUpRequest",
            "contact_name",
            line(firm::MAX_PERSON_NAME_CHARS),
        ),
        ("SignUpRequest", "mobile", required_str(mobile_schema())),
        ("SignUpRequest", "password", required_str(password_schema())),
        ("SignInRequest", "uscc", required_str(uscc_schema(false))),
        ("SignInRequest", "mobile", required_str(mobile_schema())),
        (
            "SignInRequest",
            "password",
            required_str(json!({ "type": "string", "minLength": 1 })),
        ),
        ("NewColleague", "name", line(firm::MAX_PERSON_NAME_CHARS)),
        ("NewColleague", "mobile", required_str(mobile_schema())),
        (
            "SetPasswordRequest",
            "password",
            required_str(password_schema()),
        ),
        // A booking (`BookingRequest::parse`). Which venue, topic, day and time can be booked
        // is the data's; the 统一社会信用代码 has a check digit no pattern can hold.
        (
            "BookingRequest",
            "venue",
            required_str(
                json!({ "type": "string", "minLength": 1, "maxLength": booking::MAX_ID_CHARS }),
            ),
        ),
        (
            "BookingRequest",
            "topic",
            required_str(
                json!({ "type": "string", "minLength": 1, "maxLength": booking::MAX_ID_CHARS }),
            ),
        ),
        ("BookingRequest", "date", required_str(date_schema())),
        ("BookingRequest", "time", required_str(time_schema())),
        ("BookingRequest", "name", line(booking::MAX_NAME_CHARS)),
        ("BookingRequest", "mobile", required_str(mobile_schema())),
        (
            "BookingRequest",
            "organisation",
            Spec::Line {
                max: booking::MAX_ORGANISATION_CHARS,
                required: false,
            },
        ),
        (
            "BookingRequest",
            "description",
            optional_text(booking::MAX_DESCRIPTION_CHARS),
        ),
        (
            "BookingRequest",
            "other_adjustments",
            optional_text(booking::MAX_OTHER_ADJUSTMENTS_CHARS),
        ),
    ];
    for (schema, field, spec) in fields {
        set_field(doc, schema, field, spec);
    }
    transition(doc);
    // A reply needs words or files (`ReplyRequest::parse`).
    set_field(
        doc,
        "ReplyRequest",
        "text",
        optional_text(portal_domain::api::assistance::MAX_REPLY_CHARS),
    );
    let reply = object_schema(doc, "ReplyRequest");
    reply.insert(
        "anyOf".into(),
        json!([
            { "required": ["text"], "properties": { "text": {
                "type": "string", "pattern": text_pattern(&['\n', '\t'], true),
            } } },
            { "required": ["files"], "properties": { "files": { "minItems": 1 } } },
        ]),
    );
}

/// `TransitionRequest::parse`: a reason to reject, an outcome to conclude, and neither note
/// anywhere else (a blank note is no note).
fn transition(doc: &mut Value) {
    let note = || {
        json!({
            "type": "string",
            "maxLength": staff::MAX_REASON_CHARS,
            "pattern": text_pattern(&['\n', '\t'], true),
        })
    };
    // Blank: white space only, and none of it a character the parser refuses (a lone `\r`
    // is white space to a regular expression but a control character to `clean_text`).
    let blank = format!("^[^\\S{}]*$", hidden_class(&['\n', '\t']));
    let none = || json!({ "anyOf": [{ "type": "null" }, { "type": "string", "pattern": blank }] });
    let rejected = RequestStatus::Rejected.code();
    let concluded = RequestStatus::Concluded.code();
    object_schema(doc, "TransitionRequest").insert(
        "oneOf".into(),
        json!([
            {
                "properties": { "to": { "const": rejected }, "reason": note(), "outcome": none() },
                "required": ["to", "reason"],
            },
            {
                "properties": { "to": { "const": concluded }, "outcome": note(), "reason": none() },
                "required": ["to", "outcome"],
            },
            {
                "properties": {
                    "to": { "not": { "enum": [rejected, concluded] } },
                    "reason": none(),
                    "outcome": none(),
                },
            },
        ]),
    );
}

/// A field that must be one of the values of the enum schema `name` (not `null`).
fn required_ref(name: &str) -> Spec {
    required_str(json!({ "$ref": format!("#/components/schemas/{name}") }))
}
