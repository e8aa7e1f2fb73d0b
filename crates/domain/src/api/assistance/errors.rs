//! What can be wrong with a field of a draft, a lookup, a withdrawal or a reply, with its code
//! and messages in both languages.

use super::choices::RightType;
use crate::calendar::DateError;
use crate::ids::{
    MobileNumberError, PatentKind, PatentNumberError, ResidentIdError, TrademarkNumberError,
    UsccError,
};
use crate::lang::{Lang, Localized};

/// What is wrong with one field of a draft, a lookup, a withdrawal or a reply. Codes start
/// with `assistance.`, except those of the wrapped identifier and date errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssistanceError {
    /// Too long: at most `max` characters.
    TooLong {
        max: usize,
    },
    /// A control character (other than line breaks and tabs in long text).
    ControlCharacter,
    ApplicantKindMissing,
    ApplicantKindUnknown,
    PersonNameMissing,
    OrganisationNameMissing,
    ResidentId(ResidentIdError),
    Uscc(UsccError),
    ContactNameMissing,
    Mobile(MobileNumberError),
    ActingMissing,
    RepresentativeNameMissing,
    RightTypeMissing,
    RightTypeUnknown,
    PatentNumber(PatentNumberError),
    /// The type digit of the application number is another kind of patent than the one chosen.
    PatentKindMismatch {
        number_kind: PatentKind,
        chosen: RightType,
    },
    TrademarkNumber(TrademarkNumberError),
    GiMissing,
    GiFormat,
    /// Well-formed, but not a product of the GI lookup.
    GiUnknown,
    RegistrationNumberMissing,
    HolderMissing,
    LegalStatusMissing,
    LegalStatusUnknown,
    /// "Not registered" for a right that exists only once granted or registered.
    LegalStatusNotPossible,
    OtherPartyNameMissing,
    AddressOrLinkMissing,
    LinkInvalid,
    PlaceMissing,
    DescriptionMissing,
    DiscoveredOnMissing,
    Date(DateError),
    DiscoveredInFuture,
    LossInvalid,
    LossTooLarge,
    AssistanceTypeMissing,
    AssistanceTypeUnknown,
    TooManyFiles,
    AuthorisationLetterMissing,
    EvidenceNotConfirmed,
    DeclarationMissing,
    ReferenceMissing,
    ReferenceFormat,
    WithdrawReasonMissing,
    ReplyEmpty,
    /// A file id in a reply that is not a file uploaded to this request and not yet sent.
    ReplyFileUnknown,
}

impl AssistanceError {
    /// Whether this only says an answer is still missing (the section is then "in progress"),
    /// rather than that an answer given is wrong ("there is a problem").
    pub fn is_missing(&self) -> bool {
        use AssistanceError as E;
        matches!(
            self,
            E::ApplicantKindMissing
                | E::PersonNameMissing
                | E::OrganisationNameMissing
                | E::ContactNameMissing
                | E::ActingMissing
                | E::RepresentativeNameMissing
                | E::RightTypeMissing
                | E::GiMissing
                | E::RegistrationNumberMissing
                | E::HolderMissing
                | E::LegalStatusMissing
                | E::OtherPartyNameMissing
                | E::AddressOrLinkMissing
                | E::PlaceMissing
                | E::DescriptionMissing
                | E::DiscoveredOnMissing
                | E::AssistanceTypeMissing
                | E::AuthorisationLetterMissing
                | E::EvidenceNotConfirmed
                | E::DeclarationMissing
                | E::ReferenceMissing
                | E::WithdrawReasonMissing
                | E::ReplyEmpty
                | E::ResidentId(ResidentIdError::Empty)
                | E::Uscc(UsccError::Empty)
                | E::Mobile(MobileNumberError::Empty)
                | E::PatentNumber(PatentNumberError::Empty)
                | E::TrademarkNumber(TrademarkNumberError::Empty)
                | E::Date(DateError::Empty)
        )
    }

    fn static_texts(&self) -> (&'static str, &'static str, &'static str) {
        use AssistanceError as E;
        match self {
            E::ControlCharacter => (
                "assistance.control_character",
                "内容含有无法识别的字符，请重新输入",
                "This contains characters that cannot be read. Enter it again",
            ),
            E::ApplicantKindMissing => (
                "assistance.applicant_kind_missing",
                "请选择申请人是个人还是单位",
                "Select whether the applicant is an individual or an organisation",
            ),
            E::ApplicantKindUnknown => (
                "assistance.applicant_kind_unknown",
                "请从列表中选择申请人类型",
                "Select the kind of applicant from the list",
            ),
            E::PersonNameMissing => ("assistance.name_missing", "请填写姓名", "Enter the applicant's name"),
            E::OrganisationNameMissing => (
                "assistance.organisation_name_missing",
                "请填写单位名称",
                "Enter the organisation's name",
            ),
            E::ContactNameMissing => (
                "assistance.contact_name_missing",
                "请填写联系人姓名",
                "Enter the name of the contact person",
            ),
            E::ActingMissing => (
                "assistance.acting_missing",
                "请选择您是否代他人申请",
                "Select whether you are applying for someone else",
            ),
            E::RepresentativeNameMissing => (
                "assistance.representative_name_missing",
                "请填写代为申请人（您本人）的姓名",
                "Enter the name of the person applying for the applicant (your name)",
            ),
            E::RightTypeMissing => (
                "assistance.right_type_missing",
                "请选择被侵犯的权利类型",
                "Select the kind of right that is infringed",
            ),
            E::RightTypeUnknown => (
                "assistance.right_type_unknown",
                "请从列表中选择权利类型",
                "Select the kind of right from the list",
            ),
            E::GiMissing => (
                "assistance.gi_missing",
                "请在地理标志产品查询中选择产品",
                "Choose the product in the geographical indication lookup",
            ),
            E::GiFormat => (
                "assistance.gi_format",
                "地理标志产品编号应为 GI 加 5 位数字，例如 GI00842。请在地理标志产品查询中选择产品",
                "A geographical indication product id is GI and 5 digits, for example GI00842. Choose the product in the lookup",
            ),
            E::GiUnknown => (
                "assistance.gi_unknown",
                "没有这个地理标志产品。请在地理标志产品查询中重新选择",
                "There is no such geographical indication product. Choose it again in the lookup",
            ),
            E::RegistrationNumberMissing => (
                "assistance.registration_number_missing",
                "请填写登记号或品种权号",
                "Enter the registration number",
            ),
            E::HolderMissing => (
                "assistance.holder_missing",
                "请填写权利人（专利权人、商标注册人、著作权人等）",
                "Enter the right holder (the patentee, trademark owner, copyright owner and so on)",
            ),
            E::LegalStatusMissing => (
                "assistance.legal_status_missing",
                "请选择权利的法律状态",
                "Select the legal status of the right",
            ),
            E::LegalStatusUnknown => (
                "assistance.legal_status_unknown",
                "请从列表中选择法律状态",
                "Select the legal status from the list",
            ),
            E::LegalStatusNotPossible => (
                "assistance.legal_status_not_possible",
                "专利、地理标志、集成电路布图设计和植物新品种须经授权或登记才受保护，不能选择“未登记”。请选择其他状态",
                "Patents, geographical indications, layout designs and plant varieties are protected only once granted or registered, so \"not registered\" is not possible. Select another status",
            ),
            E::OtherPartyNameMissing => (
                "assistance.other_party_name_missing",
                "请填写对方的名称或姓名（不清楚时可填写店铺名称）",
                "Enter the name of the other party (the shop's name if you do not know more)",
            ),
            E::AddressOrLinkMissing => (
                "assistance.address_or_link_missing",
                "请填写对方的地址或网店链接，至少填写一项",
                "Enter the other party's address or a link to their online shop, or both",
            ),
            E::LinkInvalid => (
                "assistance.link_invalid",
                "请粘贴以 http:// 或 https:// 开头的完整网址",
                "Paste the whole web address, starting with http:// or https://",
            ),
            E::PlaceMissing => (
                "assistance.place_missing",
                "请填写侵权行为发生的地点或平台，例如“南通市通州区某市场”或“某电商平台”",
                "Enter where the infringement happens, for example a market, a town or an online platform",
            ),
            E::DescriptionMissing => (
                "assistance.description_missing",
                "请描述侵权情况",
                "Describe what happened",
            ),
            E::DiscoveredOnMissing => (
                "assistance.discovered_on_missing",
                "请填写发现侵权的日期",
                "Enter the date you found out about the infringement",
            ),
            E::DiscoveredInFuture => (
                "assistance.discovered_in_future",
                "发现日期不能晚于今天",
                "The date you found out must be today or in the past",
            ),
            E::LossInvalid => (
                "assistance.loss_invalid",
                "请只填写金额数字，单位为元，最多两位小数，例如 50000 或 12345.60",
                "Enter the amount in yuan using digits only, with at most two decimals, for example 50000 or 12345.60",
            ),
            E::LossTooLarge => (
                "assistance.loss_too_large",
                "金额太大，请核对（单位为元）",
                "This amount is too large. Check it (the unit is yuan)",
            ),
            E::AssistanceTypeMissing => (
                "assistance.assistance_type_missing",
                "请至少选择一项需要的帮助",
                "Select at least one kind of help",
            ),
            E::AssistanceTypeUnknown => (
                "assistance.assistance_type_unknown",
                "请从列表中选择需要的帮助",
                "Select the kinds of help from the list",
            ),
            E::TooManyFiles => (
                "assistance.too_many_files",
                "最多只能上传 10 个文件。请删除一些文件后再上传",
                "You can add at most 10 files. Remove some before adding others",
            ),
            E::AuthorisationLetterMissing => (
                "assistance.authorisation_letter_missing",
                "代他人申请时，请上传申请人签署的授权委托书",
                "When you apply for someone else, add the letter of authorisation they signed",
            ),
            E::EvidenceNotConfirmed => (
                "assistance.evidence_not_confirmed",
                "请确认已上传全部证据材料（没有材料也请确认）",
                "Confirm that you have added all your evidence (or that you have none)",
            ),
            E::DeclarationMissing => (
                "assistance.declaration_missing",
                "请阅读并确认声明后再提交",
                "Read and accept the declaration before you submit",
            ),
            E::ReferenceMissing => (
                "assistance.reference_missing",
                "请输入申请编号，例如 WQ-K7QX-M2PD",
                "Enter the reference, for example WQ-K7QX-M2PD",
            ),
            E::ReferenceFormat => (
                "assistance.reference_format",
                "申请编号由 WQ 和 8 位数字、字母组成，例如 WQ-K7QX-M2PD。请对照提交后的确认信息核对",
                "A reference is WQ and 8 letters and digits, for example WQ-K7QX-M2PD. Check it against your confirmation",
            ),
            E::WithdrawReasonMissing => (
                "assistance.withdraw_reason_missing",
                "提交已超过 10 分钟，撤回申请需要填写原因",
                "It is more than 10 minutes since you submitted, so give a reason for withdrawing",
            ),
            E::ReplyEmpty => (
                "assistance.reply_empty",
                "请填写回复内容或上传补充材料",
                "Write a reply or add files",
            ),
            E::ReplyFileUnknown => (
                "assistance.reply_file_unknown",
                "有文件找不到或已经发送过。请重新上传后再回复",
                "A file cannot be found or was already sent. Add it again, then reply",
            ),
            E::TooLong { .. }
            | E::ResidentId(_)
            | E::Uscc(_)
            | E::Mobile(_)
            | E::PatentNumber(_)
            | E::PatentKindMismatch { .. }
            | E::TrademarkNumber(_)
            | E::Date(_) => ("", "", ""),
        }
    }
}

fn patent_kind_label(kind: PatentKind, lang: Lang) -> &'static str {
    match kind {
        PatentKind::Invention => lang.pick("发明专利", "an invention patent"),
        PatentKind::UtilityModel => lang.pick("实用新型专利", "a utility model patent"),
        PatentKind::Design => lang.pick("外观设计专利", "a design patent"),
        PatentKind::PctInvention => {
            lang.pick("进入中国国家阶段的 PCT 发明专利", "a PCT invention patent")
        }
        PatentKind::PctUtilityModel => lang.pick(
            "进入中国国家阶段的 PCT 实用新型专利",
            "a PCT utility model patent",
        ),
    }
}

impl Localized for AssistanceError {
    fn code(&self) -> &'static str {
        use AssistanceError as E;
        match self {
            E::TooLong { .. } => "assistance.too_long",
            E::ResidentId(e) => e.code(),
            E::Uscc(e) => e.code(),
            E::Mobile(e) => e.code(),
            E::PatentNumber(e) => e.code(),
            E::PatentKindMismatch { .. } => "assistance.patent_kind_mismatch",
            E::TrademarkNumber(e) => e.code(),
            E::Date(e) => e.code(),
            other => other.static_texts().0,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use AssistanceError as E;
        match self {
            E::TooLong { max } => match lang {
                Lang::Zh => format!("最多填写 {max} 个字，请精简"),
                Lang::En => format!("This must be {max} characters or fewer. Shorten it"),
            },
            E::ResidentId(e) => e.message(lang),
            E::Uscc(e) => e.message(lang),
            E::Mobile(e) => e.message(lang),
            E::PatentNumber(e) => e.message(lang),
            E::TrademarkNumber(e) => e.message(lang),
            E::Date(e) => e.message(lang),
            E::PatentKindMismatch {
                number_kind,
                chosen,
            } => match lang {
                Lang::Zh => format!(
                    "这个申请号是{}的申请号，与所选的“{}”不一致。请核对申请号或专利类型",
                    patent_kind_label(*number_kind, lang),
                    chosen.label(lang)
                ),
                Lang::En => format!(
                    "This is the application number of {}, not of the kind chosen ({}). Check the number or the kind of patent",
                    patent_kind_label(*number_kind, lang),
                    chosen.label(lang).to_lowercase()
                ),
            },
            other => {
                let (_, zh, en) = other.static_texts();
                lang.pick(zh, en).to_owned()
            }
        }
    }
}

impl std::fmt::Display for AssistanceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

impl std::error::Error for AssistanceError {}

#[cfg(test)]
mod tests {
    use super::super::choices::{AssistanceType, SectionStatus};
    use super::*;

    #[test]
    fn every_error_has_a_code_and_both_messages() {
        use AssistanceError as E;
        let all = [
            E::TooLong { max: 40 },
            E::ControlCharacter,
            E::ApplicantKindMissing,
            E::ApplicantKindUnknown,
            E::PersonNameMissing,
            E::OrganisationNameMissing,
            E::ContactNameMissing,
            E::ActingMissing,
            E::RepresentativeNameMissing,
            E::RightTypeMissing,
            E::RightTypeUnknown,
            E::PatentKindMismatch {
                number_kind: PatentKind::Design,
                chosen: RightType::InventionPatent,
            },
            E::GiMissing,
            E::GiFormat,
            E::GiUnknown,
            E::RegistrationNumberMissing,
            E::HolderMissing,
            E::LegalStatusMissing,
            E::LegalStatusUnknown,
            E::LegalStatusNotPossible,
            E::OtherPartyNameMissing,
            E::AddressOrLinkMissing,
            E::LinkInvalid,
            E::PlaceMissing,
            E::DescriptionMissing,
            E::DiscoveredOnMissing,
            E::DiscoveredInFuture,
            E::LossInvalid,
            E::LossTooLarge,
            E::AssistanceTypeMissing,
            E::AssistanceTypeUnknown,
            E::TooManyFiles,
            E::AuthorisationLetterMissing,
            E::EvidenceNotConfirmed,
            E::DeclarationMissing,
            E::ReferenceMissing,
            E::ReferenceFormat,
            E::WithdrawReasonMissing,
            E::ReplyEmpty,
            E::ReplyFileUnknown,
        ];
        let mut seen = std::collections::HashSet::new();
        for error in &all {
            let code = error.code();
            assert!(code.starts_with("assistance."), "{code}");
            assert!(seen.insert(code), "duplicate {code}");
            let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
            assert!(!zh.is_empty() && !zh.is_ascii(), "{code}: {zh}");
            assert!(!en.is_empty() && en.is_ascii(), "{code}: {en}");
            assert_eq!(error.to_string(), zh);
        }
        // Wrapped errors keep their own code and message.
        let wrapped = E::PatentNumber(PatentNumberError::Empty);
        assert_eq!(wrapped.code(), "patent_number.empty");
        assert!(wrapped.is_missing());
        assert!(!E::PatentNumber(PatentNumberError::WrongLength).is_missing());
        // Every choice's code reads back, and has both labels.
        for kind in SectionStatus::ALL {
            assert_eq!(SectionStatus::from_code(kind.code()), Some(*kind));
            assert!(!kind.label(Lang::Zh).is_ascii() && kind.label(Lang::En).is_ascii());
        }
        for kind in AssistanceType::ALL {
            assert_eq!(AssistanceType::from_code(kind.code()), Some(*kind));
        }
    }
}
