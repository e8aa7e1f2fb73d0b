//! Service rating (好差评) where the citizen follows their service: the booking's manage page
//! once the desk has checked them in (the form in the page), a request's tracking page once it is
//! concluded (the form on a page of its own, `/assistance/requests/{token}/rating`, in another
//! app: the request's page links to it). While the service can be rated it is a short form (the
//! five levels as radios, an optional comment with a character count, send); once rated it says
//! "您的评价：满意" with the comment and the center's reply to a bad rating. Its texts are here,
//! in both languages, so the apps that use it carry nothing more.

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::rating::{RatingLevel, RatingRequest, RatingView, MAX_COMMENT_CHARS};
use portal_domain::calendar::Date;
use portal_domain::Lang;

use crate::api;
use crate::components::choices::{choice_options, ChoiceOption, RadioGroup};
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, TextArea};
use crate::components::submit::{checked, refused, Submit};
use crate::dates::long_date;
use crate::prefs::use_prefs;

/// What is rated, by its secret link's token.
#[derive(Debug, Clone, PartialEq)]
pub enum RatingTarget {
    /// A booking's manage token.
    Booking(String),
    /// A request's tracking token.
    Assistance(String),
}

include!(concat!(env!("OUT_DIR"), "/texts_rating.rs"));

/// A reactive text of the rating.
pub fn rating_text(pick: fn(&RatingTexts) -> &'static str) -> Signal<&'static str> {
    let prefs = use_prefs();
    Signal::derive(move || pick(rating_texts(prefs.lang.get())))
}

/// "2026-11-20T10:05:00+08:00" → "2026年11月20日 星期五 10:05" (Beijing time), as the booking
/// and assistance pages show times.
fn shown_time(at: &str, lang: Lang) -> String {
    match at.get(..10).map(Date::parse) {
        Some(Ok(date)) => format!("{} {}", long_date(date, lang), at.get(11..16).unwrap_or("")),
        _ => at.to_owned(),
    }
}

const LEVEL_ID: &str = "rating-level";
const COMMENT_ID: &str = "rating-comment";

/// The rating section of a page: the form while `can_rate`, the rating (and reply) once there is
/// one (with thanks right after it is sent), nothing otherwise.
#[component]
pub fn ServiceRating(
    target: RatingTarget,
    can_rate: bool,
    rating: Option<RatingView>,
) -> impl IntoView {
    let rating = RwSignal::new(rating);
    let just = RwSignal::new(false);
    let rated = Callback::new(move |view: RatingView| {
        just.set(true);
        rating.set(Some(view));
    });
    move || match rating.get() {
        Some(view) => Some(view! { <Rated rating=view just=just.get_untracked()/> }.into_any()),
        None if can_rate => {
            Some(view! { <RatingForm target=target.clone() on_rated=rated/> }.into_any())
        }
        None => None,
    }
}

/// The rating given, with the center's reply; `just` (rated a moment ago, on this page): the
/// thanks, which take focus.
#[component]
pub fn Rated(rating: RatingView, just: bool) -> impl IntoView {
    let prefs = use_prefs();
    let notice = NodeRef::<html::P>::new();
    if just {
        focus_next_frame(notice);
    }
    let level = rating.level;
    let bad = level.is_bad();
    let reply = rating.reply.clone();
    let rated_at = rating.rated_at.clone();
    view! {
        <section class="rating" aria-labelledby="rating-heading">
            {just.then(|| view! {
                <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice>{rating_text(|t| t.thanks)}</p>
            })}
            <h2 id="rating-heading">{rating_text(|t| t.rated_heading)}</h2>
            <p class="rating__level">
                {rating_text(|t| t.your_rating)}<strong>{move || level.label(prefs.lang.get())}</strong>
            </p>
            {rating.comment.map(|c| view! {
                <p class="rating__comment">{rating_text(|t| t.your_comment)}<span class="pre-line">{c}</span></p>
            })}
            <p class="hint">{rating_text(|t| t.rated_at)}{move || shown_time(&rated_at, prefs.lang.get())}</p>
            {match reply {
                Some(reply) => Some(view! {
                    <div class="message__reply rating__reply">
                        <h3>{rating_text(|t| t.reply_heading)}</h3>
                        <p class="pre-line">{reply.text}</p>
                        <p class="hint">{rating_text(|t| t.replied_at)}{move || shown_time(&reply.replied_at, prefs.lang.get())}</p>
                    </div>
                }.into_any()),
                None if bad => Some(view! { <p>{rating_text(|t| t.follow_up)}</p> }.into_any()),
                None => None,
            }}
        </section>
    }
}

/// The form: in a section of the page (`page` false), or as the whole of a page of its own,
/// with the error summary above its heading.
#[component]
pub fn RatingForm(
    target: RatingTarget,
    on_rated: Callback<RatingView>,
    #[prop(optional)] page: bool,
) -> impl IntoView {
    let level = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let target = StoredValue::new(target);
    let options: Vec<ChoiceOption> =
        choice_options(RatingLevel::ALL, |l| l.code(), |l, lang| l.label(lang));
    let field_id = |field: &str| {
        if field == "comment" {
            COMMENT_ID
        } else {
            LEVEL_ID
        }
    };

    let on_submit = form.on_submit(move |lang| {
        let request = RatingRequest {
            level: level.get_untracked(),
            comment: Some(comment.get_untracked()).filter(|c| !c.trim().is_empty()),
        };
        form.send(
            checked(request, |r| r.parse(), lang, |f| field_id(f).to_owned()),
            move |request| async move {
                match target.get_value() {
                    RatingTarget::Booking(token) => api::rate_booking(&token, &request, lang).await,
                    RatingTarget::Assistance(token) => {
                        api::rate_assistance(&token, &request, lang).await
                    }
                }
            },
            move |view| on_rated.run(view),
            move |error| {
                refused(
                    error,
                    LEVEL_ID,
                    &|f| field_id(f).to_owned(),
                    rating_texts(lang).not_sent,
                )
            },
        );
    });
    let fields = view! {
            <form class="rating__form" novalidate on:submit=on_submit>
                <RadioGroup
                    name=LEVEL_ID
                    legend=rating_text(|t| t.legend)
                    options=options
                    selected=level
                    error=Signal::derive(move || errors.with(|e| error_for(e, LEVEL_ID)))
                />
                <TextArea
                    id=COMMENT_ID
                    label=rating_text(|t| t.comment_label)
                    hint=rating_text(|t| t.comment_hint)
                    value=comment
                    error=Signal::derive(move || errors.with(|e| error_for(e, COMMENT_ID)))
                    max_chars=MAX_COMMENT_CHARS
                />
                <button type="submit" class="button" disabled=move || busy.get()>{rating_text(|t| t.submit)}</button>
            </form>
    };
    if page {
        view! {
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{rating_text(|t| t.heading)}</h1>
            <p>{rating_text(|t| t.lead)}</p>
            {fields}
        }
        .into_any()
    } else {
        view! {
            <section class="rating" aria-labelledby="rating-heading">
                <h2 id="rating-heading">{rating_text(|t| t.heading)}</h2>
                <p>{rating_text(|t| t.lead)}</p>
                <FormErrorSummary errors=errors/>
                {fields}
            </section>
        }
        .into_any()
    }
}
