//! How every form sends: the domain's checks first, then one request through a Leptos `Action`
//! (a second press while it is on its way is ignored, and its `pending` is the button's busy
//! state), then the answer: success goes to the page, a refusal or a failure becomes the form's
//! errors (the typed answers are never cleared here). One-button actions (check in, sign out …)
//! use the same sending without the checks. Every page shares one non-generic `Action` type, so
//! the WASM holds its machinery once; each page only adds its own future.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use portal_domain::{Lang, Localized};

use crate::api::ApiError;
use crate::components::form::{problem_errors, refusal_errors_at, FormErrors};
use crate::prefs::use_prefs;

/// One send on its way: the request and what to do with its answer.
type Sending = Pin<Box<dyn Future<Output = ()>>>;

/// The action's input: the send to run (taken out when it starts).
struct Job(RefCell<Option<Sending>>);

/// A form's sending: its errors and the one request on its way (if any).
#[derive(Clone, Copy)]
pub struct Submit {
    pub errors: RwSignal<FormErrors>,
    action: Action<Job, ()>,
    /// Made once: `Action::pending` makes a new memo at each call.
    pending: Memo<bool>,
}

impl Submit {
    pub fn new() -> Submit {
        Submit::with_errors(RwSignal::new(FormErrors::new()))
    }

    /// A sending that shows what goes wrong in `errors` (when the page keeps them elsewhere).
    pub fn with_errors(errors: RwSignal<FormErrors>) -> Submit {
        let action = Action::new_local(|job: &Job| {
            job.0
                .borrow_mut()
                .take()
                .unwrap_or_else(|| Box::pin(async {}))
        });
        Submit {
            errors,
            action,
            pending: action.pending(),
        }
    }

    /// True while a request is on its way: the button is off (and says so) meanwhile.
    pub fn busy(self) -> Signal<bool> {
        self.pending.into()
    }

    /// A form's `submit` handler: keeps the browser from loading a page and hands the current
    /// language to `submit` (which calls [`Submit::send`]).
    pub fn on_submit(
        self,
        submit: impl Fn(Lang) + 'static,
    ) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
        let prefs = use_prefs();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if self.pending.get_untracked() {
                return;
            }
            submit(prefs.lang.get_untracked());
        }
    }

    /// Sends unless a request is already on its way: `checked` is the request, or what the
    /// domain's checks found wrong (shown, nothing sent); `send` makes the call, `done` gets the
    /// answer, `failed` turns what went wrong into the form's errors (see [`refused`]).
    pub fn send<R, T, Fut>(
        self,
        checked: Result<R, FormErrors>,
        send: impl FnOnce(R) -> Fut,
        done: impl FnOnce(T) + 'static,
        failed: impl FnOnce(ApiError) -> FormErrors + 'static,
    ) where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        if self.pending.get_untracked() {
            return;
        }
        let request = match checked {
            Ok(request) => request,
            Err(problems) => {
                self.errors.set(problems);
                return;
            }
        };
        self.errors.set(Vec::new());
        let errors = self.errors;
        self.act(
            move || send(request),
            move |answer| match answer {
                Ok(answer) => done(answer),
                Err(error) => errors.set(failed(error)),
            },
        );
    }

    /// A one-button action with no fields (check in, withdraw, sign out …): unless a request
    /// is already on its way, `send` makes the call and `answer` gets what came back.
    pub fn act<T, Fut>(
        self,
        send: impl FnOnce() -> Fut,
        answer: impl FnOnce(Result<T, ApiError>) + 'static,
    ) where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        if self.pending.get_untracked() {
            return;
        }
        let call = send();
        self.start(Box::pin(async move { answer(call.await) }));
    }

    fn start(self, sending: Sending) {
        self.action.dispatch_local(Job(RefCell::new(Some(sending))));
    }
}

impl Default for Submit {
    fn default() -> Self {
        Submit::new()
    }
}

/// `request` if the domain's checks (`parse`) find nothing wrong with it, else their messages
/// at the fields (as `id` turns a field's name into the form's id for it).
pub fn checked<R, P, E: Localized>(
    request: R,
    parse: impl FnOnce(&R) -> Result<P, Vec<(&'static str, E)>>,
    lang: Lang,
    id: impl Fn(&'static str) -> String,
) -> Result<R, FormErrors> {
    match parse(&request) {
        Ok(_) => Ok(request),
        Err(problems) => Err(problem_errors(&problems, lang, id)),
    }
}

/// The usual reading of a failed send: a refusal's messages at their fields (as `id` names
/// them), one that names no field at `first`; anything else (no answer, a server failure) is
/// `not_sent` at `first`, so the summary links somewhere and the button can be pressed again.
pub fn refused(
    error: ApiError,
    first: &str,
    id: impl Fn(&str) -> String,
    not_sent: &str,
) -> FormErrors {
    match error {
        ApiError::Validation(body) => refusal_errors_at(body, first.to_owned(), id),
        _ => vec![(first.to_owned(), not_sent.to_owned())],
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use portal_domain::api::{ApiErrorBody, FieldError};

    use super::*;

    fn refusal(fields: &[(&str, &str)]) -> ApiError {
        ApiError::Validation(ApiErrorBody {
            code: "refused".to_owned(),
            message: "Refused.".to_owned(),
            fields: fields
                .iter()
                .map(|(f, m)| {
                    let e = FieldError {
                        code: "bad".to_owned(),
                        message: (*m).to_owned(),
                    };
                    ((*f).to_owned(), e)
                })
                .collect::<BTreeMap<_, _>>(),
        })
    }

    #[test]
    fn a_refusal_goes_to_its_fields_or_else_to_the_first() {
        let at = |f: &str| format!("x-{f}");
        assert_eq!(
            refused(refusal(&[("name", "Too long.")]), "first", at, "Not sent."),
            vec![("x-name".to_owned(), "Too long.".to_owned())]
        );
        assert_eq!(
            refused(refusal(&[]), "first", at, "Not sent."),
            vec![("first".to_owned(), "Refused.".to_owned())]
        );
        assert_eq!(
            refused(ApiError::Offline, "first", at, "Not sent."),
            vec![("first".to_owned(), "Not sent.".to_owned())]
        );
    }
}
