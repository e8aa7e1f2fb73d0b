use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::api::staff::LoginRequest;

use super::admin_form::request_errors;
use super::auth::use_auth;
use super::texts::tr;
use super::use_staff_title;
use crate::api::{self, ApiError};
use crate::components::form::{error_for, FormErrorSummary, TextField};
use crate::components::submit::{checked, Submit};

/// Where to go after signing in: a workbench page named by `?next=`, else the start page.
/// Anything else (another site, the login page itself) is ignored.
fn next_page(next: Option<String>) -> String {
    next.filter(|n| {
        (n == "/staff" || n.starts_with("/staff/") || n.starts_with("/staff?"))
            && !n.starts_with("/staff/login")
            && !n.contains("//")
    })
    .unwrap_or_else(|| "/staff".to_owned())
}

/// `/staff/login`: username and password. Wrong username and wrong password get the server's one
/// identical message; too many failures its "try again in N minutes".
#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = use_auth();
    let query = use_query_map();
    let navigate = use_navigate();
    use_staff_title(|t| t.login_heading);
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let expired = move || query.with(|q| q.get("expired").is_some());
    let signed_out = move || query.with(|q| q.get("signed_out").is_some());
    let asked_first = move || query.with(|q| q.get("next").is_some()) && !expired();

    let on_submit = form.on_submit(move |lang| {
        let request = LoginRequest {
            username: Some(username.get_untracked()),
            password: Some(password.get_untracked()),
        };
        let navigate = navigate.clone();
        form.send(
            checked(request, |r| r.parse(), lang, str::to_owned),
            move |request| async move { api::staff_login(&request, lang).await },
            move |session| {
                password.set(String::new());
                auth.expired.set(false);
                auth.state.set(Some(Some(session)));
                let next = next_page(query.with_untracked(|q| q.get("next")));
                navigate(&next, Default::default());
            },
            move |error| {
                if matches!(error, ApiError::Validation(_)) {
                    // Wrong username or password, and too many tries (429), are about the
                    // login as a whole: shown at the first field.
                    password.set(String::new());
                }
                request_errors(lang, error, "username")
            },
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));

    view! {
        <div class="container page narrow">
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{tr(|t| t.login_heading)}</h1>
            {move || expired().then(|| view! { <p class="notice" role="status">{tr(|t| t.expired_notice)}</p> })}
            {move || signed_out().then(|| view! { <p class="notice notice--success" role="status">{tr(|t| t.signed_out)}</p> })}
            {move || asked_first().then(|| view! { <p class="notice">{tr(|t| t.sign_in_first)}</p> })}
            <p class="lead">{tr(|t| t.login_lead)}</p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id="username"
                    label=tr(|t| t.username)
                    value=username
                    error=error("username")
                    autocomplete="username"
                    short=true
                />
                <TextField
                    id="password"
                    label=tr(|t| t.password)
                    value=password
                    error=error("password")
                    input_type="password"
                    autocomplete="current-password"
                />
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { tr(|t| t.signing_in)() } else { tr(|t| t.login_button)() }}
                </button>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::next_page;

    #[test]
    fn only_workbench_pages_are_followed_after_login() {
        assert_eq!(
            next_page(Some("/staff/cases?status=all".into())),
            "/staff/cases?status=all"
        );
        assert_eq!(next_page(Some("/staff".into())), "/staff");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/staff//evil",
            "/staff/login",
            "/booking",
        ] {
            assert_eq!(next_page(Some(bad.into())), "/staff", "{bad}");
        }
        assert_eq!(next_page(None), "/staff");
    }
}
