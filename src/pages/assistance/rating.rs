//! `/assistance/requests/{token}/rating` (the `assistance-lookup` app): rating the service of a
//! concluded request, once. Sending goes back to the request's page, which thanks the person and
//! shows the rating. (A page of its own because the request's page with the form was over the
//! size budget.)

use leptos::prelude::*;
use portal_domain::api::rating::RatingView;
use serde::Deserialize;

use super::at_link::{BackToRequest, NotOpen, RequestAtLink};
use super::request::RATED;
use super::request_href;
use super::texts::request_text;
use crate::app_links::use_go_replacing;
use crate::components::rating::{rating_text, rating_texts, RatingForm, RatingTarget};
use crate::prefs::use_page_title;

/// Of a request, what this page reads: whether it can be rated now (concluded, not rated yet).
#[derive(Debug, Clone, Deserialize)]
pub struct RequestRating {
    #[serde(default)]
    pub can_rate: bool,
}

#[component]
pub fn RatingPage() -> impl IntoView {
    use_page_title(|lang| rating_texts(lang).heading);
    view! {
        <div class="container page narrow">
            <RequestAtLink
                heading=rating_text(|t| t.heading)
                page=|token, request: RequestRating| if request.can_rate {
                    // The request's page says thank you and shows the rating; Back does not
                    // come to this form again.
                    let back = token.clone();
                    let go = use_go_replacing();
                    let on_rated = Callback::new(move |_: RatingView| {
                        go(&format!("{}?{RATED}", request_href(&back)));
                    });
                    view! {
                        <BackToRequest token=token.clone()/>
                        <RatingForm target=RatingTarget::Assistance(token) on_rated page=true/>
                    }.into_any()
                } else {
                    view! {
                        <NotOpen
                            token
                            heading=rating_text(|t| t.heading)
                            why=Signal::derive(request_text(|t| t.rating_not_open))
                        />
                    }.into_any()
                }
            />
        </div>
    }
}
