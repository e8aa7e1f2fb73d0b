//! What can be wrong with one field of a firm's sign-up or sign-in, with its code and messages
//! in both languages.

use crate::api::staff::StaffError;
use crate::ids::{MobileNumberError, UsccError};
use crate::lang::{Lang, Localized};

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
        let (zh, en) = match self {
            E::Uscc(e) => return e.message(lang),
            E::Mobile(e) => return e.message(lang),
            E::Password(e) => return e.message(lang),
            E::OutOfCity => (
                "这个统一社会信用代码显示企业登记在南通市以外。南通市知识产权保护中心的专利预审服务面向在南通市登记的企业；请向企业登记地的知识产权保护中心咨询。如果代码输错了，请对照营业执照核对后重新输入",
                "This unified social credit code shows a firm registered outside Nantong. The Nantong IP Protection Center's pre-examination service is for firms registered in Nantong: ask the IP protection center where your firm is registered. If the code was mistyped, check it against the business licence and enter it again",
            ),
            E::FirmNameMissing => (
                "请输入企业名称，与营业执照上的名称一致",
                "Enter the firm's name as it is on the business licence",
            ),
            E::FirmNameTooLong => (
                "企业名称最多 100 个字",
                "A firm's name has at most 100 characters",
            ),
            E::ContactNameMissing => ("请输入姓名", "Enter the person's name"),
            E::MobileTaken => (
                "这个手机号码已经是本企业人员的登录号码，请换一个手机号码",
                "This mobile number already signs one of your firm's people in. Enter another number",
            ),
            E::ContactNameTooLong => (
                "姓名最多 40 个字",
                "A name has at most 40 characters",
            ),
            E::ControlCharacter => (
                "内容中有无法识别的字符，请删除后重新输入",
                "The text contains characters that cannot be used. Remove them and enter it again",
            ),
            E::PasswordMissing => ("请输入密码", "Enter the password"),
        };
        lang.pick(zh, en).to_owned()
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
