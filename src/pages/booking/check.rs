use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::booking::{BookingVenue, SlotOffer, Topic};
use portal_domain::calendar::Date;
use portal_domain::time::SlotTime;

use super::draft::{use_draft, Step};
use super::slots::when;
use super::texts::{booking_questions_text, booking_questions_texts, booking_text, booking_texts};
use super::{use_step_guard, StepHeader};
use crate::api::{self, ApiError};
use crate::app_links::use_go_replacing;
use crate::components::form::{refusal_errors_at, FormErrorSummary};
use crate::components::loading::Loading;
use crate::components::sending::{NotSentPanel, SendButton};
use crate::components::submit::{checked, Submit};
use crate::dates::{long_date, time_range};
use crate::prefs::{use_page_title, use_prefs};

/// Where a request field is asked: its question page (and the field on it).
fn field_href(field: &str) -> String {
    match field {
        "topic" => Step::Topic.href().to_owned(),
        "venue" => Step::Venue.href().to_owned(),
        "date" => Step::Date.href().to_owned(),
        "time" => Step::Time.href().to_owned(),
        other => format!("{}#{other}", Step::Details.href()),
    }
}

#[derive(Clone, PartialEq)]
enum Sending {
    Idle,
    /// The answer did not come back (or the server failed): the booking may or may not exist.
    Failed,
    /// The slot filled up meanwhile: the server's message and the free slots it offers.
    SlotTaken(String, Vec<SlotOffer>),
    /// A slot from the offers was chosen: the new time, to check before confirming.
    TimeChanged(String),
}

/// `/booking/check`: every answer with a link to change it, then the one button that books.
#[component]
pub fn CheckPage() -> impl IntoView {
    use_step_guard(Step::Check);
    let prefs = use_prefs();
    let draft = use_draft();
    // The booking's page is in another app (`App::BookingManage`).
    let go = use_go_replacing();
    use_page_title(|lang| booking_questions_texts(lang).check_heading);

    let topic_id = draft
        .0
        .with_untracked(|d| d.request.topic.clone().unwrap_or_default());
    // Names (and the address) of the chosen topic and venue, in both languages.
    let names = LocalResource::new(move || {
        let topic_id = topic_id.clone();
        async move {
            let lang = prefs.lang.get_untracked();
            let topics = api::booking_topics(lang).await?;
            let venues = api::booking_venues(&topic_id, lang).await?;
            Ok::<_, ApiError>((topics.items, venues.items))
        }
    });

    let sending = RwSignal::new(Sending::Idle);
    let form = Submit::new();
    let errors = form.errors;

    let submit = move || {
        let lang = prefs.lang.get_untracked();
        let request = draft.0.with_untracked(|d| d.request.clone());
        let go = go.clone();
        form.send(
            checked(request, |r| r.parse(), lang, field_href),
            move |request| {
                let mut key = String::new();
                draft.update(|d| key = d.key_for_sending());
                sending.set(Sending::Idle);
                async move { api::create_booking(&request, &key, lang).await }
            },
            move |created| {
                draft.clear();
                // Replace: Back from the confirmation must not land on a form that books.
                go(&format!("/booking/manage/{}?new=1", created.manage_token));
            },
            move |error| {
                match error {
                    ApiError::SlotFull { message, offers } => {
                        sending.set(Sending::SlotTaken(message, offers))
                    }
                    ApiError::Validation(body) => {
                        return refusal_errors_at(body, Step::Check.href().to_owned(), field_href)
                    }
                    _ => sending.set(Sending::Failed),
                }
                Vec::new()
            },
        );
    };

    let choose_offer = move |offer: SlotOffer| {
        let lang = prefs.lang.get_untracked();
        let changed = when(offer.date, &offer.time, &offer.end_time, lang);
        draft.update(|d| {
            d.request.date = Some(offer.date.to_string());
            d.request.time = Some(offer.time.clone());
        });
        sending.set(Sending::TimeChanged(changed));
    };

    view! {
        <div class="container page narrow">
            <StepHeader step=Step::Check/>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{booking_questions_text(|t| t.check_heading)}</h1>
            <Suspense fallback=move || view! { <Loading label=Signal::derive(booking_text(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    let (topics, venues) = names.await.unwrap_or_default();
                    view! { <Answers topics=topics venues=venues/> }
                })}
            </Suspense>
            {move || match sending.get() {
                Sending::SlotTaken(message, offers) => Some(view! {
                    <SlotTakenPanel message=message offers=offers on_choose=choose_offer/>
                }.into_any()),
                Sending::TimeChanged(changed) => Some(view! {
                    <div class="notice notice--success" role="status">
                        <p>{move || booking_texts(prefs.lang.get()).time_changed_to(&changed)}</p>
                    </div>
                }.into_any()),
                Sending::Failed => Some(view! {
                    <NotSentPanel title=booking_questions_text(|t| t.not_sent_title)>{booking_text(|t| t.not_sent_body)}</NotSentPanel>
                }.into_any()),
                Sending::Idle => None,
            }}
            <h2>{booking_questions_text(|t| t.confirm_heading)}</h2>
            <p>{booking_questions_text(|t| t.confirm_body)}</p>
            <SendButton
                busy=form.busy()
                label=move || {
                    let t = booking_questions_texts(prefs.lang.get());
                    if sending.get() == Sending::Failed { t.try_again } else { t.confirm_button }
                }
                sending_text=Signal::derive(booking_text(|t| t.sending))
                on_send=submit
            />
        </div>
    }
}

/// The answers in two summary lists, each row with a "Change" link to its question.
#[component]
fn Answers(topics: Vec<Topic>, venues: Vec<BookingVenue>) -> impl IntoView {
    let prefs = use_prefs();
    let draft = use_draft();
    let r = move || draft.0.with(|d| d.request.clone());
    let topic = move || {
        let id = r().topic.unwrap_or_default();
        let lang = prefs.lang.get();
        topics
            .iter()
            .find(|t| t.id == id)
            .map(|t| lang.pick(&t.name_zh, &t.name_en).to_owned())
            .unwrap_or(id)
    };
    let venues = StoredValue::new(venues);
    let venue = move || {
        let id = r().venue.unwrap_or_default();
        let lang = prefs.lang.get();
        venues.with_value(|venues| {
            venues
                .iter()
                .find(|v| v.id == id)
                .map(|v| {
                    let name = lang.pick(&v.name_zh, &v.name_en);
                    match &v.address {
                        Some(address) => format!("{name}（{address}）"),
                        None => name.to_owned(),
                    }
                })
                .unwrap_or(id)
        })
    };
    let date = move || {
        let date = r().date.unwrap_or_default();
        Date::parse(&date)
            .map(|d| long_date(d, prefs.lang.get()))
            .unwrap_or(date)
    };
    let time = move || {
        let r = r();
        let start = r.time.unwrap_or_default();
        let id = r.venue.unwrap_or_default();
        let minutes = venues.with_value(|v| v.iter().find(|v| v.id == id).map(|v| v.slot_minutes));
        match (SlotTime::parse(&start), minutes) {
            (Some(from), Some(minutes)) => match from.plus(minutes) {
                Some(to) => time_range(&start, &to.to_string()),
                None => start,
            },
            _ => start,
        }
    };
    let t = move || booking_texts(prefs.lang.get());
    let or_none = move |v: Option<String>| v.unwrap_or_else(|| t().none_given.to_owned());
    let adjustments = move || {
        let r = r();
        let t = t();
        let mut list = Vec::new();
        if r.wheelchair_access {
            list.push(t.wheelchair.to_owned());
        }
        if r.sign_language_interpreter {
            list.push(t.sign_language.to_owned());
        }
        if let Some(other) = r.other_adjustments {
            list.push(other);
        }
        if list.is_empty() {
            t.none_given.to_owned()
        } else {
            list.join("；")
        }
    };
    let details = Step::Details.href();
    view! {
        <h2>{booking_questions_text(|t| t.check_appointment)}</h2>
        <dl class="summary-list">
            <Row label=booking_text(|t| t.row_topic) value=Signal::derive(topic) href=Step::Topic.href()/>
            <Row label=booking_text(|t| t.row_venue) value=Signal::derive(venue) href=Step::Venue.href()/>
            <Row label=booking_text(|t| t.row_date) value=Signal::derive(date) href=Step::Date.href()/>
            <Row label=booking_text(|t| t.row_time) value=Signal::derive(time) href=Step::Time.href()/>
        </dl>
        <h2>{booking_questions_text(|t| t.check_you)}</h2>
        <dl class="summary-list">
            <Row label=booking_text(|t| t.row_name) value=Signal::derive(move || or_none(r().name)) href=details/>
            <Row label=booking_text(|t| t.row_mobile) value=Signal::derive(move || or_none(r().mobile)) href=details/>
            <Row
                label=booking_text(|t| t.row_organisation)
                value=Signal::derive(move || or_none(r().organisation))
                href=details
            />
            <Row label=booking_text(|t| t.row_uscc) value=Signal::derive(move || or_none(r().uscc)) href=details/>
            <Row
                label=booking_text(|t| t.row_description)
                value=Signal::derive(move || or_none(r().description))
                href=details
            />
            <Row label=booking_text(|t| t.row_adjustments) value=Signal::derive(adjustments) href=details/>
            <Row
                label=booking_questions_text(|t| t.row_for_someone_else)
                value=Signal::derive(move || {
                    let t = t();
                    if r().for_someone_else { t.yes } else { t.no }.to_owned()
                })
                href=details
            />
        </dl>
    }
}

#[component]
fn Row(
    #[prop(into)] label: Signal<&'static str>,
    value: Signal<String>,
    href: &'static str,
) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt>{label}</dt>
            <dd class="summary-list__value">{value}</dd>
            <dd class="summary-list__actions">
                <A href=href>
                    {booking_questions_text(|t| t.change)}
                    <span class="visually-hidden">" "{label}</span>
                </A>
            </dd>
        </div>
    }
}

/// The slot filled up between choosing and confirming: the server's free slots, each one click
/// away, and everything typed kept.
#[component]
pub(super) fn SlotTakenPanel(
    message: String,
    offers: Vec<SlotOffer>,
    on_choose: impl Fn(SlotOffer) + Copy + 'static,
) -> impl IntoView {
    let prefs = use_prefs();
    let none = offers.is_empty();
    let items = offers
        .into_iter()
        .map(|offer| {
            let label = {
                let offer = offer.clone();
                move || {
                    let lang = prefs.lang.get();
                    format!(
                        "{} {} · {}",
                        long_date(offer.date, lang),
                        time_range(&offer.time, &offer.end_time),
                        booking_texts(lang).places_left(u64::from(offer.remaining))
                    )
                }
            };
            view! {
                <li class="offer">
                    <span class="offer__when">{label}</span>
                    <button type="button" class="button button--secondary" on:click=move |_| on_choose(offer.clone())>
                        {booking_text(|t| t.use_this_time)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="error-panel" role="alert">
            <h2 class="error-panel__title">{booking_text(|t| t.slot_taken_heading)}</h2>
            <p>{message}</p>
            {none.then(|| view! {
                <p>{booking_text(|t| t.slot_taken_none)}</p>
                <p><A href=Step::Date.href() attr:class="target-link">{booking_text(|t| t.date_question)}</A></p>
            })}
            {(!none).then(|| view! { <p>{booking_text(|t| t.slot_taken_choose)}</p> })}
            <ul class="offers">{items}</ul>
        </div>
    }
}
