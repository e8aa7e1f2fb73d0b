use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::assistance::{
    code, parse_link, ApplicantKind, AssistanceRequest, AssistanceType, DraftContext, FilePurpose,
    GiId, LegalStatus, RightType, Section,
};
use portal_domain::Lang;

use super::draft::use_draft;
use super::files::size_text;
use super::gi_name::gi_label;
use super::texts::{assistance_text, assistance_texts};
use super::{field_id, section_href, SaveStatus, APPLY};
use crate::api::{self, ApiError};
use crate::components::form::{problem_errors, FormErrorSummary};
use crate::components::loading::Loading;
use crate::components::sending::{NotSentPanel, SendButton};
use crate::components::submit::Submit;
use crate::prefs::{use_page_title, use_prefs};

/// Where a field of the draft is asked: its section's page, at the field.
fn field_href(field: &str) -> String {
    let section = match field.split('.').next().unwrap_or("") {
        "applicant" => Section::Applicant,
        "right" => Section::Right,
        "other_party" => Section::OtherParty,
        "facts" => Section::Facts,
        "help" => Section::Help,
        "evidence" => Section::Evidence,
        _ => Section::Declaration,
    };
    format!("{}#{}", section_href(section), field_id(field))
}

#[derive(Clone, PartialEq)]
enum Sending {
    Idle,
    /// Sent: the request's own page is loading; the button stays off until it has replaced
    /// this one.
    Sent,
    /// No answer came back: the request may or may not exist; trying again is safe.
    Failed,
    /// The server refused it with this message.
    Refused(String),
}

/// `/assistance/apply/check`: every answer with a link to change it, the files, then submit.
/// The whole application is checked first with the server's own checks; a retry after a lost
/// answer reuses the idempotency key, so it never makes a second request.
#[component]
pub fn CheckPage() -> impl IntoView {
    let prefs = use_prefs();
    let store = use_draft();
    use_page_title(|lang| assistance_texts(lang).check_heading);
    let sending = RwSignal::new(Sending::Idle);
    let form = Submit::new();
    let errors = form.errors;

    let submit = move || {
        let lang = prefs.lang.get_untracked();
        let files = store
            .view
            .with_untracked(|v| v.as_ref().map(|v| v.files.clone()).unwrap_or_default());
        let today = store.today();
        let parsed = store.draft.with_untracked(|d| {
            AssistanceRequest::parse(
                d,
                &DraftContext {
                    today,
                    files: &files,
                    gi_exists: &|_: &GiId| true,
                },
            )
            .map(drop)
        });
        let checked = match parsed {
            Err(problems) if !store.submitted.get_untracked() => {
                Err(problem_errors(&problems, lang, field_href))
            }
            _ => Ok(()),
        };
        form.send(
            checked,
            move |()| {
                sending.set(Sending::Idle);
                async move {
                    if !store.submitted.get_untracked() {
                        store.save_now().await?;
                    }
                    let token = store.ensure_token().await?;
                    api::assistance_submit(&token, &store.submit_key(), lang).await
                }
            },
            move |submitted| {
                sending.set(Sending::Sent);
                // Nothing of the application stays on this device.
                store.forget();
                // The request's page is the tracking app: a page load, replacing this
                // one in the history so Back cannot return to a sent application.
                let _ = window().location().replace(&format!(
                    "/assistance/requests/{}?new=1",
                    submitted.tracking_token
                ));
            },
            move |error| {
                match error {
                    ApiError::Validation(body) if body.code == code::DRAFT_INCOMPLETE => {
                        return body
                            .fields
                            .iter()
                            .map(|(field, e)| (field_href(field), e.message.clone()))
                            .collect();
                    }
                    ApiError::Validation(body) => sending.set(Sending::Refused(body.message)),
                    _ => sending.set(Sending::Failed),
                }
                Vec::new()
            },
        );
    };

    view! {
        <div class="container page narrow">
            <A href=APPLY attr:class="back-link">{assistance_text(|t| t.back_to_tasks)}</A>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{assistance_text(|t| t.check_heading)}</h1>
            <SaveStatus/>
            <Show
                when=move || store.ready.get()
                fallback=|| view! { <Loading label=Signal::derive(assistance_text(|t| t.loading))/> }
            >
                <Answers/>
            </Show>
            {move || match sending.get() {
                Sending::Failed => Some(view! {
                    <NotSentPanel title=assistance_text(|t| t.not_sent_title)>{assistance_text(|t| t.not_sent_body)}</NotSentPanel>
                }.into_any()),
                Sending::Refused(message) => Some(view! {
                    <NotSentPanel title=assistance_text(|t| t.not_sent_title)>{message}</NotSentPanel>
                }.into_any()),
                _ => None,
            }}
            <h2>{assistance_text(|t| t.submit_heading)}</h2>
            <p>{assistance_text(|t| t.submit_body)}</p>
            <SendButton
                busy=Signal::derive(move || form.busy().get() || sending.get() == Sending::Sent)
                label=move || {
                    let t = assistance_texts(prefs.lang.get());
                    if store.submitted.get() {
                        t.get_confirmation
                    } else if sending.get() == Sending::Failed {
                        t.try_again
                    } else {
                        t.submit_button
                    }
                }
                sending_text=Signal::derive(assistance_text(|t| t.sending))
                on_send=submit
            />
        </div>
    }
}

/// A choice's label from its code (the code itself if unknown).
fn label_of<T: Copy>(
    code: &Option<String>,
    from: fn(&str) -> Option<T>,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> Option<String> {
    let code = code.as_deref()?;
    Some(from(code).map_or_else(|| code.to_owned(), |v| label(v, lang).to_owned()))
}

/// The answers, section by section, each with "Change".
#[component]
fn Answers() -> impl IntoView {
    let prefs = use_prefs();
    let store = use_draft();
    // A GI product is named, not only numbered.
    let gi = gi_label(Memo::new(move |_| {
        store.draft.with(|d| {
            let gi_code = RightType::GeographicalIndication.code();
            (d.right.right_type.as_deref() == Some(gi_code))
                .then(|| d.right.number.clone())
                .flatten()
        })
    }));
    let rows = move || {
        let lang = prefs.lang.get();
        let t = assistance_texts(lang);
        let d = store.draft.get();
        let files = store.files();
        let yes_no = |v: Option<bool>| v.map(|v| if v { t.yes } else { t.no }.to_owned());
        let a = &d.applicant;
        let org = a.kind.as_deref() == Some(ApplicantKind::Organisation.code());
        let mut applicant = vec![
            (
                t.row_applicant_kind,
                label_of(
                    &a.kind,
                    ApplicantKind::from_code,
                    ApplicantKind::label,
                    lang,
                ),
            ),
            (
                if org {
                    t.organisation_name_label
                } else {
                    t.person_name_label
                },
                a.name.clone(),
            ),
        ];
        if org {
            applicant.push((t.uscc_label, a.uscc.clone()));
            applicant.push((t.contact_name_label, a.contact_name.clone()));
        } else {
            // Masked here too (a shared kiosk screen): the number's check digit already
            // catches typing mistakes, and the Change link shows it in full to its owner.
            let shown = a.resident_id.as_deref().map(|id| {
                portal_domain::ids::ResidentId::parse(id)
                    .map(|id| id.masked())
                    .unwrap_or_else(|_| id.to_owned())
            });
            applicant.push((t.resident_id_label, shown));
        }
        applicant.push((t.mobile_label, a.mobile.clone()));
        applicant.push((t.acting_question, yes_no(a.acting_for_someone_else)));
        if a.acting_for_someone_else == Some(true) {
            applicant.push((t.representative_label, a.representative_name.clone()));
        }
        let r = &d.right;
        let right = vec![
            (
                t.right_type_question,
                label_of(&r.right_type, RightType::from_code, RightType::label, lang),
            ),
            (t.row_number, gi.get().or_else(|| r.number.clone())),
            (t.right_title_label, r.title.clone()),
            (t.holder_label, r.holder.clone()),
            (
                t.legal_status_question,
                label_of(
                    &r.legal_status,
                    LegalStatus::from_code,
                    LegalStatus::label,
                    lang,
                ),
            ),
        ];
        let p = &d.other_party;
        let party = vec![
            (t.other_name_label, p.name.clone()),
            (t.address_label, p.address.clone()),
            // The link that will be sent, not the whole share text it was pasted in.
            (
                t.link_label,
                parse_link(&p.online_link)
                    .ok()
                    .flatten()
                    .or_else(|| p.online_link.clone()),
            ),
            (t.place_label, p.place.clone()),
        ];
        let f = &d.facts;
        let facts = vec![
            (t.description_label, f.description.clone()),
            (t.discovered_label, f.discovered_on.clone()),
            (t.loss_label, f.estimated_loss.clone()),
            (t.actions_label, f.other_actions.clone()),
        ];
        let help_types: Vec<&str> = AssistanceType::ALL
            .iter()
            .filter(|k| d.help.types.iter().any(|c| c == k.code()))
            .map(|k| k.label(lang))
            .collect();
        let help = vec![
            (
                t.help_question,
                (!help_types.is_empty()).then(|| help_types.join("；")),
            ),
            (t.help_notes_label, d.help.notes.clone()),
        ];
        let names = |purpose: FilePurpose| {
            let list: Vec<String> = files
                .iter()
                .filter(|f| f.purpose == purpose)
                .map(|f| format!("{}（{}）", f.name, size_text(f.size)))
                .collect();
            (!list.is_empty()).then(|| list.join("；"))
        };
        let mut evidence = vec![(t.evidence_files_heading, names(FilePurpose::Evidence))];
        if a.acting_for_someone_else == Some(true) {
            evidence.push((t.letter_heading, names(FilePurpose::AuthorisationLetter)));
        }
        evidence.push((
            t.evidence_complete_label,
            Some(if d.evidence.complete { t.yes } else { t.no }.to_owned()),
        ));
        let declaration = vec![(
            t.declaration_label,
            Some(if d.declaration.accepted { t.yes } else { t.no }.to_owned()),
        )];
        [
            (Section::Applicant, applicant),
            (Section::Right, right),
            (Section::OtherParty, party),
            (Section::Facts, facts),
            (Section::Help, help),
            (Section::Evidence, evidence),
            (Section::Declaration, declaration),
        ]
        .into_iter()
        .map(|(section, rows)| {
            let href = section_href(section);
            let title = section.label(lang);
            view! {
                <h2>{title}</h2>
                <dl class="summary-list">
                    {rows.into_iter().map(|(label, value)| view! {
                        <div class="summary-list__row">
                            <dt>{label}</dt>
                            <dd class="summary-list__value">{value.unwrap_or_else(|| t.not_given.to_owned())}</dd>
                            <dd class="summary-list__actions">
                                <A href=href>{t.change}<span class="visually-hidden">" "{label}</span></A>
                            </dd>
                        </div>
                    }).collect_view()}
                </dl>
            }
        })
        .collect_view()
    };
    view! { <div class="answers">{rows}</div> }
}
