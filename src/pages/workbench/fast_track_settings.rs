//! `/staff/admin/fast-track`: the fast track's administrator data — the center's technical
//! fields (names, open or being extended, the venue that examines them, their IPC main groups
//! and Locarno classes, written one way as they are typed), the eligibility thresholds and the
//! time limits. The
//! center has not published any of them; the page says the shipped values are illustrative. The
//! shared domain check runs before sending and the server runs it again.

use leptos::prelude::*;
use portal_domain::api::firm::registration::{
    ipc_main_group, locarno_class, EligibilityRules, FastTrackSettings, FieldStatus, FieldVenue,
    Material, MaterialRule, TechField, TimeLimits,
};

use super::admin_form::{checked, number, request_errors, RowInput};
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::form::{error_for, FormErrorSummary, FormErrors};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::pages::firm_registration::labels;
use crate::prefs::use_prefs;

#[component]
pub fn FastTrackSettingsPage() -> impl IntoView {
    use_staff_title(|t| t.fast_track_heading);
    view! {
        <Guard page=StaffPage::FastTrackSettings>
            <Loader/>
        </Guard>
    }
}

#[component]
fn Loader() -> impl IntoView {
    let prefs = use_prefs();
    let loaded =
        LocalResource::new(move || api::staff_fast_track_settings(prefs.lang.get_untracked()));
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.fast_track_heading)}</h1>
            <p class="lead">{tr(|t| t.fast_track_lead)}</p>
            <Transition fallback=move || view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(settings) => view! { <SettingsForm settings=settings/> }.into_any(),
                        Err(error) => view! { <StaffProblem error=error on_retry=move |_| loaded.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// One field's row as the form holds it.
#[derive(Clone, Copy)]
struct FieldRow {
    code: RwSignal<String>,
    name_zh: RwSignal<String>,
    name_en: RwSignal<String>,
    active: RwSignal<bool>,
    venue: RwSignal<FieldVenue>,
    /// One per line, as typed.
    ipc: RwSignal<String>,
    locarno: RwSignal<String>,
}

/// The lines of a box, each written as `write` keeps it (a line it cannot read is sent as typed,
/// for the check to name).
fn classes(text: &str, write: fn(&str) -> Option<String>) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| write(l).unwrap_or_else(|| l.to_owned()))
        .collect()
}

impl FieldRow {
    fn new(f: &TechField) -> FieldRow {
        FieldRow {
            code: RwSignal::new(f.code.clone()),
            name_zh: RwSignal::new(f.name_zh.clone()),
            name_en: RwSignal::new(f.name_en.clone()),
            active: RwSignal::new(f.accepts_registrations()),
            venue: RwSignal::new(f.venue),
            ipc: RwSignal::new(f.ipc_groups.join("\n")),
            locarno: RwSignal::new(f.locarno_classes.join("\n")),
        }
    }

    fn empty() -> FieldRow {
        FieldRow::new(&TechField {
            code: String::new(),
            name_zh: String::new(),
            name_en: String::new(),
            status: FieldStatus::Extending,
            venue: FieldVenue::default(),
            ipc_groups: Vec::new(),
            locarno_classes: Vec::new(),
        })
    }

    fn field(&self) -> TechField {
        TechField {
            code: self.code.get_untracked().trim().to_owned(),
            name_zh: self.name_zh.get_untracked().trim().to_owned(),
            name_en: self.name_en.get_untracked().trim().to_owned(),
            status: if self.active.get_untracked() {
                FieldStatus::Active
            } else {
                FieldStatus::Extending
            },
            venue: self.venue.get_untracked(),
            ipc_groups: classes(&self.ipc.get_untracked(), ipc_main_group),
            locarno_classes: classes(&self.locarno.get_untracked(), locarno_class),
        }
    }
}

#[component]
fn SettingsForm(settings: FastTrackSettings) -> impl IntoView {
    let auth = use_auth();
    let rows = RwSignal::new(
        settings
            .fields
            .iter()
            .map(FieldRow::new)
            .collect::<Vec<_>>(),
    );
    let text = |n: u32| RwSignal::new(n.to_string());
    let r = settings.rules;
    let (years, staff, inventions, others) = (
        text(r.min_years_registered),
        text(r.min_insured_staff),
        text(r.min_inventions),
        text(r.min_other_patents),
    );
    let exempt = RwSignal::new(r.design_only_exempt);
    let l = settings.limits;
    let (review, amend, validity) = (
        text(l.review_working_days),
        text(l.amendment_working_days),
        text(l.validity_months),
    );
    // Every material, ticked when the center requires it.
    let required: Vec<(Material, RwSignal<bool>)> = Material::ALL
        .into_iter()
        .map(|m| {
            let on = settings
                .materials
                .iter()
                .any(|r| r.purpose == m && r.required);
            (m, RwSignal::new(on))
        })
        .collect();
    let required = StoredValue::new(required);
    let prefs = use_prefs();
    let saved = RwSignal::new(false);
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let on_submit = form.on_submit(move |lang| {
        saved.set(false);
        let settings = FastTrackSettings {
            fields: rows.get_untracked().iter().map(FieldRow::field).collect(),
            rules: EligibilityRules {
                min_years_registered: number(years),
                min_insured_staff: number(staff),
                min_inventions: number(inventions),
                min_other_patents: number(others),
                design_only_exempt: exempt.get_untracked(),
            },
            limits: TimeLimits {
                review_working_days: number(review),
                amendment_working_days: number(amend),
                validity_months: number(validity),
            },
            materials: required.with_value(|r| {
                r.iter()
                    .map(|(purpose, on)| MaterialRule {
                        purpose: *purpose,
                        required: on.get_untracked(),
                    })
                    .collect()
            }),
        };
        form.send(
            checked(lang, settings, FastTrackSettings::problems),
            move |settings| {
                let csrf = auth.csrf();
                async move { api::staff_update_fast_track_settings(&settings, &csrf, lang).await }
            },
            move |_| saved.set(true),
            move |error| auth.form_errors(error, |e| request_errors(lang, e, "fields")),
        );
    });
    let error = move |id: &'static str| {
        Signal::derive(move || errors.with(|e: &FormErrors| error_for(e, id)))
    };
    let label = |t: Tr| Signal::derive(move || tr(t)().to_owned());
    let number_box = move |id: &'static str, t: Tr, value: RwSignal<String>| {
        view! {
            <RowInput id=id.to_owned() label=label(t) value=value error=error(id) inputmode="numeric" short=true/>
        }
    };
    view! {
        <FormErrorSummary errors=errors/>
        {move || saved.get().then(|| view! { <p class="notice notice--success" role="status">{tr(|t| t.ft_saved)}</p> })}
        <form novalidate on:submit=on_submit>
            <h2 id="fields">{tr(|t| t.ft_fields_heading)}</h2>
            {move || error("fields").get().map(|m| view! { <p class="field-error">{m}</p> })}
            {move || rows.get().into_iter().enumerate().map(|(i, row)| view! {
                <fieldset class="fieldset case-panel">
                    <legend class="fieldset__legend">{move || row.name_zh.get()}</legend>
                    <RowInput id=format!("field-{i}-code") label=label(|t| t.ft_field_code) value=row.code error=Signal::derive(|| None::<String>) short=true/>
                    <RowInput id=format!("field-{i}-zh") label=label(|t| t.ft_field_name_zh) value=row.name_zh error=Signal::derive(|| None::<String>)/>
                    <RowInput id=format!("field-{i}-en") label=label(|t| t.ft_field_name_en) value=row.name_en error=Signal::derive(|| None::<String>)/>
                    <div class="choice">
                        <input id=format!("field-{i}-active") class="choice__input" type="checkbox"
                            prop:checked=move || row.active.get()
                            on:change=move |ev| row.active.set(event_target_checked(&ev))/>
                        <label class="choice__label" for=format!("field-{i}-active")>{tr(|t| t.ft_status_active)}</label>
                    </div>
                    <div class="form-group">
                        <label class="label" for=format!("field-{i}-venue")>{tr(|t| t.ft_field_venue)}</label>
                        <select id=format!("field-{i}-venue") class="input select"
                            prop:value=move || row.venue.get().code()
                            on:change=move |ev| if let Some(v) = FieldVenue::from_code(&event_target_value(&ev)) { row.venue.set(v) }>
                            {FieldVenue::ALL.iter().map(|v| view! {
                                <option value=v.code()>{move || v.label(prefs.lang.get())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <ClassBox id=format!("field-{i}-ipc") label=|t| t.ft_field_ipc hint=|t| t.ft_field_ipc_hint value=row.ipc/>
                    <ClassBox id=format!("field-{i}-locarno") label=|t| t.ft_field_locarno hint=|t| t.ft_field_locarno_hint value=row.locarno/>
                </fieldset>
            }).collect_view()}
            <p>
                <button type="button" class="button button--secondary"
                    on:click=move |_| rows.update(|r| r.push(FieldRow::empty()))>{tr(|t| t.ft_add_field)}</button>
            </p>
            <h2>{tr(|t| t.ft_rules_heading)}</h2>
            {number_box("rules-min_years_registered", |t| t.ft_min_years, years)}
            {number_box("rules-min_insured_staff", |t| t.ft_min_staff, staff)}
            {number_box("rules-min_inventions", |t| t.ft_min_inventions, inventions)}
            {number_box("rules-min_other_patents", |t| t.ft_min_others, others)}
            <div class="choice">
                <input id="design_only_exempt" class="choice__input" type="checkbox"
                    prop:checked=move || exempt.get() on:change=move |ev| exempt.set(event_target_checked(&ev))/>
                <label class="choice__label" for="design_only_exempt">{tr(|t| t.ft_design_exempt)}</label>
            </div>
            <h2>{tr(|t| t.ft_limits_heading)}</h2>
            {number_box("limits-review_working_days", |t| t.ft_review_days, review)}
            {number_box("limits-amendment_working_days", |t| t.ft_amend_days, amend)}
            {number_box("limits-validity_months", |t| t.ft_validity, validity)}
            <h2 id="materials">{tr(|t| t.ft_materials_heading)}</h2>
            <p class="hint">{tr(|t| t.ft_materials_hint)}</p>
            {move || error("materials").get().map(|m| view! { <p class="field-error">{m}</p> })}
            {required.with_value(|r| r.iter().map(|&(m, on)| {
                let id = format!("material-{}", m.code());
                view! {
                    <div class="choice">
                        <input id=id.clone() class="choice__input" type="checkbox"
                            prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev))/>
                        <label class="choice__label" for=id>
                            {move || { let lang = prefs.lang.get(); workbench_texts(lang).ft_material_required(labels::material(m, lang)) }}
                        </label>
                    </div>
                }
            }).collect_view())}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.ft_save)}</button>
        </form>
    }
}

/// A box of classes, one per line, with what they look like.
#[component]
fn ClassBox(id: String, label: Tr, hint: Tr, value: RwSignal<String>) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="form-group">
            <label class="label" for=id.clone()>{tr(label)}</label>
            <p class="hint" id=hint_id.clone()>{tr(hint)}</p>
            <textarea id=id class="input textarea" rows="4" aria-describedby=hint_id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        </div>
    }
}
