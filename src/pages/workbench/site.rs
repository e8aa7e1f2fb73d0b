//! `/staff/admin/site`: what every page's footer says about who runs this site (issue #18) —
//! 主办单位, 网站标识码, ICP 备案号 and 公安备案号 — entered as issued to the center (never
//! made up; a blank one is not shown). Every page opened afterwards shows it (the server
//! writes it into each page).

use leptos::prelude::*;
use portal_domain::api::site::{SiteFooter, SiteFooterUpdate};

use super::admin_form::{parser_errors, request_errors};
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::form::{error_for, FormErrorSummary, TextField};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::prefs::use_prefs;

#[component]
pub fn SitePage() -> impl IntoView {
    use_staff_title(|t| t.site_heading);
    view! {
        <Guard page=StaffPage::Site>
            <Loader/>
        </Guard>
    }
}

#[component]
fn Loader() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = LocalResource::new(move || api::staff_site_footer(prefs.lang.get_untracked()));
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.site_heading)}</h1>
            <p class="lead">{tr(|t| t.site_lead)}</p>
            {move || match loaded.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(footer)) => view! { <FooterForm footer=footer/> }.into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| loaded.refetch()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn FooterForm(footer: SiteFooter) -> impl IntoView {
    let auth = use_auth();
    let field = |value: Option<String>| RwSignal::new(value.unwrap_or_default());
    let host = field(footer.host_organisation);
    let code = field(footer.website_code);
    let icp = field(footer.icp_number);
    let police = field(footer.public_security_number);
    let saved = RwSignal::new(false);
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let on_submit = form.on_submit(move |lang| {
        saved.set(false);
        let some = |s: RwSignal<String>| Some(s.get_untracked());
        let update = SiteFooterUpdate {
            host_organisation: some(host),
            website_code: some(code),
            icp_number: some(icp),
            public_security_number: some(police),
        };
        let checked = match update.parse() {
            Ok(_) => Ok(update),
            Err(problems) => Err(parser_errors(lang, &problems)),
        };
        form.send(
            checked,
            move |update| {
                let csrf = auth.csrf();
                async move { api::staff_update_site_footer(&update, &csrf, lang).await }
            },
            move |_: SiteFooter| saved.set(true),
            move |error| auth.form_errors(error, |e| request_errors(lang, e, "host_organisation")),
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    view! {
        <FormErrorSummary errors=errors/>
        {move || saved.get().then(|| view! { <p class="notice notice--success" role="status">{tr(|t| t.site_saved)}</p> })}
        <form novalidate on:submit=on_submit>
            <TextField id="host_organisation" label=tr(|t| t.site_host) value=host error=error("host_organisation") autocomplete="off"/>
            <TextField id="website_code" label=tr(|t| t.site_code) hint=tr(|t| t.site_code_hint) value=code
                error=error("website_code") autocomplete="off" short=true/>
            <TextField id="icp_number" label=tr(|t| t.site_icp) hint=tr(|t| t.site_icp_hint) value=icp
                error=error("icp_number") autocomplete="off"/>
            <TextField id="public_security_number" label=tr(|t| t.site_police) hint=tr(|t| t.site_police_hint) value=police
                error=error("public_security_number") autocomplete="off"/>
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.site_save)}</button>
        </form>
    }
}
