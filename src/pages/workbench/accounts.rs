//! Staff accounts, for administrators: `/staff/accounts` (every account, and a form to open
//! one) and `/staff/accounts/change?username=` (change its roles, disable or enable it, set a
//! new password; a query, not a path segment, because usernames may hold dots, which the server
//! takes for file names). The server refuses a change that would leave no active administrator; its
//! message is shown like any other.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_domain::api::firm::registration::FieldVenue;
use portal_domain::api::staff::{
    AccountList, AccountUpdate, NewAccount, Role, StaffAccount, MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS,
};
use portal_domain::Lang;

use super::admin_form::request_errors;
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::choices::{choice_options, CheckboxGroup, ChoiceOption, RadioGroup};
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, FormErrors, TextField};
use crate::components::loading::Loading;
use crate::components::submit::{checked, Submit};
use crate::i18n::strings;
use crate::prefs::use_prefs;

/// `/staff/accounts`.
#[component]
pub fn AccountsPage() -> impl IntoView {
    use_staff_title(|t| t.accounts_heading);
    view! {
        <Guard page=StaffPage::Accounts>
            <Accounts/>
        </Guard>
    }
}

/// `/staff/accounts/change?username=`.
#[component]
pub fn AccountPage() -> impl IntoView {
    use_staff_title(|t| t.accounts_heading);
    view! {
        <Guard page=StaffPage::Accounts>
            <AccountEditor/>
        </Guard>
    }
}

fn role_options() -> Vec<ChoiceOption> {
    choice_options(Role::ALL, |role| role.code(), |role, lang| role.label(lang))
}

fn roles_of(codes: &[String]) -> Vec<Role> {
    codes.iter().filter_map(|c| Role::from_code(c)).collect()
}

fn roles_text(roles: &[Role], lang: Lang) -> String {
    roles
        .iter()
        .map(|r| r.label(lang))
        .collect::<Vec<_>>()
        .join(strings(lang).list_separator)
}

/// The server's messages at the form's fields (`{prefix}-{field}`), anything else at `first`.
fn server_errors(lang: Lang, prefix: &str, error: api::ApiError, first: &str) -> FormErrors {
    request_errors(lang, error, first)
        .into_iter()
        .map(|(id, m)| {
            if id == first {
                (id, m)
            } else {
                (format!("{prefix}-{id}"), m)
            }
        })
        .collect()
}

#[component]
fn Accounts() -> impl IntoView {
    let prefs = use_prefs();
    let list =
        LocalResource::new(
            move || async move { api::staff_accounts(prefs.lang.get_untracked()).await },
        );
    let notice = RwSignal::new(None::<String>);
    let notice_ref = NodeRef::<html::P>::new();
    let created = Callback::new(move |account: StaffAccount| {
        notice.set(Some(
            workbench_texts(prefs.lang.get_untracked()).account_opened(&account.username),
        ));
        list.refetch();
        focus_next_frame(notice_ref);
    });
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.accounts_heading)}</h1>
            <p class="lead">{tr(|t| t.accounts_lead)}</p>
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
                {move || notice.get()}
            </p>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => view! { <AccountTable list=list/> }.into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
            }}
            <NewAccountForm created=created/>
        </div>
    }
}

#[component]
fn AccountTable(list: AccountList) -> impl IntoView {
    let prefs = use_prefs();
    let rows = list
        .items
        .into_iter()
        .map(|a| {
            let roles = a.roles.clone();
            let href = format!(
                "/staff/accounts/change?username={}",
                portal_domain::api::percent_encode(&a.username)
            );
            let last_login = a.last_login_at.as_deref().map(short_time);
            let active = a.active;
            let username = a.username.clone();
            view! {
                <tr>
                    <td><code>{a.username.clone()}</code></td>
                    <td>{a.display_name}</td>
                    <td>{move || roles_text(&roles, prefs.lang.get())}</td>
                    <td>{move || if active { tr(|t| t.active)() } else { tr(|t| t.disabled)() }}</td>
                    <td>{short_time(&a.created_at)}</td>
                    <td>{match last_login {
                        Some(at) => view! { <span>{at}</span> }.into_any(),
                        None => view! { <span class="muted">{tr(|t| t.never)}</span> }.into_any(),
                    }}</td>
                    <td>
                        <A href=href>
                            {tr(|t| t.change)}<span class="visually-hidden">" "{username}</span>
                        </A>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="staff-scroll-hint">{tr(|t| t.table_scroll_hint)}</p>
        <div class="table-scroll" role="region" aria-labelledby="accounts-caption" tabindex="0">
            <table class="staff-table">
                <caption id="accounts-caption">{tr(|t| t.accounts_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(|t| t.col_username)}</th>
                        <th scope="col">{tr(|t| t.col_name)}</th>
                        <th scope="col">{tr(|t| t.col_roles)}</th>
                        <th scope="col">{tr(|t| t.col_account_status)}</th>
                        <th scope="col">{tr(|t| t.col_created)}</th>
                        <th scope="col">{tr(|t| t.col_last_login)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(|t| t.change)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn NewAccountForm(created: Callback<StaffAccount>) -> impl IntoView {
    let auth = use_auth();
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    let password = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let on_submit = form.on_submit(move |lang| {
        let request = NewAccount {
            username: Some(username.get_untracked()),
            display_name: Some(display_name.get_untracked()),
            roles: roles.with_untracked(|r| roles_of(r)),
            password: Some(password.get_untracked()),
        };
        form.send(
            checked(request, |r| r.parse(), lang, |f| format!("new-{f}")),
            move |request| {
                let csrf = auth.csrf();
                async move { api::staff_create_account(&request, &csrf, lang).await }
            },
            move |account| {
                username.set(String::new());
                display_name.set(String::new());
                roles.set(Vec::new());
                password.set(String::new());
                created.run(account);
            },
            // A taken username (409) names no field: it is the username's problem.
            move |error| auth.form_errors(error, |e| server_errors(lang, "new", e, "new-username")),
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    view! {
        <section class="case-panel" aria-labelledby="new-account-heading">
            <h2 id="new-account-heading">{tr(|t| t.new_account_heading)}</h2>
            <FormErrorSummary errors=errors/>
            <form novalidate on:submit=on_submit>
                <TextField
                    id="new-username"
                    label=tr(|t| t.username)
                    hint=tr(|t| t.username_hint)
                    value=username
                    error=error("new-username")
                    autocomplete="off"
                    short=true
                />
                <TextField
                    id="new-display_name"
                    label=tr(|t| t.display_name)
                    hint=tr(|t| t.display_name_hint)
                    value=display_name
                    error=error("new-display_name")
                    autocomplete="off"
                />
                <CheckboxGroup
                    name="new-roles"
                    legend=tr(|t| t.roles)
                    hint=tr(|t| t.roles_hint)
                    options=role_options()
                    selected=roles
                    error=error("new-roles")
                />
                <TextField
                    id="new-password"
                    label=tr(|t| t.initial_password)
                    hint=tr(|t| t.password_hint)
                    value=password
                    error=error("new-password")
                    input_type="password"
                    autocomplete="new-password"
                />
                <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.open_account)}</button>
            </form>
        </section>
    }
}

#[component]
fn AccountEditor() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let wanted = move || query.with(|q| q.get("username").unwrap_or_default());
    let list =
        LocalResource::new(
            move || async move { api::staff_accounts(prefs.lang.get_untracked()).await },
        );
    view! {
        <div class="container page">
            <A href="/staff/accounts" attr:class="back-link">{tr(|t| t.back_to_accounts)}</A>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Err(error)) => view! {
                    <h1 tabindex="-1">{tr(|t| t.accounts_heading)}</h1>
                    <StaffProblem error=error on_retry=move |_| list.refetch()/>
                }
                .into_any(),
                Some(Ok(list)) => {
                    let wanted = wanted();
                    match list.items.into_iter().find(|a| a.username == wanted) {
                        Some(account) => view! { <AccountForms account=account/> }.into_any(),
                        None => view! { <h1 tabindex="-1">{tr(|t| t.account_not_found)}</h1> }.into_any(),
                    }
                }
            }}
        </div>
    }
}

#[component]
fn AccountForms(account: StaffAccount) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let username = account.username.clone();
    let current = RwSignal::new(account);
    let notice = RwSignal::new(None::<Tr>);
    let notice_ref = NodeRef::<html::P>::new();

    // One change of the account: its answer replaces the account shown.
    let send = {
        let username = username.clone();
        move |form: Submit,
              lang: Lang,
              checked: Result<AccountUpdate, FormErrors>,
              first: &'static str,
              done: Tr| {
            let username = username.clone();
            form.send(
                checked,
                move |update| {
                    let csrf = auth.csrf();
                    async move { api::staff_update_account(&username, &update, &csrf, lang).await }
                },
                move |account| {
                    current.set(account);
                    notice.set(Some(done));
                    focus_next_frame(notice_ref);
                },
                move |error| auth.form_errors(error, |e| server_errors(lang, "edit", e, first)),
            );
        }
    };

    let roles_form = Submit::new();
    let chosen = RwSignal::new(current.with_untracked(|a| {
        a.roles
            .iter()
            .map(|r| r.code().to_owned())
            .collect::<Vec<_>>()
    }));
    let save_roles = roles_form.on_submit({
        let send = send.clone();
        move |lang| {
            let update = AccountUpdate {
                roles: Some(chosen.with_untracked(|c| roles_of(c))),
                ..AccountUpdate::default()
            };
            let checked = checked(update, |u| u.parse(), lang, |f| format!("edit-{f}"));
            send(roles_form, lang, checked, "edit-roles", |t| t.roles_saved);
        }
    });

    // The venue whose pre-examination requests an officer examines (issue #15).
    let venue_form = Submit::new();
    let venue = RwSignal::new(current.with_untracked(|a| Some(a.pre_exam_venue.clone())));
    let save_venue = venue_form.on_submit({
        let send = send.clone();
        move |lang| {
            let update = AccountUpdate {
                pre_exam_venue: venue.get_untracked(),
                ..AccountUpdate::default()
            };
            send(venue_form, lang, Ok(update), "edit-pre_exam_venue", |t| {
                t.venue_saved
            });
        }
    });
    let officer = move || current.with(|a| a.roles.contains(&Role::PreExamOfficer));

    let access_form = Submit::new();
    let toggle_active = access_form.on_submit({
        let send = send.clone();
        move |lang| {
            let active = current.with_untracked(|a| a.active);
            let update = AccountUpdate {
                active: Some(!active),
                ..AccountUpdate::default()
            };
            let done: Tr = if active {
                |t| t.disabled_notice
            } else {
                |t| t.enabled_notice
            };
            send(access_form, lang, Ok(update), "edit-active", done);
        }
    });

    let password_form = Submit::new();
    let password = RwSignal::new(String::new());
    let set_password = password_form.on_submit(move |lang| {
        let update = AccountUpdate {
            password: Some(password.get_untracked()),
            ..AccountUpdate::default()
        };
        let checked = checked(update, |u| u.parse(), lang, |f| format!("edit-{f}"))
            .inspect(|_| password.set(String::new()));
        send(password_form, lang, checked, "edit-password", |t| {
            t.password_set
        });
    });

    let a = move || current.get();
    view! {
        <span class="caption">{tr(|t| t.accounts_heading)}</span>
        <h1 tabindex="-1">{move || workbench_texts(prefs.lang.get()).change_account(&username)}</h1>
        <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
            {move || notice.get().map(|t| pick(prefs.lang.get(), t))}
        </p>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{tr(|t| t.col_name)}</dt>
                <dd>{move || a().display_name}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{tr(|t| t.col_roles)}</dt>
                <dd>{move || roles_text(&a().roles, prefs.lang.get())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{tr(|t| t.col_account_status)}</dt>
                <dd>{move || if a().active { tr(|t| t.active)() } else { tr(|t| t.disabled)() }}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{tr(|t| t.col_last_login)}</dt>
                <dd>{move || a().last_login_at.as_deref().map(short_time).unwrap_or_else(|| tr(|t| t.never)().to_owned())}</dd>
            </div>
        </dl>

        <section class="case-panel" aria-labelledby="roles-heading">
            <h2 id="roles-heading">{tr(|t| t.edit_roles_heading)}</h2>
            <FormErrorSummary errors=roles_form.errors/>
            <form novalidate on:submit=save_roles>
                <CheckboxGroup
                    name="edit-roles"
                    legend=tr(|t| t.roles)
                    hint=tr(|t| t.roles_hint)
                    options=role_options()
                    selected=chosen
                    error=Signal::derive(move || roles_form.errors.with(|e| error_for(e, "edit-roles")))
                />
                <button type="submit" class="button" disabled=move || roles_form.busy().get()>{tr(|t| t.save_roles)}</button>
            </form>
        </section>

        // Only an officer's venue matters; kept in the page (hidden) so its form keeps its state.
        <section class="case-panel" aria-labelledby="venue-heading" hidden=move || !officer()>
                <h2 id="venue-heading">{tr(|t| t.edit_venue_heading)}</h2>
                <FormErrorSummary errors=venue_form.errors/>
                <form novalidate on:submit=save_venue>
                    <RadioGroup
                        name="edit-pre_exam_venue"
                        legend=tr(|t| t.pre_exam_venue)
                        hint=tr(|t| t.edit_venue_hint)
                        options=choice_options(FieldVenue::ALL, |v| v.code(), |v, lang| v.label(lang))
                        selected=venue
                        error=Signal::derive(move || venue_form.errors.with(|e| error_for(e, "edit-pre_exam_venue")))
                    />
                    <button type="submit" class="button" disabled=move || venue_form.busy().get()>{tr(|t| t.save_venue)}</button>
                </form>
        </section>

        <section class="case-panel" aria-labelledby="access-heading">
            <h2 id="access-heading">{tr(|t| t.access_heading)}</h2>
            <FormErrorSummary errors=access_form.errors/>
            <p class="hint" id="edit-active-hint">{tr(|t| t.disable_hint)}</p>
            {move || access_form.errors.with(|e| error_for(e, "edit-active")).map(|m| view! {
                <p class="field-error" id="edit-active-error">{m}</p>
            })}
            <form novalidate on:submit=toggle_active>
                <button
                    type="submit"
                    id="edit-active"
                    class="button"
                    class:button--warning=move || a().active
                    aria-describedby=move || if access_form.errors.with(|e| error_for(e, "edit-active").is_some()) {
                        "edit-active-hint edit-active-error"
                    } else {
                        "edit-active-hint"
                    }
                    disabled=move || access_form.busy().get()
                >
                    {move || if a().active { tr(|t| t.disable_account)() } else { tr(|t| t.enable_account)() }}
                </button>
            </form>
        </section>

        <section class="case-panel" aria-labelledby="password-heading">
            <h2 id="password-heading">{tr(|t| t.password_heading)}</h2>
            <FormErrorSummary errors=password_form.errors/>
            <form novalidate on:submit=set_password>
                <TextField
                    id="edit-password"
                    label=tr(|t| t.new_password)
                    hint=tr(|t| t.password_hint)
                    value=password
                    error=Signal::derive(move || password_form.errors.with(|e| error_for(e, "edit-password")))
                    input_type="password"
                    autocomplete="new-password"
                />
                <button type="submit" class="button button--secondary" disabled=move || password_form.busy().get()>{tr(|t| t.set_password)}</button>
            </form>
        </section>
    }
}

// The password rule the hint states is the shared one.
const _: () = assert!(MIN_PASSWORD_CHARS == 12 && MAX_PASSWORD_CHARS == 200);
