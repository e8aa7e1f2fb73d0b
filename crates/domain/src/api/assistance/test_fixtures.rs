//! Test fixtures shared by the assistance modules' tests: dates, a complete draft, uploaded
//! files, the GI lookup and the context a draft is checked in.

use super::answers::{DraftContext, Problems};
use super::draft::{
    ApplicantDraft, AssistanceDraft, DeclarationDraft, EvidenceDraft, FactsDraft, HelpDraft,
    OtherPartyDraft, RightDraft,
};
use super::files::{EvidenceFile, FileKind, FilePurpose};
use super::identifiers::GiId;
use crate::calendar::Date;
use crate::lang::Localized;

pub(super) fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

pub(super) fn s(value: &str) -> Option<String> {
    Some(value.to_owned())
}

pub(super) fn codes(problems: &Problems) -> Vec<(&'static str, &'static str)> {
    problems.iter().map(|(f, e)| (*f, e.code())).collect()
}

pub(super) fn known_gi(id: &GiId) -> bool {
    id.as_str() == "GI00842"
}

pub(super) fn file(id: i64, purpose: FilePurpose) -> EvidenceFile {
    EvidenceFile {
        id,
        name: format!("photo-{id}.jpg"),
        kind: FileKind::Jpeg,
        content_type: "image/jpeg".into(),
        size: 1000,
        sha256: "00".repeat(32),
        purpose,
        uploaded_at: "2026-09-21T09:00:00+08:00".into(),
    }
}

/// A complete draft by an individual.
pub(super) fn complete() -> AssistanceDraft {
    AssistanceDraft {
        applicant: ApplicantDraft {
            kind: s("individual"),
            name: s(" 张  三 "),
            resident_id: s("320611199003071232"),
            mobile: s("+86 138 1234 5678"),
            acting_for_someone_else: Some(false),
            ..Default::default()
        },
        right: RightDraft {
            right_type: s("utility_model_patent"),
            number: s("ZL 2012 2 0687633.0"),
            title: s("一种家纺面料"),
            holder: s("张三"),
            legal_status: s("in_force"),
        },
        other_party: OtherPartyDraft {
            name: s("某某家纺店"),
            address: None,
            online_link: s("【淘宝】https://m.tb.cn/h.5abc?tk=1 复制这条信息"),
            place: s("某电商平台"),
        },
        facts: FactsDraft {
            description: s("对方销售仿冒我方专利的产品。\r\n已购买样品。"),
            discovered_on: s("2026-09-01"),
            estimated_loss: s("５０，０００元"),
            other_actions: None,
        },
        help: HelpDraft {
            types: vec![
                "mediation".into(),
                "consultation".into(),
                "mediation".into(),
            ],
            notes: None,
        },
        evidence: EvidenceDraft { complete: true },
        declaration: DeclarationDraft { accepted: true },
    }
}

pub(super) fn context<'a>(files: &'a [EvidenceFile]) -> DraftContext<'a> {
    DraftContext {
        today: d("2026-09-21"),
        files,
        gi_exists: &known_gi,
    }
}

pub(super) fn right(right_type: &str, number: Option<&str>, status: &str) -> RightDraft {
    RightDraft {
        right_type: s(right_type),
        number: number.map(str::to_owned),
        title: None,
        holder: s("张三"),
        legal_status: s(status),
    }
}
