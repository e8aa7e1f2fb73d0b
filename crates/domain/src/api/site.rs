//! Who runs this site and how to reach the center (issue #18): the footer every Chinese
//! government website carries — 主办单位, 网站标识码, ICP 备案号 and 公安备案号 — and the
//! center's contacts. Administrator data: each stays empty, and is shown nowhere, until an
//! administrator enters it (the numbers are issued to the center, never made up here).
//!
//! | method and path (under `/api/v1`) | who | body → answer |
//! | --- | --- | --- |
//! | `GET /site` | anyone (every app's footer; cacheable for a minute) | → [`SiteInfo`] |
//! | `GET /staff/admin/site` | administrator | → [`SiteFooter`] |
//! | `PUT /staff/admin/site` | administrator | [`SiteFooterUpdate`] → [`SiteFooter`] |
//!
//! The ICP number links to the MIIT filing system (`https://beian.miit.gov.cn/`) and the public
//! security number to the MPS one with its 14-digit code, the links the filing rules ask for.

use serde::{Deserialize, Serialize};

use super::site_errors::{SiteError, SiteProblems};
use super::VenueContacts;
use crate::text::clean_line;

pub const MAX_HOST_CHARS: usize = 100;
pub const MAX_FILING_CHARS: usize = 40;
pub const WEBSITE_CODE_CHARS: usize = 10;
/// Where an ICP 备案号 links to (MIIT's filing system).
pub const ICP_HREF: &str = "https://beian.miit.gov.cn/";

/// The footer's administrator data; each `None` until entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SiteFooter {
    /// 主办单位, e.g. 南通市知识产权保护中心.
    pub host_organisation: Option<String>,
    /// 网站标识码: 10 letters or digits (e.g. a division code and a serial number).
    pub website_code: Option<String>,
    /// ICP 备案号, e.g. `苏ICP备12345678号-1`.
    pub icp_number: Option<String>,
    /// 公安备案号, e.g. `苏公网安备 32060202000000号` (14 digits).
    pub public_security_number: Option<String>,
}

impl SiteFooter {
    /// Nothing entered: the footer shows none of it.
    pub fn is_empty(&self) -> bool {
        self.host_organisation.is_none()
            && self.website_code.is_none()
            && self.icp_number.is_none()
            && self.public_security_number.is_none()
    }
}

/// The center, named, with its contacts (where any were entered).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterContacts {
    pub name_zh: String,
    pub name_en: String,
    pub contacts: VenueContacts,
}

/// `GET /api/v1/site`: the footer's fields and the center's contacts in one flat object, so
/// that every app's footer reads it as a [`SiteFooter`] (the other field ignored) and only the
/// apps that show the center's contacts read [`SiteCenter`]. (The footers read the fields by
/// name, without a type: the fast track's apps are close to their size budget.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteInfo {
    #[serde(flatten)]
    pub footer: SiteFooter,
    /// Where the 公安备案号 links to ([`public_security_href`]), so the footers need not work
    /// it out.
    pub public_security_href: Option<String>,
    /// The city's center (the service network's `center`), `None` until some of its contacts
    /// are entered: "contact the center" pages show these.
    pub center: Option<CenterContacts>,
}

/// The center's part of `GET /api/v1/site`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SiteCenter {
    pub center: Option<CenterContacts>,
}

/// The body of `PUT /api/v1/staff/admin/site`: the footer that replaces the current one.
/// Absent or blank: not shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SiteFooterUpdate {
    /// One line, at most 100 characters.
    pub host_organisation: Option<String>,
    /// 10 letters or digits.
    pub website_code: Option<String>,
    /// Holds `ICP备` and a number, at most 40 characters.
    pub icp_number: Option<String>,
    /// Holds `公网安备` and its 14-digit code, at most 40 characters.
    pub public_security_number: Option<String>,
}

impl SiteFooterUpdate {
    /// Every problem at once (fields named as in the body).
    pub fn parse(&self) -> Result<SiteFooter, SiteProblems> {
        let mut problems = SiteProblems::new();
        let mut keep =
            |field: &str, value: &Option<String>, max: usize, ok: fn(&str) -> bool, bad| {
                match clean_line(value.as_deref(), max) {
                    Ok(None) => None,
                    Ok(Some(v)) if ok(&v) => Some(v),
                    Ok(Some(_)) => {
                        problems.push((field.to_owned(), bad));
                        None
                    }
                    Err(p) => {
                        problems.push((field.to_owned(), SiteError::from_text(p, max)));
                        None
                    }
                }
            };
        let footer = SiteFooter {
            host_organisation: keep(
                "host_organisation",
                &self.host_organisation,
                MAX_HOST_CHARS,
                |_| true,
                SiteError::ControlCharacter,
            ),
            website_code: keep(
                "website_code",
                &self.website_code,
                WEBSITE_CODE_CHARS,
                |v| v.len() == WEBSITE_CODE_CHARS && v.bytes().all(|b| b.is_ascii_alphanumeric()),
                SiteError::WebsiteCodeInvalid,
            ),
            icp_number: keep(
                "icp_number",
                &self.icp_number,
                MAX_FILING_CHARS,
                |v| v.contains("ICP备") && v.bytes().any(|b| b.is_ascii_digit()),
                SiteError::IcpNumberInvalid,
            ),
            public_security_number: keep(
                "public_security_number",
                &self.public_security_number,
                MAX_FILING_CHARS,
                |v| v.contains("公网安备") && public_security_code(v).is_some(),
                SiteError::PublicSecurityNumberInvalid,
            ),
        };
        if problems.is_empty() {
            Ok(footer)
        } else {
            Err(problems)
        }
    }
}

/// The 14-digit code of a 公安备案号 (its only run of digits).
fn public_security_code(number: &str) -> Option<&str> {
    let mut runs = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty());
    let code = runs.next()?;
    (code.len() == 14 && runs.next().is_none()).then_some(code)
}

/// Where a 公安备案号 links to: the MPS filing system's record of its code.
pub fn public_security_href(number: &str) -> Option<String> {
    public_security_code(number)
        .map(|code| format!("https://beian.mps.gov.cn/#/query/webSearch?code={code}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Localized;

    #[test]
    fn footer_numbers_are_checked_and_blanks_stay_empty() {
        let update = SiteFooterUpdate {
            host_organisation: Some(" 南通市知识产权保护中心 ".into()),
            website_code: Some("3206000001".into()),
            icp_number: Some("苏ICP备00000000号-1".into()),
            public_security_number: Some("苏公网安备 32060200000000号".into()),
        };
        let footer = update.parse().unwrap();
        assert_eq!(
            footer.host_organisation.as_deref(),
            Some("南通市知识产权保护中心")
        );
        assert_eq!(
            public_security_href(footer.public_security_number.as_deref().unwrap()).as_deref(),
            Some("https://beian.mps.gov.cn/#/query/webSearch?code=32060200000000")
        );
        assert_eq!(
            SiteFooterUpdate::default().parse(),
            Ok(SiteFooter::default())
        );

        let bad = SiteFooterUpdate {
            host_organisation: Some("中".repeat(MAX_HOST_CHARS + 1)),
            website_code: Some("320600000".into()),
            icp_number: Some("12345678".into()),
            public_security_number: Some("苏公网安备 3206020000000号".into()),
        };
        let codes: Vec<(String, &str)> = bad
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|(f, e)| (f, e.code()))
            .collect();
        assert_eq!(
            codes,
            [
                ("host_organisation".to_owned(), "admin.too_long"),
                ("website_code".to_owned(), "admin.website_code_invalid"),
                ("icp_number".to_owned(), "admin.icp_number_invalid"),
                (
                    "public_security_number".to_owned(),
                    "admin.public_security_number_invalid"
                ),
            ]
        );
    }
}
