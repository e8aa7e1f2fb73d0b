//! Signing a firm up and its people in: the request bodies, their checks and the session.

use serde::{Deserialize, Serialize};

use super::errors::FirmError;
use super::{Problems, CITY_DIVISION_PREFIX, MAX_FIRM_NAME_CHARS, MAX_PERSON_NAME_CHARS};
use crate::api::staff::check_password;
use crate::ids::{MobileNumber, Uscc};
use crate::text::{clean_line, TextProblem};

/// Whether the center serves a firm registered by the authority of this division code.
pub fn serves_division(division_code: &str) -> bool {
    division_code.starts_with(CITY_DIVISION_PREFIX)
}

/// The body of `POST /api/v1/firm/sign-up`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SignUpRequest {
    /// The firm's 统一社会信用代码 (18 characters, GB 32100 check character).
    pub uscc: Option<String>,
    /// The firm's registered name, as on the business licence.
    pub firm_name: Option<String>,
    /// The person signing up, who can then add colleagues.
    pub contact_name: Option<String>,
    /// Their mainland mobile number: with the code, what they sign in with.
    pub mobile: Option<String>,
    /// At least 12 characters, at most 200.
    pub password: Option<String>,
}

/// A sign-up that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFirm {
    pub uscc: Uscc,
    pub firm_name: String,
    pub contact_name: String,
    pub mobile: MobileNumber,
    pub password: String,
}

impl SignUpRequest {
    /// Every problem at once, each at its field; a firm registered outside the city is told so
    /// at `uscc`.
    pub fn parse(&self) -> Result<NewFirm, Problems> {
        let mut problems = Problems::new();
        let uscc = match Uscc::parse(self.uscc.as_deref().unwrap_or("")) {
            Ok(uscc) if serves_division(uscc.division_code()) => Some(uscc),
            Ok(_) => {
                problems.push(("uscc", FirmError::OutOfCity));
                None
            }
            Err(e) => {
                problems.push(("uscc", FirmError::Uscc(e)));
                None
            }
        };
        let firm_name = line(
            &self.firm_name,
            MAX_FIRM_NAME_CHARS,
            "firm_name",
            FirmError::FirmNameMissing,
            FirmError::FirmNameTooLong,
            &mut problems,
        );
        let contact_name = line(
            &self.contact_name,
            MAX_PERSON_NAME_CHARS,
            "contact_name",
            FirmError::ContactNameMissing,
            FirmError::ContactNameTooLong,
            &mut problems,
        );
        let mobile = MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("mobile", FirmError::Mobile(e))))
            .ok();
        let password = match self.password.as_deref().unwrap_or("") {
            "" => {
                problems.push(("password", FirmError::PasswordMissing));
                None
            }
            typed => check_password(typed)
                .map_err(|e| problems.push(("password", FirmError::Password(e))))
                .ok(),
        };
        match (uscc, firm_name, contact_name, mobile, password) {
            (Some(uscc), Some(firm_name), Some(contact_name), Some(mobile), Some(password))
                if problems.is_empty() =>
            {
                Ok(NewFirm {
                    uscc,
                    firm_name,
                    contact_name,
                    mobile,
                    password,
                })
            }
            _ => Err(problems),
        }
    }
}

fn line(
    value: &Option<String>,
    max: usize,
    field: &'static str,
    missing: FirmError,
    too_long: FirmError,
    problems: &mut Problems,
) -> Option<String> {
    match clean_line(value.as_deref(), max) {
        Ok(Some(text)) => Some(text),
        Ok(None) => {
            problems.push((field, missing));
            None
        }
        Err(TextProblem::TooLong) => {
            problems.push((field, too_long));
            None
        }
        Err(TextProblem::Control) => {
            problems.push((field, FirmError::ControlCharacter));
            None
        }
    }
}

/// The answer to a sign-up, the same whether or not the firm had an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpReceived {
    /// The code as given, masked (`91************341L`).
    pub uscc_masked: String,
}

/// The body of `POST /api/v1/firm/session`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SignInRequest {
    pub uscc: Option<String>,
    pub mobile: Option<String>,
    pub password: Option<String>,
}

/// A sign-in that names an account in the form accounts are kept in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn {
    pub uscc: Uscc,
    pub mobile: MobileNumber,
    pub password: String,
}

impl SignInRequest {
    /// A code or number that cannot be one is said at its field (that reveals no account);
    /// a wrong password is only a failed sign-in.
    pub fn parse(&self) -> Result<SignIn, Problems> {
        let mut problems = Problems::new();
        let uscc = Uscc::parse(self.uscc.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("uscc", FirmError::Uscc(e))))
            .ok();
        let mobile = MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("mobile", FirmError::Mobile(e))))
            .ok();
        let password = self.password.clone().unwrap_or_default();
        if password.is_empty() {
            problems.push(("password", FirmError::PasswordMissing));
        }
        match (uscc, mobile) {
            (Some(uscc), Some(mobile)) if problems.is_empty() => Ok(SignIn {
                uscc,
                mobile,
                password,
            }),
            _ => Err(problems),
        }
    }
}

/// The signed-in person of a firm: the answer of signing in and of `GET /api/v1/firm/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmSession {
    pub firm_name: String,
    /// `91************341L`.
    pub uscc_masked: String,
    pub person_name: String,
    /// `138****5678`.
    pub mobile_masked: String,
    /// The person who signed the firm up: adds colleagues.
    pub first: bool,
    /// Send it as `X-CSRF-Token` with every request that changes something.
    pub csrf_token: String,
    /// RFC 3339, +08:00: the session ends then at the latest; 30 minutes without a request
    /// end it sooner.
    pub expires_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UsccError;

    fn sign_up(uscc: &str) -> SignUpRequest {
        SignUpRequest {
            uscc: Some(uscc.into()),
            firm_name: Some(" 南通某某家纺有限公司 ".into()),
            contact_name: Some("王丽".into()),
            mobile: Some("138 1234 5678".into()),
            password: Some("a long enough password".into()),
        }
    }

    fn fields(problems: &Problems) -> Vec<&'static str> {
        problems.iter().map(|(field, _)| *field).collect()
    }

    #[test]
    fn a_firm_registered_in_the_city_signs_up() {
        let firm = sign_up("91320600MA1MB5GT0D").parse().expect("valid");
        assert_eq!(firm.firm_name, "南通某某家纺有限公司");
        assert_eq!(firm.uscc.division_code(), "320600");
        assert_eq!(String::from(firm.mobile), "13812345678");
        // A county of the city (海安 320621) is served too.
        assert!(sign_up("93320623MA1N1Q4H4Y").parse().is_ok());
    }

    #[test]
    fn a_firm_from_elsewhere_is_told_at_the_code() {
        let problems = sign_up("91110000600037341L").parse().unwrap_err();
        assert_eq!(problems, vec![("uscc", FirmError::OutOfCity)]);
        assert!(!serves_division("110000"));
        assert!(serves_division("320612"));
    }

    #[test]
    fn every_problem_is_said_at_once() {
        let request = SignUpRequest {
            uscc: Some("91320600MA1MB5GT0X".into()),
            firm_name: Some("  ".into()),
            contact_name: Some("名".repeat(MAX_PERSON_NAME_CHARS + 1)),
            mobile: Some("0513-1234567".into()),
            password: Some("short".into()),
        };
        let problems = request.parse().unwrap_err();
        assert_eq!(
            fields(&problems),
            ["uscc", "firm_name", "contact_name", "mobile", "password"]
        );
        assert!(matches!(
            problems[0].1,
            FirmError::Uscc(UsccError::CheckDigitMismatch { .. })
        ));
        assert_eq!(problems[1].1, FirmError::FirmNameMissing);
        assert_eq!(problems[2].1, FirmError::ContactNameTooLong);
        assert_eq!(
            SignUpRequest::default().parse().unwrap_err().len(),
            5,
            "an empty form names every field"
        );
    }

    #[test]
    fn signing_in_needs_a_code_a_number_and_a_password() {
        let request = SignInRequest {
            uscc: Some("91320600ma1mb5gt0d".into()),
            mobile: Some("+86 138 1234 5678".into()),
            password: Some("anything".into()),
        };
        let sign_in = request.parse().expect("valid");
        assert_eq!(sign_in.uscc.as_ref(), "91320600MA1MB5GT0D");
        let problems = SignInRequest::default().parse().unwrap_err();
        assert_eq!(fields(&problems), ["uscc", "mobile", "password"]);
    }
}
