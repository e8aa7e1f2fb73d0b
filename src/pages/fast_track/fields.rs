//! What the sign-up and sign-in forms share: the firm's code, the mobile number and the password
//! fields (ids as the server names the fields, so its refusals land at them), and the submit
//! button that says it is busy.

use leptos::prelude::*;

use super::texts::{ft_text, Tr};
use crate::components::form::{error_for, FormErrors, MobileField, TextField};

/// The message at field `id`, for its `TextField`.
pub fn error_at(errors: RwSignal<FormErrors>, id: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| error_for(e, id)))
}

/// The firm's 统一社会信用代码.
#[component]
pub fn UsccField(value: RwSignal<String>, errors: RwSignal<FormErrors>) -> impl IntoView {
    view! {
        <TextField
            id="uscc"
            label=ft_text(|t| t.uscc_label)
            hint=ft_text(|t| t.uscc_hint)
            value=value
            error=error_at(errors, "uscc")
            autocomplete="off"
        />
    }
}

/// The person's own mobile number (what they sign in with).
#[component]
pub fn FirmMobileField(value: RwSignal<String>, errors: RwSignal<FormErrors>) -> impl IntoView {
    view! {
        <MobileField
            id="mobile"
            label=ft_text(|t| t.mobile_label)
            hint=ft_text(|t| t.mobile_hint)
            value=value
            error=error_at(errors, "mobile")
        />
    }
}

/// A password box: a new one (`label` and `hint` say the rules) or the current one.
#[component]
pub fn PasswordField(
    value: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    label: Tr,
    #[prop(optional)] hint: Option<Tr>,
    /// `new-password` or `current-password`.
    autocomplete: &'static str,
) -> impl IntoView {
    let error = error_at(errors, "password");
    match hint {
        Some(hint) => view! {
            <TextField id="password" label=ft_text(label) hint=ft_text(hint) value=value error=error
                input_type="password" autocomplete=autocomplete/>
        }
        .into_any(),
        None => view! {
            <TextField id="password" label=ft_text(label) value=value error=error
                input_type="password" autocomplete=autocomplete/>
        }
        .into_any(),
    }
}

/// A new password (signing up, a password link): the rules in its hint.
#[component]
pub fn NewPasswordField(value: RwSignal<String>, errors: RwSignal<FormErrors>) -> impl IntoView {
    view! {
        <PasswordField
            value=value
            errors=errors
            label=|t| t.new_password_label
            hint=|t| t.password_hint
            autocomplete="new-password"
        />
    }
}

/// The form's submit button: off while its request is on its way, and saying so.
#[component]
pub fn FormButton(busy: Signal<bool>, label: Tr, busy_label: Tr) -> impl IntoView {
    let (label, busy_label) = (ft_text(label), ft_text(busy_label));
    view! {
        <button type="submit" class="button" disabled=move || busy.get()>
            {move || if busy.get() { busy_label() } else { label() }}
        </button>
    }
}
