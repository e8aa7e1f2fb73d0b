//! What the derived document cannot say by itself, added to it as JSON: the constraints the
//! shared parsers enforce (the examples, staff security and links are `super::usage`'s).
//!
//! The request types keep `Option<String>` fields so that a missing value gets its own field
//! message rather than a serde error, which makes utoipa call every field optional and
//! nullable; and utoipa's validation attributes take literals only, so a limit written there
//! would be a copy of the constant. Here each constraint is computed from the same constants
//! and functions the parsers use (`portal_domain`), so the document cannot drift from them.
//! Every patch names a schema, field, path or parameter that must exist: a rename fails the
//! unit test below (and the server's start) instead of silently loosening the contract.

use portal_domain::api::assistance::RequestStatus;
use portal_domain::api::booking::{self};
use portal_domain::api::rating::FollowUp;
use portal_domain::api::{
    admin, booking_clusters, desk, firm, gi, notices, policies, rating, site, staff, VenueKind,
};
use portal_domain::calendar::{FIRST_INPUT_YEAR, LAST_INPUT_YEAR};
use portal_domain::paths;
use portal_domain::reference::{REFERENCE_ALPHABET, REFERENCE_CHARS};
use serde_json::{json, Map, Value};

mod bodies;
use bodies::request_bodies;

/// Applies every patch below (and the request bodies', `bodies`) to the document utoipa derived.
pub fn apply(doc: &mut Value) {
    request_bodies(doc);
    parameters(doc);
    unreadable_query(doc);
}

// ---------------------------------------------------------------------------------------------
// Strings as the shared parsers read them
// ---------------------------------------------------------------------------------------------

/// A character class body (without brackets) of the characters `is_hidden` refuses, computed
/// from it over all of Unicode, minus `allowed` (free text keeps line breaks and tabs).
fn hidden_class(allowed: &[char]) -> String {
    let hidden = |c: char| portal_domain::text::is_hidden(c) && !allowed.contains(&c);
    let mut class = String::new();
    let mut start: Option<char> = None;
    let mut last = '\0';
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        if hidden(c) {
            if start.is_none() {
                start = Some(c);
            }
            last = c;
        } else if let Some(first) = start.take() {
            push_range(&mut class, first, last);
        }
    }
    if let Some(first) = start {
        push_range(&mut class, first, last);
    }
    class
}

fn push_range(class: &mut String, first: char, last: char) {
    // Written as `\uXXXX` escapes where they fit, so the pattern reads the same in every
    // regular-expression dialect; above the BMP as the characters themselves.
    let one = |c: char| {
        if (c as u32) <= 0xFFFF {
            format!("\\u{:04X}", c as u32)
        } else {
            c.to_string()
        }
    };
    class.push_str(&one(first));
    if last != first {
        class.push('-');
        class.push_str(&one(last));
    }
}

/// The pattern of a text the parsers accept: no hidden character (except `allowed`), and, when
/// `required`, at least one character that is not white space (they trim, and a blank value is
/// a missing one).
fn text_pattern(allowed: &[char], required: bool) -> String {
    let class = hidden_class(allowed);
    if required {
        format!("^[^{class}]*[^{class}\\s][^{class}]*$")
    } else {
        format!("^[^{class}]*$")
    }
}

/// What a field must be.
enum Spec {
    /// One line (`clean_line`): trimmed, at most `max` characters.
    Line { max: usize, required: bool },
    /// Free text (`clean_text`): line breaks and tabs allowed, at most `max` characters.
    Text { max: usize, required: bool },
    /// Any other string schema (a pattern, an enum, lengths).
    Str { schema: Value, required: bool },
    /// An integer within bounds.
    Int { min: i64, max: i64, required: bool },
    /// An array (the field keeps utoipa's items) of `min` to `max` items.
    Array { min: usize, max: Option<usize> },
}

fn line(max: usize) -> Spec {
    Spec::Line {
        max,
        required: true,
    }
}

fn text(max: usize) -> Spec {
    Spec::Text {
        max,
        required: true,
    }
}

fn optional_text(max: usize) -> Spec {
    Spec::Text {
        max,
        required: false,
    }
}

fn required_str(schema: Value) -> Spec {
    Spec::Str {
        schema,
        required: true,
    }
}

/// `YYYY-MM-DD` as `Date::parse` reads it, within `FIRST_INPUT_YEAR..=LAST_INPUT_YEAR`. The
/// days stop at 28 so that every date the pattern allows exists (a narrower pattern than the
/// parser's, never a wider one).
fn date_schema() -> Value {
    json!({ "type": "string", "pattern": format!("^{}-{}$", year_pattern(), MONTH_DAY) })
}

const MONTH_DAY: &str = "(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])";

/// The years `FIRST_INPUT_YEAR..=LAST_INPUT_YEAR` as an alternation of centuries (and the
/// partial first and last ones year by year).
fn year_pattern() -> String {
    let years: Vec<String> = (FIRST_INPUT_YEAR..=LAST_INPUT_YEAR)
        .map(|y| format!("{y:04}"))
        .collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let year: i32 = years[i].parse().unwrap_or_default();
        if year % 100 == 0 && year + 99 <= LAST_INPUT_YEAR {
            parts.push(format!("{:02}[0-9]{{2}}", year / 100));
            i += 100;
        } else {
            parts.push(years[i].clone());
            i += 1;
        }
    }
    format!("({})", parts.join("|"))
}

/// `HH:MM` as `SlotTime::parse` reads it (00:00–23:59; it also takes 24:00).
fn time_schema() -> Value {
    json!({ "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$" })
}

/// A mainland mobile number in the form `MobileNumber::parse` keeps (it also takes `+86`,
/// spaces and hyphens): 11 digits, `1`, then `3`–`9`.
fn mobile_schema() -> Value {
    json!({ "type": "string", "pattern": "^1[3-9][0-9]{9}$" })
}

/// A phone number in forms `parse_phone` reads (it also takes spaces, brackets, `+86` and
/// extensions written out): a landline with its area code and an optional extension, a mobile
/// number, a 400/800 line.
fn phone_schema() -> Value {
    blank_or(json!({
        "type": "string",
        "pattern": "^(0[1-9][0-9]{1,2}-[0-9]{7,8}(-[0-9]{1,6})?|1[3-9][0-9]{9}|[48]00-?[0-9]{3}-?[0-9]{4})$",
    }))
}

/// `schema`, or an empty string (a blank optional field is an absent one).
fn blank_or(schema: Value) -> Value {
    json!({ "type": "string", "anyOf": [{ "maxLength": 0 }, schema] })
}

/// A booking reference as `BookingReference::parse` reads it: `REFERENCE_CHARS` characters of
/// `REFERENCE_ALPHABET`, in either case, with one optional hyphen in the middle.
fn reference_body() -> String {
    let alphabet = std::str::from_utf8(REFERENCE_ALPHABET).unwrap_or_default();
    let class = format!("[{alphabet}{}]", alphabet.to_ascii_lowercase());
    let half = REFERENCE_CHARS / 2;
    format!("{class}{{{half}}}-?{class}{{{}}}", REFERENCE_CHARS - half)
}

fn booking_reference_schema() -> Value {
    json!({ "type": "string", "pattern": format!("^{}$", reference_body()) })
}

/// `WQ-K7QX-M2PD`: `AssistanceReference::parse` takes the prefix or leaves it out.
fn assistance_reference_schema() -> Value {
    let prefix = portal_domain::reference::AssistanceReference::PREFIX;
    json!({ "type": "string", "pattern": format!("^({prefix}-?)?{}$", reference_body()) })
}

/// `check_username`: `a-z 0-9 . _ -`, at most `MAX_USERNAME_CHARS`, after trimming and
/// lower-casing (so capitals and surrounding spaces are accepted too).
fn username_schema() -> Value {
    json!({
        "type": "string",
        "pattern": format!("^\\s*[A-Za-z0-9._-]{{1,{}}}\\s*$", staff::MAX_USERNAME_CHARS),
    })
}

/// A 统一社会信用代码 in the form `Uscc::parse` keeps: 18 characters of its alphabet, the 3rd to
/// 8th digits (the division code); `city` narrows the division to 南通's (`3206…`). The check
/// character is beyond a pattern.
fn uscc_schema(city: bool) -> Value {
    let c = "[0-9A-HJ-NP-RTUWXY]";
    let division = if city {
        format!("{}[0-9]{{2}}", firm::CITY_DIVISION_PREFIX)
    } else {
        "[0-9]{6}".to_owned()
    };
    json!({ "type": "string", "pattern": format!("^{c}{{2}}{division}{c}{{10}}$") })
}

fn password_schema() -> Value {
    json!({
        "type": "string",
        "minLength": staff::MIN_PASSWORD_CHARS,
        "maxLength": staff::MAX_PASSWORD_CHARS,
    })
}

fn spec_schema(spec: &Spec) -> (Map<String, Value>, bool) {
    let (value, required) = match spec {
        Spec::Line { max, required } => (
            json!({
                "type": "string",
                "maxLength": max,
                "pattern": text_pattern(&[], *required),
            }),
            *required,
        ),
        Spec::Text { max, required } => (
            json!({
                "type": "string",
                "maxLength": max,
                "pattern": text_pattern(&['\n', '\t'], *required),
            }),
            *required,
        ),
        Spec::Str { schema, required } => (schema.clone(), *required),
        Spec::Int { min, max, required } => (
            json!({ "type": "integer", "minimum": min, "maximum": max }),
            *required,
        ),
        Spec::Array { min, max } => {
            let mut schema = json!({ "type": "array", "minItems": min });
            if let Some(max) = max {
                schema["maxItems"] = json!(max);
            }
            (schema, true)
        }
    };
    let Value::Object(mut map) = value else {
        unreachable!("every spec is an object")
    };
    if !required {
        // Absent and `null` are the same to the parsers.
        if let Some(Value::String(kind)) = map.get("type").cloned() {
            map.insert("type".into(), json!([kind, "null"]));
        }
    }
    (map, required)
}

pub(super) fn object_schema<'a>(doc: &'a mut Value, name: &str) -> &'a mut Map<String, Value> {
    doc.pointer_mut(&format!("/components/schemas/{name}"))
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("openapi: no schema {name}"))
}

/// Replaces `field` of schema `name` by `spec` (keeping its description) and lists it as
/// required if it is.
fn set_field(doc: &mut Value, name: &str, field: &str, spec: Spec) {
    let (patch, required) = spec_schema(&spec);
    let schema = object_schema(doc, name);
    let property = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut(field))
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("openapi: no field {name}.{field}"));
    let description = property.get("description").cloned();
    let keep_items = matches!(spec, Spec::Array { .. });
    if !keep_items {
        property.clear();
    }
    property.remove("default");
    property.extend(patch);
    if let Some(description) = description {
        property.insert("description".into(), description);
    }
    if required {
        let list = schema
            .entry("required")
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .unwrap_or_else(|| panic!("openapi: {name}.required is not a list"));
        if !list.iter().any(|v| v == field) {
            list.push(json!(field));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

pub(super) fn operation<'a>(
    doc: &'a mut Value,
    method: &str,
    path: &str,
) -> &'a mut Map<String, Value> {
    doc.get_mut("paths")
        .and_then(|p| p.get_mut(path))
        .and_then(|p| p.get_mut(method))
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("openapi: no operation {method} {path}"))
}

fn set_parameter(doc: &mut Value, method: &str, path: &str, name: &str, spec: Spec) {
    let (mut schema, required) = spec_schema(&spec);
    // A query parameter is absent or a string; `null` is a body's way of saying absent.
    if let Some(Value::Array(kinds)) = schema.get("type").cloned() {
        schema.insert("type".into(), kinds[0].clone());
    }
    let parameter = operation(doc, method, path)
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
        .and_then(|list| list.iter_mut().find(|p| p["name"] == name))
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("openapi: no parameter {name} of {method} {path}"));
    parameter.insert("required".into(), json!(required));
    parameter.insert("schema".into(), Value::Object(schema));
}

fn parameters(doc: &mut Value) {
    let venue = || {
        required_str(
            json!({ "type": "string", "minLength": 1, "maxLength": booking::MAX_ID_CHARS }),
        )
    };
    // Both are needed; which ids exist is the data's (the topics and venues lists).
    let availability = paths::BOOKING_AVAILABILITY;
    set_parameter(doc, "get", availability, "venue", venue());
    set_parameter(doc, "get", availability, "topic", venue());
    set_parameter(doc, "get", paths::STAFF_SLOTS, "venue", venue());
    set_parameter(
        doc,
        "get",
        paths::STAFF_SLOTS,
        "date",
        required_str(date_schema()),
    );
    // An empty date is today's list.
    set_parameter(
        doc,
        "get",
        paths::STAFF_BOOKINGS,
        "date",
        optional_str(json!({ "type": "string", "anyOf": [{ "maxLength": 0 }, date_schema()] })),
    );
    // Pages are `u32` (utoipa says int32, which is narrower); a page beyond the end is empty
    // and `per_page` above `MAX_PER_PAGE` is cut to it.
    for path in [paths::STAFF_AUDIT, paths::STAFF_CASES, paths::STAFF_RATINGS] {
        for name in ["page", "per_page"] {
            let schema = json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX });
            set_parameter(doc, "get", path, name, optional_str(schema));
        }
    }
    // Filters: empty is the default; otherwise one of the codes the parsers know.
    let with_empty = |codes: Vec<&str>| {
        let mut all = vec![""];
        all.extend(codes);
        optional_str(json!({ "type": "string", "enum": all }))
    };
    let mut statuses = vec!["open", "all"];
    statuses.extend(RequestStatus::ALL.iter().map(|s| s.code()));
    set_parameter(
        doc,
        "get",
        paths::STAFF_CASES,
        "status",
        with_empty(statuses),
    );
    // `staff::cases::list_cases` reads `overdue` so.
    set_parameter(
        doc,
        "get",
        paths::STAFF_CASES,
        "overdue",
        with_empty(vec!["true", "false", "1", "0"]),
    );
    // A reference as `AssistanceReference::read` takes it, or empty for any case.
    set_parameter(
        doc,
        "get",
        paths::STAFF_CASES,
        "reference",
        optional_str(json!({
            "type": "string",
            "anyOf": [{ "maxLength": 0 }, assistance_reference_schema()],
        })),
    );
    set_parameter(
        doc,
        "get",
        paths::STAFF_RATINGS,
        "follow_up",
        with_empty(FollowUp::ALL.iter().map(|f| f.code()).collect()),
    );
    search_parameters(doc);
    // `crate::idempotency::key`: 1 to `MAX_KEY_CHARS` printable ASCII characters (trimmed).
    let key = json!({
        "type": "string",
        "pattern": format!("^[!-~]{{1,{}}}$", crate::idempotency::MAX_KEY_CHARS),
    });
    for (method, path) in [
        ("post", paths::BOOKINGS),
        ("post", paths::ASSISTANCE_DRAFT_SUBMIT),
        ("post", paths::STAFF_CASE_MESSAGES),
        ("post", paths::STAFF_CASE_NOTES),
        ("post", paths::STAFF_SLOT_SEATS),
    ] {
        set_parameter(
            doc,
            method,
            path,
            "Idempotency-Key",
            required_str(key.clone()),
        );
    }
    // What a registration's file is (`Material::from_code`).
    set_parameter(
        doc,
        "post",
        paths::FIRM_REGISTRATION_FILES,
        "purpose",
        required_str(json!({
            "type": "string",
            "enum": firm::registration::Material::ALL.iter().map(|m| m.code()).collect::<Vec<_>>(),
        })),
    );
    // What a pre-examination request's file is (`Document::from_code`); the queue's filters.
    set_parameter(
        doc,
        "post",
        paths::FIRM_PRE_EXAM_FILES,
        "document",
        required_str(json!({
            "type": "string",
            "enum": firm::pre_exam::Document::ALL.iter().map(|d| d.code()).collect::<Vec<_>>(),
        })),
    );
    set_parameter(
        doc,
        "get",
        paths::STAFF_PRE_EXAMS,
        "status",
        with_empty(
            firm::pre_exam::PreExamStatus::ALL
                .iter()
                .map(|s| s.code())
                .collect(),
        ),
    );
    set_parameter(
        doc,
        "get",
        paths::STAFF_PRE_EXAMS,
        "due",
        with_empty(vec!["near", "overdue"]),
    );
    set_parameter(
        doc,
        "get",
        paths::VENUES,
        "kind",
        with_empty(VenueKind::ALL.iter().map(|k| k.as_str()).collect()),
    );
}

/// The GI lookup and the policy library (`GiSearch::parse`, `PolicyFilter::parse`,
/// `PolicySearch::parse`): one-line texts, numbers within bounds, fixed lists. Whether a
/// region or document exists is the server's check against the data, and a GI `city` needs a
/// `province`: the document cannot say either.
fn search_parameters(doc: &mut Value) {
    let optional_line = |max: usize| Spec::Line {
        max,
        required: false,
    };
    // A whole number in bounds, or empty (absent).
    let number = |min: u32, max: u32| {
        optional_str(json!({
            "anyOf": [
                { "type": "string", "maxLength": 0 },
                { "type": "integer", "minimum": min, "maximum": max },
            ],
        }))
    };
    for path in [paths::GI_PRODUCTS, paths::GI_PRODUCTS_CSV] {
        set_parameter(doc, "get", path, "q", optional_line(gi::MAX_QUERY_CHARS));
        for name in ["province", "city", "category", "gi_type"] {
            set_parameter(doc, "get", path, name, optional_line(gi::MAX_FILTER_CHARS));
        }
        for name in ["year_from", "year_to"] {
            let years = number(gi::MIN_YEAR.into(), gi::MAX_YEAR.into());
            set_parameter(doc, "get", path, name, years);
        }
        set_parameter(doc, "get", path, "page", number(1, gi::MAX_PAGE));
        set_parameter(doc, "get", path, "page_size", number(1, gi::MAX_PAGE_SIZE));
    }
    let topics = || {
        let mut all = vec![""];
        all.extend(policies::POLICY_TOPICS);
        optional_str(json!({ "type": "string", "enum": all }))
    };
    let mut kinds = vec![""];
    kinds.extend(policies::PolicyKind::ALL.iter().map(|k| k.as_str()));
    let list = paths::POLICIES;
    set_parameter(
        doc,
        "get",
        list,
        "region",
        optional_line(policies::MAX_POLICY_FILTER_CHARS),
    );
    set_parameter(
        doc,
        "get",
        list,
        "kind",
        optional_str(json!({ "type": "string", "enum": kinds })),
    );
    set_parameter(doc, "get", list, "topic", topics());
    let search = paths::POLICY_SEARCH;
    set_parameter(
        doc,
        "get",
        search,
        "q",
        line(policies::MAX_POLICY_QUERY_CHARS),
    );
    set_parameter(doc, "get", search, "topic", topics());
}

/// A query string the `Query` extractor cannot read (a parameter twice, say) is answered 400
/// `bad_request` by every operation that takes one (`crate::extract::Query`).
fn unreadable_query(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for op in paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
    {
        let takes_query = op["parameters"]
            .as_array()
            .is_some_and(|list| list.iter().any(|p| p["in"] == "query"));
        if !takes_query {
            continue;
        }
        if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
            responses.entry("400").or_insert_with(|| {
                json!({
                    "description": "`bad_request`: the query string could not be read",
                    "content": { "application/json": {
                        "schema": { "$ref": "#/components/schemas/ApiErrorBody" },
                    } },
                })
            });
        }
    }
}

fn optional_str(schema: Value) -> Spec {
    Spec::Str {
        schema,
        required: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_patch_finds_its_target() {
        // `document` panics on a schema, field, operation or parameter that is not there.
        let doc = super::super::document();
        assert!(doc["components"]["securitySchemes"]["staff_session"].is_object());
    }

    #[test]
    fn the_hidden_class_is_computed_from_is_hidden() {
        let class = hidden_class(&[]);
        assert!(class.starts_with("\\u0000-\\u001F"), "{class}");
        assert!(class.contains("\\u2066-\\u206F"), "{class}");
        assert!(!hidden_class(&['\n', '\t']).contains("\\u0000-\\u001F"));
    }

    #[test]
    fn years_cover_exactly_the_input_range() {
        let pattern = year_pattern();
        let mut years = Vec::new();
        for part in pattern.trim_matches(['(', ')']).split('|') {
            match part.strip_suffix("[0-9]{2}") {
                Some(century) => {
                    let century: i32 = century.parse().unwrap();
                    years.extend(century * 100..century * 100 + 100);
                }
                None => years.push(part.parse().unwrap()),
            }
        }
        assert_eq!(
            years,
            (FIRST_INPUT_YEAR..=LAST_INPUT_YEAR).collect::<Vec<_>>()
        );
    }

    #[test]
    fn shapes_the_pattern_allows_are_what_the_parsers_accept() {
        use portal_domain::ids::MobileNumber;
        use portal_domain::reference::BookingReference;
        for reference in ["K7QX-M2PD", "k7qxm2pd", "ZZZZ2222"] {
            assert!(BookingReference::parse(reference).is_ok(), "{reference}");
        }
        for mobile in ["13800138000", "19912345678"] {
            assert!(MobileNumber::parse(mobile).is_ok(), "{mobile}");
        }
        for phone in [
            "0513-85123456",
            "010-1234567-123456",
            "13800138000",
            "400-123-4567",
            "8001234567",
        ] {
            assert!(
                portal_domain::api::admin::parse_phone(phone).is_some(),
                "{phone}"
            );
        }
        for date in ["1900-01-01", "2999-12-28"] {
            assert!(portal_domain::calendar::Date::parse(date).is_ok(), "{date}");
        }
    }
}
