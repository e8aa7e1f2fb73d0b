//! Staff accounts and sessions: roles, logging in, creating and changing accounts, and the
//! checks of usernames, display names, roles and passwords.

use serde::{Deserialize, Serialize};

use super::errors::{text_error, Problems, StaffError};
use super::limits::{
    MAX_DISPLAY_NAME_CHARS, MAX_PASSWORD_CHARS, MAX_USERNAME_CHARS, MIN_PASSWORD_CHARS,
};
use crate::lang::Lang;
use crate::text::clean_line;

/// What a staff account may do. An account has one or more roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 前台: the booking desk (bookings of the day, check-in, no-shows).
    Reception,
    /// 案件承办人: rights-assistance requests (queue, assignment, status, messages, notes).
    CaseHandler,
    /// 管理员: staff accounts, the audit log, the overview, venue booking settings and the
    /// holiday calendar; later content.
    Administrator,
    /// 预审员: the fast track's registrations (and, later, pre-examination requests).
    PreExamOfficer,
}

impl Role {
    pub const ALL: &'static [Role] = &[
        Role::Reception,
        Role::CaseHandler,
        Role::Administrator,
        Role::PreExamOfficer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Reception => "reception",
            Role::CaseHandler => "case_handler",
            Role::Administrator => "administrator",
            Role::PreExamOfficer => "pre_exam_officer",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Reception => lang.pick("前台接待", "Reception"),
            Role::CaseHandler => lang.pick("案件承办", "Case handler"),
            Role::Administrator => lang.pick("管理员", "Administrator"),
            Role::PreExamOfficer => lang.pick("预审员", "Pre-examination officer"),
        }
    }
}

/// The body of `POST /api/v1/staff/session`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct LoginRequest {
    pub username: Option<String>,
    pub password: Option<String>,
}

impl LoginRequest {
    /// The username (trimmed, lower case) and the password as typed. Only emptiness is checked
    /// here: anything else is a failed login like a wrong password.
    pub fn parse(&self) -> Result<(String, String), Problems> {
        let mut problems = Problems::new();
        let username = normalise_username(self.username.as_deref().unwrap_or(""));
        if username.is_empty() {
            problems.push(("username", StaffError::UsernameMissing));
        }
        let password = self.password.clone().unwrap_or_default();
        if password.is_empty() {
            problems.push(("password", StaffError::PasswordMissing));
        }
        if problems.is_empty() {
            Ok((username, password))
        } else {
            Err(problems)
        }
    }
}

/// Usernames compare without case and surrounding spaces.
pub fn normalise_username(username: &str) -> String {
    username.trim().to_lowercase()
}

/// The signed-in member of staff: the answer of login and of `GET /api/v1/staff/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSession {
    pub username: String,
    pub display_name: String,
    /// In the order of [`Role::ALL`].
    pub roles: Vec<Role>,
    /// Send it as `X-CSRF-Token` with every request that changes something.
    pub csrf_token: String,
    /// RFC 3339, +08:00: the session ends then at the latest (12 hours after login); 30 minutes
    /// without a request end it sooner.
    pub expires_at: String,
    /// The password was set by an administrator (a new account, or a reset): the holder must
    /// choose their own ([`PasswordChange`]) before anything else answers.
    #[serde(default)]
    pub must_change_password: bool,
}

/// The body of `PUT /api/v1/staff/session/password`: the signed-in member of staff changes
/// their own password, proving the current one (someone at an unlocked desk cannot).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PasswordChange {
    pub current_password: Option<String>,
    /// 12 to 200 characters, not the current one.
    pub new_password: Option<String>,
}

impl PasswordChange {
    /// The current password as typed and the new one; every bad field reported
    /// (`current_password`, `new_password`). Whether the current one is right is the
    /// server's to say ([`StaffError::CurrentPasswordWrong`]).
    pub fn parse(&self) -> Result<(String, String), Problems> {
        let mut problems = Problems::new();
        let current = self.current_password.clone().unwrap_or_default();
        if current.is_empty() {
            problems.push(("current_password", StaffError::PasswordMissing));
        }
        let new = self.new_password.clone().unwrap_or_default();
        match check_password(&new) {
            Err(_) if new.is_empty() => {
                problems.push(("new_password", StaffError::PasswordMissing))
            }
            Err(e) => problems.push(("new_password", e)),
            Ok(_) if new == current => {
                problems.push(("new_password", StaffError::PasswordUnchanged))
            }
            Ok(_) => {}
        }
        if problems.is_empty() {
            Ok((current, new))
        } else {
            Err(problems)
        }
    }
}

/// A staff account as administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    /// A disabled account cannot log in and its sessions are ended.
    pub active: bool,
    /// RFC 3339, +08:00.
    pub created_at: String,
    /// RFC 3339, +08:00: the account's last successful login (from the audit log); `None` if
    /// it has never logged in.
    #[serde(default)]
    pub last_login_at: Option<String>,
    /// The venue whose pre-examination requests the account examines (a
    /// `firm::registration::FieldVenue` code; `protection_center` unless an administrator set
    /// another: see [`AccountUpdate::pre_exam_venue`]).
    #[serde(default)]
    pub pre_exam_venue: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountList {
    pub items: Vec<StaffAccount>,
}

/// The body of `POST /api/v1/staff/accounts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NewAccount {
    /// 1–32 of `a-z 0-9 . _ -` (stored in lower case).
    pub username: Option<String>,
    /// At most 40 characters.
    pub display_name: Option<String>,
    /// At least one.
    pub roles: Vec<Role>,
    /// 12–200 characters; only its Argon2id hash is kept.
    pub password: Option<String>,
}

/// A checked new account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAccount {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub password: String,
}

impl NewAccount {
    pub fn parse(&self) -> Result<CheckedAccount, Problems> {
        let mut problems = Problems::new();
        let username = check_username(self.username.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("username", e)))
            .ok();
        let display_name = check_display_name(self.display_name.as_deref())
            .map_err(|e| problems.push(("display_name", e)))
            .ok();
        let roles = check_roles(&self.roles)
            .map_err(|e| problems.push(("roles", e)))
            .ok();
        let password = check_password(self.password.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("password", e)))
            .ok();
        match (username, display_name, roles, password) {
            (Some(username), Some(display_name), Some(roles), Some(password))
                if problems.is_empty() =>
            {
                Ok(CheckedAccount {
                    username,
                    display_name,
                    roles,
                    password,
                })
            }
            _ => Err(problems),
        }
    }
}

/// The body of `PATCH /api/v1/staff/accounts/{username}`: what is given changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AccountUpdate {
    pub display_name: Option<String>,
    pub roles: Option<Vec<Role>>,
    /// `false` disables the account and ends its sessions.
    pub active: Option<bool>,
    /// A new password (12–200 characters); ends the account's sessions.
    pub password: Option<String>,
    /// The venue whose pre-examination requests the account examines (a
    /// `firm::registration::FieldVenue` code: `protection_center`, the default,
    /// `home_textiles` or `furniture`); the server checks it (a string here: this module may
    /// not name the firm's types, which name its own).
    pub pre_exam_venue: Option<String>,
}

/// A checked [`AccountUpdate`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedUpdate {
    pub display_name: Option<String>,
    pub roles: Option<Vec<Role>>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

impl AccountUpdate {
    pub fn parse(&self) -> Result<CheckedUpdate, Problems> {
        let mut problems = Problems::new();
        let mut checked = CheckedUpdate {
            active: self.active,
            ..CheckedUpdate::default()
        };
        if self.display_name.is_some() {
            checked.display_name = check_display_name(self.display_name.as_deref())
                .map_err(|e| problems.push(("display_name", e)))
                .ok();
        }
        if let Some(roles) = &self.roles {
            checked.roles = check_roles(roles)
                .map_err(|e| problems.push(("roles", e)))
                .ok();
        }
        if let Some(password) = &self.password {
            checked.password = check_password(password)
                .map_err(|e| problems.push(("password", e)))
                .ok();
        }
        if problems.is_empty() {
            Ok(checked)
        } else {
            Err(problems)
        }
    }
}

/// A username as stored: lower case, 1–32 of `a-z 0-9 . _ -`.
pub fn check_username(input: &str) -> Result<String, StaffError> {
    let username = normalise_username(input);
    if username.is_empty() {
        return Err(StaffError::UsernameMissing);
    }
    let ok = username.len() <= MAX_USERNAME_CHARS
        && username
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    ok.then_some(username).ok_or(StaffError::UsernameInvalid)
}

fn check_display_name(input: Option<&str>) -> Result<String, StaffError> {
    match clean_line(input, MAX_DISPLAY_NAME_CHARS) {
        Ok(Some(name)) => Ok(name),
        Ok(None) => Err(StaffError::DisplayNameMissing),
        Err(e) => Err(text_error(e)),
    }
}

fn check_roles(roles: &[Role]) -> Result<Vec<Role>, StaffError> {
    let roles: Vec<Role> = Role::ALL
        .iter()
        .copied()
        .filter(|r| roles.contains(r))
        .collect();
    if roles.is_empty() {
        return Err(StaffError::RolesMissing);
    }
    Ok(roles)
}

/// A password is kept as typed (spaces included): 12–200 characters.
pub fn check_password(password: &str) -> Result<String, StaffError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(StaffError::PasswordTooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(StaffError::PasswordTooLong);
    }
    Ok(password.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_passwords_and_roles() {
        assert_eq!(check_username(" Wang.Li "), Ok("wang.li".to_owned()));
        assert_eq!(check_username("王丽"), Err(StaffError::UsernameInvalid));
        assert_eq!(check_password("short"), Err(StaffError::PasswordTooShort));
        assert!(check_password("correct horse battery").is_ok());
        let account = NewAccount {
            username: Some("desk1".into()),
            display_name: Some("前台 一".into()),
            roles: vec![Role::Administrator, Role::Reception, Role::Reception],
            password: Some("a long enough password".into()),
        }
        .parse()
        .unwrap();
        assert_eq!(account.roles, [Role::Reception, Role::Administrator]);
        assert_eq!(
            NewAccount::default().parse().unwrap_err().len(),
            4,
            "every field is required"
        );
    }

    #[test]
    fn a_password_change_needs_the_current_one_and_a_new_different_one() {
        let change = |current: &str, new: &str| {
            PasswordChange {
                current_password: Some(current.into()),
                new_password: Some(new.into()),
            }
            .parse()
        };
        assert_eq!(
            change("given by admin 1", "my own long password"),
            Ok(("given by admin 1".into(), "my own long password".into()))
        );
        assert_eq!(
            change("given by admin 1", "given by admin 1"),
            Err(vec![("new_password", StaffError::PasswordUnchanged)])
        );
        assert_eq!(
            change("", "short"),
            Err(vec![
                ("current_password", StaffError::PasswordMissing),
                ("new_password", StaffError::PasswordTooShort)
            ])
        );
        assert_eq!(
            PasswordChange::default().parse().unwrap_err()[1],
            ("new_password", StaffError::PasswordMissing)
        );
    }
}
