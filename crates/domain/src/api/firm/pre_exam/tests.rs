//! The examination's transitions and deadlines, on the shipped holiday calendar (2026: National
//! Day 1–7 October, Saturday 10 October a working day).

use super::answers::tests::design;
use super::classification::tests::fields;
use super::*;
use crate::calendar::test_fixtures::calendar;
use crate::calendar::{Date, NotPublished};
use crate::ids::{PatentKind, PatentNumberError};
use PreExamAction as A;
use PreExamError as E;
use PreExamStatus as S;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn quota() -> Quota {
    Quota::new(2026, &PreExamSettings::default(), None, 0, 0)
}

/// A design request submitted on Tuesday 29 September 2026.
fn submitted() -> Examination {
    let request = design().parse(&fields()).unwrap();
    let s = PreExamSettings::default();
    submit(&request, &quota(), day("2026-09-29"), &s, &calendar())
        .unwrap()
        .state
}

fn act(state: &Examination, action: A, actor: Actor, on: &str) -> Result<Examination, E> {
    let s = PreExamSettings::default();
    apply(state, &action, actor, day(on), &s, &calendar()).map(|t| t.state)
}

fn officer(state: &Examination, action: A, on: &str) -> Examination {
    act(state, action, Actor::Officer, on).unwrap()
}

fn defects() -> A {
    A::RequestAmendment {
        defects: vec!["附图不清楚".into(), "简要说明缺少设计要点".into()],
    }
}

fn pass() -> A {
    A::Pass {
        notice_number: " YS-2026-0001 ".into(),
    }
}

fn report(number: &str, filed_on: &str) -> A {
    A::ReportFiling(FilingReport {
        number: number.into(),
        filed_on: filed_on.into(),
    })
}

/// Passed on Monday 2 November 2026, the notice numbered YS-2026-0001.
fn passed() -> Examination {
    let accepted = officer(&submitted(), A::Accept, "2026-10-08");
    officer(&accepted, pass(), "2026-11-02")
}

#[test]
fn every_limit_counts_working_days_across_the_holiday() {
    let s = submitted();
    assert_eq!(s.status, S::Submitted);
    // 30 September, then the National Day holiday, then Thursday 8 October.
    assert_eq!(s.due_on, Some(day("2026-10-08")));
    assert_eq!(s.days_left(day("2026-09-29"), &calendar()), Some(Ok(2)));
    // A design's opinion within 5 working days, the adjusted Saturday 10 October among them.
    let accepted = officer(&s, A::Accept, "2026-10-08");
    assert_eq!(accepted.status, S::UnderExamination);
    assert_eq!(accepted.due_on, Some(day("2026-10-14")));
    // An invention's within 10.
    let invention = Examination {
        kind: PatentKind::Invention,
        ..s.clone()
    };
    let accepted_invention = officer(&invention, A::Accept, "2026-10-08");
    assert_eq!(accepted_invention.due_on, Some(day("2026-10-21")));
    // The reply within 3 working days of the opinion.
    let opinion = officer(&accepted, defects(), "2026-10-14");
    assert_eq!(opinion.status, S::NeedsAmendment);
    assert_eq!(opinion.amendment_rounds, 1);
    assert_eq!(opinion.defects.len(), 2);
    assert_eq!(opinion.due_on, Some(day("2026-10-19")));
    // The report of the national filing within 10 working days of passing.
    assert_eq!(passed().due_on, Some(day("2026-11-16")));
    assert_eq!(
        passed().notice,
        Some(PassNotice {
            number: "YS-2026-0001".into(),
            issued_on: day("2026-11-02")
        })
    );
}

#[test]
fn a_limit_into_an_unpublished_year_is_refused_not_guessed() {
    let request = design().parse(&fields()).unwrap();
    let s = PreExamSettings::default();
    assert_eq!(
        submit(&request, &quota(), day("2026-12-30"), &s, &calendar()).unwrap_err(),
        E::Calendar(NotPublished { year: 2027 })
    );
}

#[test]
fn a_firm_over_its_quota_cannot_submit() {
    let request = design().parse(&fields()).unwrap();
    let s = PreExamSettings::default();
    let used = Quota {
        used: 50,
        ..quota()
    };
    let refused = submit(&request, &used, day("2026-09-29"), &s, &calendar());
    assert_eq!(refused.unwrap_err(), E::QuotaUsed(50));
}

#[test]
fn not_accepted_needs_its_reasons_and_is_final() {
    let s = submitted();
    let empty = A::NotAccept {
        reasons: vec![" ".into()],
    };
    assert_eq!(
        act(&s, empty, Actor::Officer, "2026-09-30"),
        Err(E::ReasonsMissing)
    );
    let none = A::NotAccept { reasons: vec![] };
    assert_eq!(
        act(&s, none, Actor::Officer, "2026-09-30"),
        Err(E::ReasonsMissing)
    );
    let refused = officer(
        &s,
        A::NotAccept {
            reasons: vec!["不属于本中心的技术领域".into()],
        },
        "2026-09-30",
    );
    assert_eq!(refused.status, S::NotAccepted);
    assert!(refused.status.is_final());
    assert_eq!(refused.due_on, None);
    assert_eq!(
        act(&refused, A::Accept, Actor::Officer, "2026-09-30"),
        Err(E::WrongStatus)
    );
}

#[test]
fn only_the_right_actor_acts() {
    let s = submitted();
    assert_eq!(
        act(&s, A::Accept, Actor::Firm, "2026-09-30"),
        Err(E::NotYourAction)
    );
    let opinion = officer(
        &officer(&s, A::Accept, "2026-10-08"),
        defects(),
        "2026-10-14",
    );
    assert_eq!(
        act(&opinion, A::Reply, Actor::Officer, "2026-10-15"),
        Err(E::NotYourAction)
    );
    assert_eq!(
        act(&opinion, A::Expire, Actor::Firm, "2026-10-20"),
        Err(E::NotYourAction)
    );
    // The firm cannot reply where there is nothing to reply to.
    assert_eq!(
        act(&s, A::Reply, Actor::Firm, "2026-09-30"),
        Err(E::WrongStatus)
    );
}

#[test]
fn a_reply_is_due_by_the_deadline_or_the_request_is_withdrawn() {
    let opinion = officer(
        &officer(&submitted(), A::Accept, "2026-10-08"),
        defects(),
        "2026-10-14",
    );
    // Due Monday 19 October: a reply that day is in time, back under examination.
    let replied = act(&opinion, A::Reply, Actor::Firm, "2026-10-19").unwrap();
    assert_eq!(replied.status, S::UnderExamination);
    assert_eq!(replied.due_on, Some(day("2026-10-26")));
    assert_eq!(
        act(&opinion, A::Reply, Actor::Firm, "2026-10-20"),
        Err(E::ReplyOverdue)
    );
    assert_eq!(
        act(&opinion, A::Expire, Actor::System, "2026-10-19"),
        Err(E::NotOverdue)
    );
    let withdrawn = act(&opinion, A::Expire, Actor::System, "2026-10-20").unwrap();
    assert_eq!(withdrawn.status, S::Withdrawn);
    assert!(withdrawn.status.is_final());
}

#[test]
fn at_most_two_rounds_of_amendment_then_a_decision() {
    let mut state = officer(&submitted(), A::Accept, "2026-10-08");
    for round in 1..=MAX_AMENDMENT_ROUNDS {
        state = officer(&state, defects(), "2026-10-14");
        assert_eq!(state.amendment_rounds, round);
        state = act(&state, A::Reply, Actor::Firm, "2026-10-15").unwrap();
    }
    assert_eq!(
        act(&state, defects(), Actor::Officer, "2026-10-16"),
        Err(E::AmendmentRoundsUsed)
    );
    let failed = officer(
        &state,
        A::Fail {
            reasons: vec!["修改后仍缺少必要视图".into()],
        },
        "2026-10-16",
    );
    assert_eq!(failed.status, S::Failed);
    assert_eq!(failed.reasons, ["修改后仍缺少必要视图"]);
    let no_number = A::Pass {
        notice_number: "  ".into(),
    };
    assert_eq!(
        act(&state, no_number, Actor::Officer, "2026-10-16"),
        Err(E::NoticeNumberMissing)
    );
    let too_many = A::RequestAmendment {
        defects: vec!["x".into(); MAX_DEFECTS + 1],
    };
    let fresh = officer(&submitted(), A::Accept, "2026-10-08");
    assert_eq!(
        act(&fresh, too_many, Actor::Officer, "2026-10-09"),
        Err(E::TooManyDefects)
    );
}

#[test]
fn the_reported_application_number_is_checked() {
    let p = passed();
    let firm = |a| act(&p, a, Actor::Firm, "2026-11-10");
    // A wrong check character.
    assert_eq!(
        firm(report("202630012345.3", "2026-11-09")),
        Err(E::PatentNumber(
            "202630012345.3".into(),
            PatentNumberError::CheckDigitMismatch { expected: '2' }
        ))
    );
    // A utility model's number for a design request.
    assert_eq!(
        firm(report("202620012345.7", "2026-11-09")),
        Err(E::NumberKind {
            number: PatentKind::UtilityModel,
            request: PatentKind::Design
        })
    );
    // A number of 2025 with a filing date in 2026.
    assert_eq!(
        firm(report("202530012345.8", "2026-11-09")),
        Err(E::NumberYear(2025))
    );
    // Filed before the request was submitted, or tomorrow; a date not written as one.
    assert_eq!(
        firm(report("202630012345.2", "2026-09-28")),
        Err(E::FilingDate)
    );
    assert_eq!(
        firm(report("202630012345.2", "2026-11-11")),
        Err(E::FilingDate)
    );
    assert_eq!(firm(report("202630012345.2", "9 Nov")), Err(E::DateFormat));
    let reported = firm(report("CN 2026 3 0012345.2", "2026-11-09")).unwrap();
    assert_eq!(reported.status, S::FilingReported);
    let filing = reported.filing.clone().unwrap();
    assert_eq!(filing.number.as_str(), "202630012345.2");
    assert_eq!(filing.reported_on, day("2026-11-10"));
    assert_eq!(reported.due_on, None);
}

#[test]
fn consistency_check_forwards_or_sends_back_then_the_outcome_is_recorded() {
    let reported = act(
        &passed(),
        report("202630012345.2", "2026-11-09"),
        Actor::Firm,
        "2026-11-10",
    )
    .unwrap();
    // Sent back: passed again, the report due as before (from the notice), the filing cleared.
    let returned = officer(
        &reported,
        A::ReturnFiling {
            reasons: vec!["申请文件与预审合格的文件不一致".into()],
        },
        "2026-11-11",
    );
    assert_eq!(returned.status, S::Passed);
    assert_eq!(returned.due_on, Some(day("2026-11-16")));
    assert_eq!(returned.filing, None);
    let forwarded = officer(&reported, A::ConfirmFiling, "2026-11-11");
    assert_eq!(forwarded.status, S::Forwarded);
    let grant = |on: &str| A::RecordGrant {
        granted_on: on.into(),
    };
    assert_eq!(
        act(
            &forwarded,
            grant("2026-11-08"),
            Actor::Officer,
            "2026-11-20"
        ),
        Err(E::GrantDate)
    );
    assert_eq!(
        act(
            &forwarded,
            grant("2026-11-21"),
            Actor::Officer,
            "2026-11-20"
        ),
        Err(E::GrantDate)
    );
    let granted = officer(&forwarded, grant("2026-11-18"), "2026-11-20");
    assert_eq!(granted.status, S::Granted);
    assert_eq!(granted.granted_on, Some(day("2026-11-18")));
    let not_granted = officer(
        &forwarded,
        A::RecordNotGranted {
            reasons: vec!["国家知识产权局驳回".into()],
        },
        "2026-11-20",
    );
    assert_eq!(not_granted.status, S::NotGranted);
}

#[test]
fn each_transition_leaves_its_history_entry() {
    let s = PreExamSettings::default();
    let accepted = officer(&submitted(), A::Accept, "2026-10-08");
    let t = apply(
        &accepted,
        &defects(),
        Actor::Officer,
        day("2026-10-14"),
        &s,
        &calendar(),
    )
    .unwrap();
    assert_eq!(t.event.action, "request_amendment");
    assert_eq!(t.event.by, Actor::Officer);
    assert_eq!(t.event.detail, ["附图不清楚", "简要说明缺少设计要点"]);
}

#[test]
fn actions_read_from_json_by_their_code() {
    let a: A = serde_json::from_str(r#"{"action":"request_amendment","defects":["a"]}"#).unwrap();
    assert_eq!(a.code(), "request_amendment");
    let r: A = serde_json::from_str(
        r#"{"action":"report_filing","number":"202630012345.2","filed_on":"2026-11-09"}"#,
    )
    .unwrap();
    assert_eq!(r, report("202630012345.2", "2026-11-09"));
    assert_eq!(PreExamStatus::from_code("forwarded"), Some(S::Forwarded));
}

#[test]
fn a_design_is_not_asked_about_a_same_day_filing() {
    let mut a = PreExamAnswers {
        kind: Some(PatentKind::Design),
        same_day_filing: Some(true),
        divisional: Some(true),
        ..Default::default()
    };
    let (refused, unanswered) = Exclusion::check(a.kind, |x| a.exclusion(x));
    assert_eq!(refused, [("divisional", E::ExcludedDivisional)]);
    assert_eq!(
        unanswered,
        [
            "pct_national_phase",
            "needs_secrecy_examination",
            "already_filed"
        ]
    );
    a.kind = Some(PatentKind::UtilityModel);
    let (refused, _) = Exclusion::check(a.kind, |x| a.exclusion(x));
    assert_eq!(refused.len(), 2);
    assert_eq!(refused[1], ("same_day_filing", E::ExcludedSameDay));
}

/// The errors' codes and messages (beside `errors.rs`, as they read the answers' fixtures).
mod errors {
    use super::*;
    use crate::api::firm::registration::FieldVenue;
    use crate::lang::{assert_messages, Lang, Localized};
    use std::collections::HashSet;
    use PreExamError::*;

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        let fields = design().missing();
        assert!(fields.is_empty());
        let asked = PreExamAnswers::default().missing();
        let messages: HashSet<_> = asked.iter().map(|f| Missing(f).message(Lang::Zh)).collect();
        assert_eq!(messages.len(), asked.len());
        let docs: HashSet<_> = Document::ALL
            .iter()
            .map(|d| DocumentMissing(*d).message(Lang::En))
            .collect();
        assert_eq!(docs.len(), Document::ALL.len());
        let served = vec![ServedField {
            name_zh: "智能装备".into(),
            name_en: "Smart equipment".into(),
            classes: vec!["B25F 5/00".into()],
        }];
        let mut all = vec![
            Missing("venue"),
            TextTooLong,
            ControlCharacter,
            TooManyNames(50),
            NameRepeated("Zhang San".into()),
            NameBlank,
            IpcFormat,
            LocarnoFormat,
            FieldNotOpen {
                name_zh: "新材料".into(),
                name_en: "New materials".into(),
            },
            ServedElsewhere(FieldVenue::Furniture),
            VenueServesNone {
                venue: FieldVenue::HomeTextiles,
                design: false,
            },
            ClassNotServed {
                class: "A47C 31/00".into(),
                venue: FieldVenue::ProtectionCenter,
                served,
            },
        ];
        // Every exclusion's refusal, however many there are.
        all.extend(Exclusion::ALL.map(Exclusion::refusal));
        all.extend([
            DocumentMissing(Document::Claims),
            QuotaUsed(50),
            OutOfRange(60),
            NotYourAction,
            WrongStatus,
            AmendmentRoundsUsed,
            ReplyOverdue,
            NotOverdue,
            ReasonsMissing,
            TooManyDefects,
            NoticeNumberMissing,
            NumberKind {
                number: PatentKind::UtilityModel,
                request: PatentKind::Invention,
            },
            NumberYear(2025),
            DateFormat,
            FilingDate,
            GrantDate,
        ]);
        assert_messages("pre_exam.", &all);
        let wrapped = PatentNumber("2026".into(), PatentNumberError::WrongLength);
        assert!(wrapped.message(Lang::En).starts_with("2026: "));
        assert_eq!(wrapped.code(), "patent_number.wrong_length");
        let calendar = Calendar(NotPublished { year: 2028 });
        assert_eq!(calendar.code(), "calendar.not_published");
    }

    #[test]
    fn a_class_not_served_names_the_fields_and_their_first_classes() {
        let classes: Vec<String> = (1..=8).map(|g| format!("B25F {g}/00")).collect();
        let e = ClassNotServed {
            class: "A47C 31/00".into(),
            venue: FieldVenue::ProtectionCenter,
            served: vec![
                ServedField {
                    name_zh: "智能装备".into(),
                    name_en: "Smart equipment".into(),
                    classes,
                },
                ServedField {
                    name_zh: "现代纺织".into(),
                    name_en: "Modern textiles".into(),
                    classes: vec!["D06F 58/00".into()],
                },
            ],
        };
        let en = e.message(Lang::En);
        assert!(en.contains("Nantong IP Protection Center"), "{en}");
        assert!(
            en.contains("Smart equipment (B25F 1/00, B25F 2/00, B25F 3/00, B25F 4/00, B25F 5/00, B25F 6/00 and 2 more); Modern textiles (D06F 58/00)"),
            "{en}"
        );
        let zh = e.message(Lang::Zh);
        assert!(zh.contains("现代纺织（D06F 58/00）"), "{zh}");
        assert!(!zh.contains("B25F 7/00"), "{zh}");
    }
}

#[test]
fn the_browser_checks_an_actions_body_as_apply_does_at_the_servers_field() {
    let blank = A::RequestAmendment {
        defects: vec!["  ".into()],
    };
    assert_eq!(action_problems(&blank), [("defects", E::ReasonsMissing)]);
    let no_reason = A::Fail { reasons: vec![] };
    assert_eq!(
        action_problems(&no_reason),
        [("reasons", E::ReasonsMissing)]
    );
    let no_number = A::Pass {
        notice_number: " ".into(),
    };
    assert_eq!(
        action_problems(&no_number),
        [("notice_number", E::NoticeNumberMissing)]
    );
    let bad_date = A::RecordGrant {
        granted_on: "2026/12/01".into(),
    };
    assert_eq!(action_problems(&bad_date), [("granted_on", E::DateFormat)]);
    assert!(action_problems(&A::Accept).is_empty());
    assert!(action_problems(&defects()).is_empty());
    assert!(action_problems(&pass()).is_empty());
}
