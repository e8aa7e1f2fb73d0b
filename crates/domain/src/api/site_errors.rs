//! What can be wrong with a field of a venue's contacts or of the site footer (issue #18), with
//! its code and messages (`locales/*/domain_site.toml`: a catalog of their own, so the apps
//! that show the staff's other messages, the fast track's password rules among them, do not
//! carry these).

use crate::lang::localized_error;
use crate::text::TextProblem;
use crate::texts::{site_error_texts, SiteErrorTexts};

/// What is wrong with a request: (field, problem).
pub type SiteProblems = Vec<(String, SiteError)>;

/// Codes start with `admin.` like the administrators' other settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// Longer than this many characters.
    TooLong(usize),
    ControlCharacter,
    PhoneInvalid,
    MapUrlInvalid,
    WebsiteCodeInvalid,
    IcpNumberInvalid,
    PublicSecurityNumberInvalid,
}

impl SiteError {
    /// A text refused by `clean_line` or `clean_text` with this many characters at most.
    pub(crate) fn from_text(problem: TextProblem, max: usize) -> SiteError {
        match problem {
            TextProblem::TooLong => SiteError::TooLong(max),
            TextProblem::Control => SiteError::ControlCharacter,
        }
    }

    fn texts(&self, t: &SiteErrorTexts) -> (&'static str, String) {
        use SiteError::*;
        match self {
            TooLong(max) => ("admin.too_long", t.site_too_long(*max)),
            ControlCharacter => ("admin.control_character", t.site_control_character.into()),
            PhoneInvalid => ("admin.phone_invalid", t.site_phone_invalid.into()),
            MapUrlInvalid => ("admin.map_url_invalid", t.site_map_url_invalid.into()),
            WebsiteCodeInvalid => (
                "admin.website_code_invalid",
                t.site_website_code_invalid.into(),
            ),
            IcpNumberInvalid => ("admin.icp_number_invalid", t.site_icp_number_invalid.into()),
            PublicSecurityNumberInvalid => (
                "admin.public_security_number_invalid",
                t.site_public_security_number_invalid.into(),
            ),
        }
    }
}

localized_error!(SiteError, site_error_texts);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_code_and_both_languages() {
        crate::lang::assert_messages(
            "admin.",
            &[
                SiteError::TooLong(10),
                SiteError::ControlCharacter,
                SiteError::PhoneInvalid,
                SiteError::MapUrlInvalid,
                SiteError::WebsiteCodeInvalid,
                SiteError::IcpNumberInvalid,
                SiteError::PublicSecurityNumberInvalid,
            ],
        );
    }
}
