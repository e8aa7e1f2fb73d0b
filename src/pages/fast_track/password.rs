//! `/fast-track/password/{token}`: the page a one-time password link opens — a colleague's
//! first password (the link comes from the firm's first person) or a forgotten one (from the
//! center's staff, after they checked who was asking). One new password; then sign in. A link
//! that was used or has expired says so, and who can make a new one.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::firm::SetPasswordRequest;

use super::fields::{FormButton, NewPasswordField};
use super::texts::{fast_track_texts, ft_text, pick};
use super::SIGN_IN;
use crate::api::{self, ApiError};
use crate::components::form::FormErrorSummary;
use crate::components::submit::{checked, refused, Submit};
use crate::prefs::use_page_title;

#[component]
pub fn PasswordPage() -> impl IntoView {
    use_page_title(|lang| fast_track_texts(lang).password_heading);
    let params = use_params_map();
    let password = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let form = Submit::new();
    let errors = form.errors;

    // Made with the form each time it is shown (a handler is moved into its view).
    let on_submit = move || {
        form.on_submit(move |lang| {
            let request = SetPasswordRequest {
                password: Some(password.get_untracked()),
            };
            let token = params.with_untracked(|p| p.get("token").unwrap_or_default());
            form.send(
                checked(request, SetPasswordRequest::parse, lang, str::to_owned),
                move |request| async move { api::firm_set_password(&token, &request, lang).await },
                move |()| {
                    password.set(String::new());
                    done.set(true);
                },
                move |error| match error {
                    ApiError::NotFound => vec![(
                        "password".to_owned(),
                        pick(lang, |t| t.password_link_invalid).to_owned(),
                    )],
                    error => {
                        let not_sent = pick(lang, |t| t.not_sent);
                        refused(error, "password", &str::to_owned, not_sent)
                    }
                },
            );
        })
    };

    view! {
        <div class="container page narrow">
            {move || if done.get() {
                view! {
                    <div class="panel panel--confirmation" role="status">
                        <h1 class="panel__title" tabindex="-1">{ft_text(|t| t.password_set_title)}</h1>
                    </div>
                    <p>{ft_text(|t| t.password_set_next)}</p>
                    <p><A href=SIGN_IN attr:class="button">{ft_text(|t| t.sign_in_button)}</A></p>
                }
                .into_any()
            } else {
                view! {
                    <FormErrorSummary errors=errors/>
                    <h1 tabindex="-1">{ft_text(|t| t.password_heading)}</h1>
                    <p class="lead">{ft_text(|t| t.password_lead)}</p>
                    <form novalidate on:submit=on_submit()>
                        <NewPasswordField value=password errors=errors/>
                        <FormButton busy=form.busy() label=|t| t.password_submit busy_label=|t| t.sending/>
                    </form>
                }
                .into_any()
            }}
        </div>
    }
}
