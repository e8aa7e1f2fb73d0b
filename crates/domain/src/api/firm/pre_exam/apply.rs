//! The examination's transitions, one pure function: the server calls it with the request's
//! state, the action, who acts, the center's today, the settings and the official calendar, and
//! stores what it gives back. Every limit that starts is counted in working days.
//! (The diagram of the states is in the module's documentation.)

use super::errors::PreExamError as E;
use super::exam::{
    Actor, ExamEvent, Examination, FilingReport, NationalFiling, PassNotice, PreExamAction as A,
    PreExamStatus as S, Transition, MAX_AMENDMENT_ROUNDS, MAX_DEFECTS,
};
use super::settings::PreExamSettings;
use crate::calendar::{Date, HolidayCalendar};
use crate::ids::PatentApplicationNumber;
use crate::text::{clean_line, clean_text};

/// Longest defect or reason.
const MAX_REASON_CHARS: usize = 1000;
/// Longest notice number.
const MAX_NOTICE_NUMBER_CHARS: usize = 40;

/// The state after `action`, and its history entry; or why the action cannot be taken.
pub fn apply(
    state: &Examination,
    action: &A,
    actor: Actor,
    today: Date,
    settings: &PreExamSettings,
    calendar: &HolidayCalendar,
) -> Result<Transition, E> {
    if !action.allowed_for(actor) {
        return Err(E::NotYourAction);
    }
    let due = |days: u32| {
        calendar
            .add_working_days(today, days)
            .map(Some)
            .map_err(E::Calendar)
    };
    let opinion_days = settings.opinion_working_days(state.kind);
    let mut next = state.clone();
    let mut detail = Vec::new();
    match (state.status, action) {
        (S::Submitted, A::Accept) => {
            next.status = S::UnderExamination;
            next.due_on = due(opinion_days)?;
        }
        (S::Submitted, A::NotAccept { reasons }) => {
            detail = texts(reasons)?;
            next.status = S::NotAccepted;
            next.reasons.clone_from(&detail);
            next.due_on = None;
        }
        (S::UnderExamination, A::RequestAmendment { defects }) => {
            if state.amendment_rounds >= MAX_AMENDMENT_ROUNDS {
                return Err(E::AmendmentRoundsUsed);
            }
            detail = texts(defects)?;
            next.status = S::NeedsAmendment;
            next.amendment_rounds += 1;
            next.defects.clone_from(&detail);
            next.due_on = due(settings.reply_working_days)?;
        }
        (S::NeedsAmendment, A::Reply) => {
            if state.due_on.is_some_and(|d| today > d) {
                return Err(E::ReplyOverdue);
            }
            next.status = S::UnderExamination;
            next.due_on = due(opinion_days)?;
        }
        (S::NeedsAmendment, A::Expire) => {
            if state.due_on.is_none_or(|d| today <= d) {
                return Err(E::NotOverdue);
            }
            next.status = S::Withdrawn;
            next.due_on = None;
        }
        (S::UnderExamination, A::Pass { notice_number }) => {
            let number = notice(notice_number)?;
            detail = vec![number.clone()];
            next.status = S::Passed;
            next.defects.clear();
            next.notice = Some(PassNotice {
                number,
                issued_on: today,
            });
            next.due_on = due(settings.report_working_days)?;
        }
        (S::UnderExamination, A::Fail { reasons }) => {
            detail = texts(reasons)?;
            next.status = S::Failed;
            next.reasons.clone_from(&detail);
            next.due_on = None;
        }
        (S::Passed, A::ReportFiling(report)) => {
            let filing = filing(state, &report.number, &report.filed_on, today)?;
            detail = vec![filing.number.to_string(), filing.filed_on.to_string()];
            next.status = S::FilingReported;
            next.filing = Some(filing);
            next.reasons.clear();
            next.due_on = None;
        }
        (S::FilingReported, A::ConfirmFiling) => {
            next.status = S::Forwarded;
        }
        (S::FilingReported, A::ReturnFiling { reasons }) => {
            detail = texts(reasons)?;
            next.status = S::Passed;
            next.filing = None;
            next.reasons.clone_from(&detail);
            // The report limit runs from the notice, as before: sending it back gives no more time.
            next.due_on = match &state.notice {
                Some(n) => calendar
                    .add_working_days(n.issued_on, settings.report_working_days)
                    .map(Some)
                    .map_err(E::Calendar)?,
                None => None,
            };
        }
        (S::Forwarded, A::RecordGrant { granted_on }) => {
            let on = Date::parse(granted_on.trim()).map_err(|_| E::DateFormat)?;
            let filed = state.filing.as_ref().map(|f| f.filed_on);
            if on > today || filed.is_some_and(|f| on < f) {
                return Err(E::GrantDate);
            }
            detail = vec![on.to_string()];
            next.status = S::Granted;
            next.granted_on = Some(on);
        }
        (S::Forwarded, A::RecordNotGranted { reasons }) => {
            detail = texts(reasons)?;
            next.status = S::NotGranted;
            next.reasons.clone_from(&detail);
        }
        _ => return Err(E::WrongStatus),
    }
    Ok(Transition {
        state: next,
        event: ExamEvent {
            on: today,
            by: actor,
            action: action.code().into(),
            detail,
        },
    })
}

/// What is wrong with the typed body of an action (its texts, notice number or date), at the
/// body's field, before it is sent: the browser says it as `apply` would, whatever the status.
pub fn action_problems(action: &A) -> Vec<(&'static str, E)> {
    let problem = match action {
        A::NotAccept { reasons }
        | A::Fail { reasons }
        | A::ReturnFiling { reasons }
        | A::RecordNotGranted { reasons } => texts(reasons).err(),
        A::RequestAmendment { defects } => texts(defects).err(),
        A::Pass { notice_number } => notice(notice_number).err(),
        A::RecordGrant { granted_on } => {
            Date::parse(granted_on.trim()).err().map(|_| E::DateFormat)
        }
        _ => None,
    };
    problem
        .map(|e| (action.field_of(&e), e))
        .into_iter()
        .collect()
}

/// The notice number, cleaned: given and not too long.
fn notice(typed: &str) -> Result<String, E> {
    match clean_line(Some(typed), MAX_NOTICE_NUMBER_CHARS) {
        Ok(Some(n)) => Ok(n),
        Ok(None) => Err(E::NoticeNumberMissing),
        Err(_) => Err(E::TextTooLong),
    }
}

/// Defects or reasons: at least one, at most [`MAX_DEFECTS`], each cleaned and not blank.
fn texts(list: &[String]) -> Result<Vec<String>, E> {
    if list.len() > MAX_DEFECTS {
        return Err(E::TooManyDefects);
    }
    let cleaned = list
        .iter()
        .map(|t| match clean_text(Some(t), MAX_REASON_CHARS) {
            Ok(Some(t)) => Ok(t),
            Ok(None) => Err(E::ReasonsMissing),
            Err(_) => Err(E::TextTooLong),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if cleaned.is_empty() {
        return Err(E::ReasonsMissing);
    }
    Ok(cleaned)
}

impl FilingReport {
    /// The check `apply` makes of a report (below), for the firm's page to run before sending:
    /// the same refusal, in the same words, as the server's.
    pub fn check(&self, state: &Examination, today: Date) -> Result<NationalFiling, E> {
        filing(state, &self.number, &self.filed_on, today)
    }
}

/// The reported national application, checked: a valid number (ZC 0006 check character) of the
/// request's kind, filed in the number's year, not before the request was submitted (a request
/// is for an application not filed yet) and not after today.
fn filing(
    state: &Examination,
    number: &str,
    filed_on: &str,
    today: Date,
) -> Result<NationalFiling, E> {
    let parsed =
        PatentApplicationNumber::parse(number).map_err(|e| E::PatentNumber(number.into(), e))?;
    if parsed.kind() != state.kind {
        return Err(E::NumberKind {
            number: parsed.kind(),
            request: state.kind,
        });
    }
    let filed_on = Date::parse(filed_on.trim()).map_err(|_| E::DateFormat)?;
    if filed_on > today || filed_on < state.submitted_on {
        return Err(E::FilingDate);
    }
    if parsed.year() != filed_on.year() {
        return Err(E::NumberYear(parsed.year()));
    }
    Ok(NationalFiling {
        number: parsed,
        filed_on,
        reported_on: today,
    })
}
