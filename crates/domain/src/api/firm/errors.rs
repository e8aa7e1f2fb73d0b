//! What can be wrong with one field of a firm's sign-up, sign-in or colleague, with its code;
//! the messages are in the `domain_firm` catalog.

use crate::api::staff::StaffError;
use crate::ids::{MobileNumberError, UsccError};
use crate::lang::{Lang, Localized};
use crate::texts::firm_error_texts;

/// What is wrong with one field. Codes start with `firm.`, except those of the wrapped code,
/// mobile number and password errors (`uscc.`, `mobile_number.`, `staff.password_…`: the
/// password rules are the staff ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirmError {
    Uscc(UsccError),
    /// A valid code of a firm registered outside the city.
    OutOfCity,
    FirmNameMissing,
    FirmNameTooLong,
    ContactNameMissing,
    ContactNameTooLong,
    ControlCharacter,
    Mobile(MobileNumberError),
    /// A colleague's number that already signs one of the firm's people in.
    MobileTaken,
    PasswordMissing,
    Password(StaffError),
}

impl Localized for FirmError {
    fn code(&self) -> &'static str {
        use FirmError as E;
        match self {
            E::Uscc(e) => e.code(),
            E::Mobile(e) => e.code(),
            E::Password(e) => e.code(),
            E::OutOfCity => "firm.out_of_city",
            E::FirmNameMissing => "firm.firm_name_missing",
            E::FirmNameTooLong => "firm.firm_name_too_long",
            E::ContactNameMissing => "firm.contact_name_missing",
            E::ContactNameTooLong => "firm.contact_name_too_long",
            E::ControlCharacter => "firm.control_character",
            E::PasswordMissing => "firm.password_missing",
            E::MobileTaken => "firm.mobile_taken",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use FirmError as E;
        let t = firm_error_texts(lang);
        match self {
            E::Uscc(e) => return e.message(lang),
            E::Mobile(e) => return e.message(lang),
            E::Password(e) => return e.message(lang),
            E::OutOfCity => t.firm_out_of_city,
            E::FirmNameMissing => t.firm_firm_name_missing,
            E::FirmNameTooLong => t.firm_firm_name_too_long,
            E::ContactNameMissing => t.firm_contact_name_missing,
            E::ContactNameTooLong => t.firm_contact_name_too_long,
            E::ControlCharacter => t.firm_control_character,
            E::PasswordMissing => t.firm_password_missing,
            E::MobileTaken => t.firm_mobile_taken,
        }
        .to_owned()
    }
}

impl std::fmt::Display for FirmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

impl std::error::Error for FirmError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_in_both_languages() {
        use FirmError as E;
        crate::lang::assert_messages(
            "firm.",
            &[
                E::OutOfCity,
                E::FirmNameMissing,
                E::FirmNameTooLong,
                E::ContactNameMissing,
                E::ContactNameTooLong,
                E::ControlCharacter,
                E::PasswordMissing,
                E::MobileTaken,
            ],
        );
        assert_eq!(
            E::Password(StaffError::PasswordTooShort).code(),
            "staff.password_too_short"
        );
    }
}
