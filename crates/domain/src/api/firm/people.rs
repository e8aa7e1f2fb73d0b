//! A firm's people: the first person (who signed the firm up) adds colleagues, each with their
//! own sign-in; a colleague's first password and a forgotten one are set through a one-time
//! link ([`PasswordLink`]) — made by the first person for a colleague, or by the center's staff
//! after checking at the counter or by phone who is asking (no e-mail or SMS is needed).

use serde::{Deserialize, Serialize};

use super::errors::FirmError;
use super::{Problems, MAX_PERSON_NAME_CHARS};
use crate::api::staff::check_password;
use crate::ids::MobileNumber;
use crate::text::{clean_line, TextProblem};

/// How long a password link works (it works once).
pub const PASSWORD_LINK_SECS: i64 = 72 * 60 * 60;
/// The page a password link opens, with the token in place of `{token}`.
pub const PASSWORD_PAGE: &str = "/fast-track/password/{token}";

/// One of a firm's people, as the firm's people and the center's staff see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    pub id: i64,
    pub name: String,
    /// `138****5678`.
    pub mobile_masked: String,
    /// Signed the firm up; adds colleagues.
    pub first: bool,
    /// Has set a password and may sign in.
    pub password_set: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeopleList {
    pub items: Vec<Person>,
}

/// The body of `POST /api/v1/firm/people` (the first person adds a colleague).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NewColleague {
    pub name: Option<String>,
    /// What the colleague signs in with, with the firm's code.
    pub mobile: Option<String>,
}

impl NewColleague {
    pub fn parse(&self) -> Result<(String, MobileNumber), Problems> {
        let mut problems = Problems::new();
        let name = match clean_line(self.name.as_deref(), MAX_PERSON_NAME_CHARS) {
            Ok(Some(name)) => Some(name),
            Ok(None) => {
                problems.push(("name", FirmError::ContactNameMissing));
                None
            }
            Err(TextProblem::TooLong) => {
                problems.push(("name", FirmError::ContactNameTooLong));
                None
            }
            Err(TextProblem::Control) => {
                problems.push(("name", FirmError::ControlCharacter));
                None
            }
        };
        let mobile = MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("mobile", FirmError::Mobile(e))))
            .ok();
        match (name, mobile) {
            (Some(name), Some(mobile)) if problems.is_empty() => Ok((name, mobile)),
            _ => Err(problems),
        }
    }
}

/// A one-time link that sets a person's password: hand it to that person only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordLink {
    /// The page to open: [`PASSWORD_PAGE`] with the token.
    pub path: String,
    /// RFC 3339, +08:00: the link stops working then (or once used).
    pub expires_at: String,
}

/// The answer to adding a colleague: who was added and the link that sets their password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ColleagueAdded {
    pub person: Person,
    pub link: PasswordLink,
}

/// The body of `POST /api/v1/firm/password/{token}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SetPasswordRequest {
    /// At least 12 characters, at most 200.
    pub password: Option<String>,
}

impl SetPasswordRequest {
    pub fn parse(&self) -> Result<String, Problems> {
        match self.password.as_deref().unwrap_or("") {
            "" => Err(vec![("password", FirmError::PasswordMissing)]),
            typed => check_password(typed).map_err(|e| vec![("password", FirmError::Password(e))]),
        }
    }
}

/// A firm as the center's staff find it (`GET /api/v1/staff/firms?uscc=`), to make a password
/// link for one of its people once they have checked who is asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffFirmView {
    pub uscc: String,
    pub name: String,
    pub people: Vec<Person>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Localized;

    #[test]
    fn a_colleague_needs_a_name_and_a_mobile_number() {
        let colleague = NewColleague {
            name: Some(" 李 雷 ".into()),
            mobile: Some("139 0000 1111".into()),
        };
        let (name, mobile) = colleague.parse().unwrap();
        assert_eq!(name, "李 雷");
        assert_eq!(mobile.as_str(), "13900001111");
        let problems = NewColleague::default().parse().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["name", "mobile"]);
    }

    #[test]
    fn a_new_password_follows_the_staff_rules() {
        let request = |p: &str| SetPasswordRequest {
            password: Some(p.into()),
        };
        assert!(request("a long enough password").parse().is_ok());
        assert_eq!(
            request("short").parse().unwrap_err()[0].1.code(),
            "staff.password_too_short"
        );
        assert_eq!(
            SetPasswordRequest::default().parse().unwrap_err()[0].1,
            FirmError::PasswordMissing
        );
    }
}
