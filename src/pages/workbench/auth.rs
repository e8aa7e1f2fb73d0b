//! Who is signed in: the session the server knows (asked once when the app starts, then set by
//! login and logout) and the CSRF token to send with changes. The guard every page but the
//! login page stands behind is `super::guard`.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use portal_domain::api::staff::{Role, StaffSession};

use crate::api::{self, ApiError};
use crate::components::form::FormErrors;
use crate::prefs::use_prefs;

#[derive(Clone, Copy)]
pub struct Auth {
    /// `None` until the server has said whether there is a session; then the session or none.
    pub state: RwSignal<Option<Option<StaffSession>>>,
    /// A request was refused because the session had ended (the login page says so).
    pub expired: RwSignal<bool>,
}

impl Auth {
    pub fn csrf(&self) -> String {
        self.state.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .map(|s| s.csrf_token.clone())
                .unwrap_or_default()
        })
    }

    pub fn username(&self) -> String {
        self.state.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .map(|s| s.username.clone())
                .unwrap_or_default()
        })
    }

    /// Whether the signed-in account has any of `roles` (tracked).
    pub fn has_any(&self, roles: &[Role]) -> bool {
        self.state.with(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .is_some_and(|s| roles.iter().any(|r| s.roles.contains(r)))
        })
    }

    /// A request answered 401: the session has ended. The guard sends the person to the login
    /// page, which says why and brings them back here afterwards.
    pub fn expire(&self) {
        self.expired.set(true);
        self.state.set(Some(None));
    }

    /// Handles the errors every staff call can get: `true` when the session had ended (the
    /// page is being left for the login page).
    pub fn handled(&self, error: &ApiError) -> bool {
        if api::is_unauthenticated(error) {
            self.expire();
            true
        } else {
            false
        }
    }

    /// A staff form's errors for a failed send: none when the session had ended (the page is
    /// being left for the login page, see [`Auth::handled`]), else `errors` of it.
    pub fn form_errors(
        &self,
        error: ApiError,
        errors: impl FnOnce(ApiError) -> FormErrors,
    ) -> FormErrors {
        if self.handled(&error) {
            Vec::new()
        } else {
            errors(error)
        }
    }
}

pub fn provide_auth() -> Auth {
    let prefs = use_prefs();
    let auth = Auth {
        state: RwSignal::new(None),
        expired: RwSignal::new(false),
    };
    provide_context(auth);
    // The login page needs no session; asking would only log a 401 in the console.
    let path = window().location().pathname().unwrap_or_default();
    if path.starts_with("/staff/login") {
        auth.state.set(Some(None));
        return auth;
    }
    spawn_local_scoped(async move {
        let session = api::staff_session(prefs.lang.get_untracked()).await.ok();
        auth.state.set(Some(session));
    });
    auth
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
