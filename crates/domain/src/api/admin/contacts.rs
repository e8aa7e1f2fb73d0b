//! Venue contacts (issue #18): the address, phone, opening hours and map link of every venue of
//! the service network, as administrators enter them and the citizen pages show them.
//!
//! | method and path (under `/api/v1/staff`) | who | body → answer |
//! | --- | --- | --- |
//! | `GET /admin/venue-contacts` | administrator | → [`AdminVenueContactsList`] |
//! | `PUT /admin/venues/{id}/contacts` | administrator | [`VenueContactsUpdate`] → [`AdminVenueContacts`] |
//!
//! Every venue of `GET /api/v1/venues` is listed (not only the ones where consultations are
//! booked). A blank field clears it; nothing is ever filled in for the administrator.

use serde::{Deserialize, Serialize};

use super::phone::{parse_phone, MAX_PHONE_CHARS};
use crate::api::site_errors::{SiteError, SiteProblems};
use crate::api::{VenueContacts, VenueKind, VenueStatus};
use crate::text::{clean_line, clean_text, is_hidden};

pub const MAX_ADDRESS_CHARS: usize = 200;
pub const MAX_HOURS_CHARS: usize = 300;
pub const MAX_MAP_URL_CHARS: usize = 500;

/// A venue of the service network with its contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminVenueContacts {
    pub id: String,
    pub kind: VenueKind,
    pub status: VenueStatus,
    pub name_zh: String,
    pub name_en: String,
    pub contacts: VenueContacts,
}

/// `GET /api/v1/staff/admin/venue-contacts`: every venue, in the center's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminVenueContactsList {
    pub items: Vec<AdminVenueContacts>,
}

/// The body of `PUT /api/v1/staff/admin/venues/{id}/contacts`: the contacts that replace the
/// venue's. Absent or blank: not known (cleared).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct VenueContactsUpdate {
    /// One line, at most 200 characters.
    pub address: Option<String>,
    /// A mainland landline with its area code (an extension allowed), a mobile number or a
    /// 400/800 line; at most 40 characters.
    pub phone: Option<String>,
    /// Free text (line breaks kept), at most 300 characters.
    pub opening_hours: Option<String>,
    /// `https://` and a host name, no spaces, at most 500 characters.
    pub map_url: Option<String>,
}

impl VenueContactsUpdate {
    /// Every problem at once (fields `address`, `phone`, `opening_hours`, `map_url`).
    pub fn parse(&self) -> Result<VenueContacts, SiteProblems> {
        let mut problems = SiteProblems::new();
        let mut keep = |field: &str, checked: Result<Option<String>, SiteError>| {
            checked
                .map_err(|e| problems.push((field.to_owned(), e)))
                .ok()
                .flatten()
        };
        let contacts = VenueContacts {
            address: keep(
                "address",
                clean_line(self.address.as_deref(), MAX_ADDRESS_CHARS)
                    .map_err(|p| SiteError::from_text(p, MAX_ADDRESS_CHARS)),
            ),
            phone: keep("phone", check_phone(self.phone.as_deref())),
            opening_hours: keep(
                "opening_hours",
                clean_text(self.opening_hours.as_deref(), MAX_HOURS_CHARS)
                    .map_err(|p| SiteError::from_text(p, MAX_HOURS_CHARS)),
            ),
            map_url: keep("map_url", check_map_url(self.map_url.as_deref())),
        };
        if problems.is_empty() {
            Ok(contacts)
        } else {
            Err(problems)
        }
    }
}

fn check_phone(input: Option<&str>) -> Result<Option<String>, SiteError> {
    let line = clean_line(input, MAX_PHONE_CHARS).map_err(|_| SiteError::PhoneInvalid)?;
    match line {
        None => Ok(None),
        Some(phone) if parse_phone(&phone).is_some() => Ok(Some(phone)),
        Some(_) => Err(SiteError::PhoneInvalid),
    }
}

/// `https://`, a host name of letters, digits, hyphens and dots (at least one dot), then
/// anything but white space and hidden characters.
fn check_map_url(input: Option<&str>) -> Result<Option<String>, SiteError> {
    let Some(url) = input.map(str::trim).filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    let ok = || {
        let rest = url
            .get(..8)?
            .eq_ignore_ascii_case("https://")
            .then(|| &url[8..])?;
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = &rest[..host_end];
        let labels_ok = host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
        (labels_ok
            && host.contains('.')
            && url.chars().count() <= MAX_MAP_URL_CHARS
            && !url.chars().any(|c| c.is_whitespace() || is_hidden(c)))
        .then_some(())
    };
    ok().map(|()| Some(url.to_owned()))
        .ok_or(SiteError::MapUrlInvalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(update: &VenueContactsUpdate) -> Vec<(String, &'static str)> {
        use crate::Localized;
        match update.parse() {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|(f, e)| (f, e.code())).collect(),
        }
    }

    #[test]
    fn contacts_are_cleaned_and_blanks_clear() {
        let update = VenueContactsUpdate {
            address: Some("  南通市崇川区  工农路 1 号 ".into()),
            phone: Some("0513-85123456 转 8001".into()),
            opening_hours: Some("工作日 9:00–12:00\r\n13:30–17:00\n".into()),
            map_url: Some(" https://uri.amap.com/marker?position=120.9,32.0&name=中心 ".into()),
        };
        let contacts = update.parse().unwrap();
        assert_eq!(
            contacts.address.as_deref(),
            Some("南通市崇川区 工农路 1 号")
        );
        assert_eq!(
            contacts.opening_hours.as_deref(),
            Some("工作日 9:00–12:00\n13:30–17:00")
        );
        assert!(contacts.map_url.unwrap().ends_with("name=中心"));
        let blank = VenueContactsUpdate {
            address: Some("  ".into()),
            ..Default::default()
        };
        assert!(blank.parse().unwrap().is_empty());
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = VenueContactsUpdate {
            address: Some("地".repeat(MAX_ADDRESS_CHARS + 1)),
            phone: Some("ring us".into()),
            opening_hours: Some("9:00\u{202E}".into()),
            map_url: Some("http://map.example.cn/x".into()),
        };
        assert_eq!(
            fields(&bad),
            [
                ("address".to_owned(), "admin.too_long"),
                ("phone".to_owned(), "admin.phone_invalid"),
                ("opening_hours".to_owned(), "admin.control_character"),
                ("map_url".to_owned(), "admin.map_url_invalid"),
            ]
        );
        for url in [
            "https://",
            "https://localhost/",
            "https://a..cn/",
            "https://-a.cn",
            "https://user@map.cn/",
            "https://map.cn/a b",
            "javascript:alert(1)",
            "ftp://map.cn",
        ] {
            assert_eq!(
                check_map_url(Some(url)),
                Err(SiteError::MapUrlInvalid),
                "{url}"
            );
        }
        assert!(check_map_url(Some("HTTPS://j.map.baidu.com/5e/abc")).is_ok());
    }
}
