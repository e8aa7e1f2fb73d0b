//! The official holiday calendar, for administrators: `/staff/admin/holidays`. It lists the
//! published years (shipped with the portal or published here) and has a form to publish a year
//! from the State Council General Office's notice, or to correct one: rows of days off, rows of
//! adjusted working days, the notice's title and address. "Check" runs the same checks as the
//! server (the seed file's rules) and shows what publishing would change; only then is it sent.

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::admin::{
    days_off, year_changes, CheckedYear, HolidayInput, HolidayOrigin, HolidayYear, HolidayYearList,
    HolidayYearRequest, YearChanges,
};
use portal_domain::calendar::{Date, HolidayRange};
use portal_domain::{Lang, Localized};

use super::admin_form::{
    error_signal, field_id, in_page_order, parser_errors, request_errors, RowInput,
};
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, FormErrors, TextField};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::dates::short_date;
use crate::i18n::strings;
use crate::prefs::use_prefs;

/// `/staff/admin/holidays`.
#[component]
pub fn HolidaysPage() -> impl IntoView {
    use_staff_title(|t| t.holidays_heading);
    view! {
        <Guard page=StaffPage::Holidays>
            <Holidays/>
        </Guard>
    }
}

#[derive(Clone, Copy)]
struct HolidayRow {
    key: usize,
    name: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
}

#[derive(Clone, Copy)]
struct DayRow {
    key: usize,
    date: RwSignal<String>,
}

/// What is being checked before it is published.
#[derive(Clone)]
struct Check {
    request: HolidayYearRequest,
    year: CheckedYear,
    changes: YearChanges,
}

/// The form's state, kept above the list so that it survives the list being fetched again.
#[derive(Clone, Copy)]
struct YearForm {
    year: RwSignal<String>,
    title: RwSignal<String>,
    url: RwSignal<String>,
    holidays: RwSignal<Vec<HolidayRow>>,
    working: RwSignal<Vec<DayRow>>,
    next_key: StoredValue<usize>,
    /// The page's owner: rows added by a button outlive the form view that added them (the
    /// check step replaces it, "go back" draws it again).
    owner: StoredValue<Option<Owner>>,
    errors: RwSignal<FormErrors>,
    /// Publishing the checked year (its errors are `errors`).
    submit: Submit,
    check: RwSignal<Option<Check>>,
}

impl YearForm {
    fn new() -> YearForm {
        let errors = RwSignal::new(FormErrors::new());
        let form = YearForm {
            year: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            url: RwSignal::new(String::new()),
            holidays: RwSignal::new(Vec::new()),
            working: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
            errors,
            submit: Submit::with_errors(errors),
            check: RwSignal::new(None),
        };
        form.reset();
        form
    }

    fn key(&self) -> usize {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    /// Runs `make` under the page's owner.
    fn owned<T>(&self, make: impl FnOnce() -> T) -> T {
        match self.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }

    fn holiday(&self, name: String, from: String, to: String) -> HolidayRow {
        let key = self.key();
        self.owned(|| HolidayRow {
            key,
            name: RwSignal::new(name),
            from: RwSignal::new(from),
            to: RwSignal::new(to),
        })
    }

    fn day(&self, date: String) -> DayRow {
        let key = self.key();
        self.owned(|| DayRow {
            key,
            date: RwSignal::new(date),
        })
    }

    fn reset(&self) {
        self.year.set(String::new());
        self.title.set(String::new());
        self.url.set(String::new());
        self.holidays.set(vec![self.holiday(
            String::new(),
            String::new(),
            String::new(),
        )]);
        self.working.set(Vec::new());
        self.errors.set(Vec::new());
        self.check.set(None);
    }

    /// A published year in the form, to correct it.
    fn fill(&self, year: &HolidayYear) {
        self.year.set(year.year.to_string());
        self.title.set(year.source_title.clone());
        self.url.set(year.source_url.clone().unwrap_or_default());
        self.holidays.set(
            year.holidays
                .iter()
                .map(|h| self.holiday(h.name.clone(), h.from.to_string(), h.to.to_string()))
                .collect(),
        );
        self.working.set(
            year.working_days
                .iter()
                .map(|d| self.day(d.to_string()))
                .collect(),
        );
        self.errors.set(Vec::new());
        self.check.set(None);
    }

    fn request(&self) -> HolidayYearRequest {
        HolidayYearRequest {
            source_title: Some(self.title.get_untracked()),
            source_url: Some(self.url.get_untracked()),
            holidays: self.holidays.with_untracked(|rows| {
                rows.iter()
                    .map(|r| HolidayInput {
                        name: Some(r.name.get_untracked()),
                        from: Some(r.from.get_untracked()),
                        to: Some(r.to.get_untracked()),
                    })
                    .collect()
            }),
            working_days: self
                .working
                .with_untracked(|rows| rows.iter().map(|r| r.date.get_untracked()).collect()),
        }
    }

    /// The ids of the fields in page order, for the error summary.
    fn order(&self) -> Vec<String> {
        let mut ids: Vec<String> = ["year", "source_title", "source_url", "holidays"]
            .map(str::to_owned)
            .to_vec();
        for i in 0..self.holidays.with_untracked(Vec::len) {
            for part in ["name", "from", "to"] {
                ids.push(format!("holidays-{i}-{part}"));
            }
        }
        ids.push("working_days".to_owned());
        for i in 0..self.working.with_untracked(Vec::len) {
            ids.push(format!("working_days-{i}"));
        }
        ids
    }
}

/// A year as typed: 4 digits.
fn read_year(input: &str) -> Option<i32> {
    let input = input.trim();
    (input.len() == 4 && input.bytes().all(|b| b.is_ascii_digit()))
        .then(|| input.parse().ok())
        .flatten()
        .filter(|y| *y >= 1)
}

fn focus_id(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

#[component]
fn Holidays() -> impl IntoView {
    let prefs = use_prefs();
    let list =
        LocalResource::new(
            move || async move { api::staff_holidays(prefs.lang.get_untracked()).await },
        );
    let form = YearForm::new();
    let notice = RwSignal::new(None::<i32>);
    let notice_ref = NodeRef::<html::P>::new();
    let published = Callback::new(move |year: HolidayYear| {
        notice.set(Some(year.year));
        form.reset();
        list.refetch();
        focus_next_frame(notice_ref);
    });
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.holidays_heading)}</h1>
            <p class="lead">{tr(|t| t.holidays_lead)}</p>
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
                {move || notice.get().map(|y| workbench_texts(prefs.lang.get()).year_published(y))}
            </p>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => view! {
                    <PublishForm list=list.clone() form=form published=published/>
                    <YearList list=list form=form/>
                }
                .into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
            }}
        </div>
    }
}

fn holiday_line(lang: Lang, h: &HolidayRange) -> String {
    let days = days_off(std::slice::from_ref(h));
    workbench_texts(lang).holiday_line(&h.name, date_range(lang, h.from, h.to), u64::from(days))
}

fn dates_line(lang: Lang, days: &[Date]) -> String {
    days.iter()
        .map(|d| {
            workbench_texts(lang).date_with_weekday(short_date(*d, lang), d.weekday().name(lang))
        })
        .collect::<Vec<_>>()
        .join(strings(lang).list_separator)
}

#[component]
fn YearList(list: HolidayYearList, form: YearForm) -> impl IntoView {
    let prefs = use_prefs();
    let years = list
        .items
        .into_iter()
        .rev()
        .map(|year| {
            let y = year.year;
            let heading_id = format!("year-{y}");
            let labelled_by = heading_id.clone();
            let caption_id = format!("year-{y}-caption");
            let rows = year
                .holidays
                .iter()
                .map(|h| {
                    let h = h.clone();
                    let days = days_off(std::slice::from_ref(&h));
                    view! {
                        <tr>
                            <td>{h.name.clone()}</td>
                            <td>{move || date_range(prefs.lang.get(), h.from, h.to)}</td>
                            <td class="num">{days}</td>
                        </tr>
                    }
                })
                .collect_view();
            let working = year.working_days.clone();
            let origin = match (year.origin, &year.published_by, &year.published_at) {
                (HolidayOrigin::Published, Some(who), Some(at)) => {
                    let (who, at) = (who.clone(), short_time(at));
                    Signal::derive(move || workbench_texts(prefs.lang.get()).published_by(&who, &at))
                }
                _ => Signal::derive(move || pick(prefs.lang.get(), |t| t.from_seed).to_owned()),
            };
            let editable = year.editable;
            let stored = StoredValue::new(year.clone());
            let correct = move |_| {
                stored.with_value(|y| form.fill(y));
                focus_id("publish-heading");
            };
            view! {
                <section class="case-panel holiday-year" aria-labelledby=labelled_by>
                    <h3 id=heading_id>{move || workbench_texts(prefs.lang.get()).year_heading(y)}</h3>
                    <p><span class="status-tag">{origin}</span></p>
                    <p>
                        <strong>{tr(|t| t.source)}"："</strong>{year.source_title.clone()}
                        {year.source_url.clone().map(|url| {
                            let href = url.clone();
                            view! { " "<a class="source-link" href=href rel="noopener noreferrer">{url}</a> }
                        })}
                    </p>
                    <table class="staff-table staff-table--compact">
                        <caption id=caption_id>{tr(|t| t.holidays_fieldset)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr(|t| t.holiday_name)}</th>
                                <th scope="col">{tr(|t| t.date)}</th>
                                <th scope="col" class="num">{tr(|t| t.days)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p>
                        <strong>{tr(|t| t.working_days)}"："</strong>
                        {move || if working.is_empty() {
                            pick(prefs.lang.get(), |t| t.no_working_days).to_owned()
                        } else {
                            dates_line(prefs.lang.get(), &working)
                        }}
                    </p>
                    {editable.then(|| view! {
                        <button type="button" class="button button--secondary" on:click=correct>
                            {move || workbench_texts(prefs.lang.get()).correct_year(y)}
                        </button>
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <h2>{tr(|t| t.published_years)}</h2>
        {years}
    }
}

#[component]
fn PublishForm(
    list: HolidayYearList,
    form: YearForm,
    published: Callback<HolidayYear>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let current_year = list.current_year;
    let years = StoredValue::new(list.items);
    let YearForm {
        errors,
        submit,
        check,
        ..
    } = form;
    let busy = submit.busy();

    let on_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = prefs.lang.get_untracked();
        let request = form.request();
        let year = read_year(&form.year.get_untracked());
        let mut list = FormErrors::new();
        match year {
            None => list.push(("year".to_owned(), pick(lang, |t| t.year_invalid).to_owned())),
            Some(y) if y < current_year => list.push((
                "year".to_owned(),
                workbench_texts(lang).year_too_early(current_year),
            )),
            Some(_) => {}
        }
        match request.parse(year.unwrap_or(current_year)) {
            Ok(checked) if list.is_empty() => {
                let changes = years.with_value(|ys| {
                    year_changes(ys.iter().find(|y| y.year == checked.year), &checked)
                });
                errors.set(Vec::new());
                check.set(Some(Check {
                    request,
                    year: checked,
                    changes,
                }));
                focus_id("check-heading");
                return;
            }
            Ok(_) => {}
            Err(problems) => {
                // Without a valid year, whether a date lies in it cannot be said.
                let problems: Vec<_> = problems
                    .into_iter()
                    .filter(|(_, e)| year.is_some() || !e.code().starts_with("calendar."))
                    .collect();
                list.extend(parser_errors(lang, &problems));
            }
        }
        errors.set(in_page_order(list, &form.order()));
    };

    let publish = move |_| {
        let Some(Check { request, year, .. }) = check.get_untracked() else {
            return;
        };
        let lang = prefs.lang.get_untracked();
        submit.send(
            Ok(request),
            move |request| {
                let csrf = auth.csrf();
                async move { api::staff_publish_holidays(year.year, &request, &csrf, lang).await }
            },
            move |year| published.run(year),
            move |error| {
                auth.form_errors(error, |e| {
                    check.set(None);
                    in_page_order(request_errors(lang, e, "year"), &form.order())
                })
            },
        );
    };
    let back = move |_| {
        check.set(None);
        focus_id("year");
    };

    move || match check.get() {
        Some(c) => view! { <CheckStep check=c busy=busy publish=publish back=back/> }.into_any(),
        None => {
            view! { <YearFields form=form on_check=on_check current_year=current_year/> }.into_any()
        }
    }
}

#[component]
fn YearFields<F>(form: YearForm, on_check: F, current_year: i32) -> impl IntoView
where
    F: Fn(leptos::ev::SubmitEvent) + Clone + 'static,
{
    let prefs = use_prefs();
    let errors = form.errors;
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let holidays_error = error("holidays");
    let working_error = error("working_days");
    let holiday_rows = move || {
        let rows = form.holidays.get();
        let count = rows.len();
        rows.into_iter()
            .enumerate()
            .map(|(i, row)| {
                let n = i + 1;
                let id = move |part: &str| field_id(&format!("holidays.{i}.{part}"));
                view! {
                    <fieldset class="fieldset row-fieldset">
                        <legend class="fieldset__legend">{move || workbench_texts(prefs.lang.get()).holiday_row(n)}</legend>
                        <RowInput
                            id=id("name")
                            label=Signal::derive(move || pick(prefs.lang.get(), |t| t.holiday_name).to_owned())
                            value=row.name
                            error=error_signal(errors, id("name"))
                        />
                        <div class="row-fields">
                            <RowInput
                                id=id("from")
                                label=Signal::derive(move || pick(prefs.lang.get(), |t| t.holiday_from).to_owned())
                                value=row.from
                                error=error_signal(errors, id("from"))
                                inputmode="numeric"
                                short=true
                            />
                            <RowInput
                                id=id("to")
                                label=Signal::derive(move || pick(prefs.lang.get(), |t| t.holiday_to).to_owned())
                                value=row.to
                                error=error_signal(errors, id("to"))
                                inputmode="numeric"
                                short=true
                            />
                        </div>
                        {(count > 1).then(|| view! {
                            <button type="button" class="button button--secondary"
                                on:click=move |_| form.holidays.update(|rows| rows.retain(|r| r.key != row.key))>
                                {move || workbench_texts(prefs.lang.get()).remove_holiday(n)}
                            </button>
                        })}
                    </fieldset>
                }
            })
            .collect_view()
    };
    let day_rows = move || {
        form.working
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let n = i + 1;
                let id = field_id(&format!("working_days.{i}"));
                view! {
                    <div class="row-fields">
                        <RowInput
                            id=id.clone()
                            label=Signal::derive(move || workbench_texts(prefs.lang.get()).working_day_label(n))
                            value=row.date
                            error=error_signal(errors, id)
                            inputmode="numeric"
                            short=true
                        />
                        <button type="button" class="button button--secondary row-remove"
                            on:click=move |_| form.working.update(|rows| rows.retain(|r| r.key != row.key))>
                            {move || workbench_texts(prefs.lang.get()).remove_working_day(n)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let year_hint = Signal::derive(move || {
        workbench_texts(prefs.lang.get()).year_hint(current_year, current_year + 1)
    });
    view! {
        <section class="case-panel" aria-labelledby="publish-heading">
            <h2 id="publish-heading" tabindex="-1">{tr(|t| t.publish_heading)}</h2>
            <FormErrorSummary errors=errors/>
            <p>{tr(|t| t.publish_lead)}</p>
            <form novalidate on:submit=on_check>
                <RowInput
                    id="year".to_owned()
                    label=Signal::derive(move || pick(prefs.lang.get(), |t| t.year).to_owned())
                    hint=year_hint
                    value=form.year
                    error=error("year")
                    inputmode="numeric"
                    short=true
                />
                <TextField
                    id="source_title"
                    label=tr(|t| t.source_title)
                    hint=tr(|t| t.source_title_hint)
                    value=form.title
                    error=error("source_title")
                    autocomplete="off"
                />
                <TextField
                    id="source_url"
                    label=tr(|t| t.source_url)
                    hint=tr(|t| t.source_url_hint)
                    value=form.url
                    error=error("source_url")
                    input_type="url"
                    autocomplete="off"
                />
                <div class="form-group" class:form-group--error=move || holidays_error.with(Option::is_some)>
                    <fieldset class="fieldset" aria-describedby="holidays-hint">
                        <legend class="fieldset__legend"><span class="label">{tr(|t| t.holidays_fieldset)}</span></legend>
                        <p class="hint" id="holidays-hint">{tr(|t| t.holidays_hint)}</p>
                        {move || holidays_error.get().map(|m| view! { <p class="field-error" id="holidays" tabindex="-1">{m}</p> })}
                        {holiday_rows}
                        <button type="button" class="button button--secondary"
                            on:click=move |_| {
                                let row = form.holiday(String::new(), String::new(), String::new());
                                form.holidays.update(|rows| rows.push(row));
                            }>
                            {tr(|t| t.add_holiday)}
                        </button>
                    </fieldset>
                </div>
                <div class="form-group" class:form-group--error=move || working_error.with(Option::is_some)>
                    <fieldset class="fieldset" aria-describedby="working_days-hint">
                        <legend class="fieldset__legend"><span class="label">{tr(|t| t.working_days)}</span></legend>
                        <p class="hint" id="working_days-hint">{tr(|t| t.working_days_hint)}</p>
                        {move || working_error.get().map(|m| view! { <p class="field-error" id="working_days" tabindex="-1">{m}</p> })}
                        {day_rows}
                        <button type="button" class="button button--secondary"
                            on:click=move |_| {
                                let row = form.day(String::new());
                                form.working.update(|rows| rows.push(row));
                            }>
                            {tr(|t| t.add_working_day)}
                        </button>
                    </fieldset>
                </div>
                <button type="submit" class="button">{tr(|t| t.check_button)}</button>
            </form>
        </section>
    }
}

#[component]
fn CheckStep<P, B>(check: Check, busy: Signal<bool>, publish: P, back: B) -> impl IntoView
where
    P: Fn(leptos::ev::MouseEvent) + Clone + 'static,
    B: Fn(leptos::ev::MouseEvent) + Clone + 'static,
{
    let prefs = use_prefs();
    let Check { year, changes, .. } = check;
    let y = year.year;
    let replaces = changes.replaces;
    let totals = (
        year.holidays.len(),
        days_off(&year.holidays),
        year.working_days.len(),
    );
    let nothing = changes.is_empty();
    let list = move |label: Tr, items: Vec<HolidayRange>| {
        (!items.is_empty()).then(|| {
            view! {
                <h3>{tr(label)}</h3>
                <ul class="list-bullet">
                    {items.into_iter().map(|h| view! { <li>{move || holiday_line(prefs.lang.get(), &h)}</li> }).collect_view()}
                </ul>
            }
        })
    };
    let days = move |label: Tr, items: Vec<Date>| {
        (!items.is_empty()).then(|| {
            view! {
                <h3>{tr(label)}</h3>
                <p>{move || dates_line(prefs.lang.get(), &items)}</p>
            }
        })
    };
    let source = changes.source_changed.then(|| {
        let (title, url) = (year.source_title.clone(), year.source_url.clone());
        view! {
            <h3>{tr(|t| t.source_changed)}</h3>
            <p>{title}<br/><span class="source-link">{url}</span></p>
        }
    });
    view! {
        <section class="case-panel check-step" aria-labelledby="check-heading">
            <h2 id="check-heading" tabindex="-1">{tr(|t| t.check_heading)}</h2>
            <p class="lead">{move || will_publish(prefs.lang.get(), y, replaces)}</p>
            <p>{tr(|t| t.check_lead)}</p>
            <p><strong>{move || workbench_texts(prefs.lang.get()).year_totals(totals.0, totals.1, totals.2)}</strong></p>
            {nothing.then(|| view! { <p class="notice">{tr(|t| t.nothing_changes)}</p> })}
            {list(|t| t.added_holidays, changes.added_holidays)}
            {list(|t| t.removed_holidays, changes.removed_holidays)}
            {days(|t| t.added_working_days, changes.added_working_days)}
            {days(|t| t.removed_working_days, changes.removed_working_days)}
            {source}
            <div class="button-row">
                <button type="button" class="button" disabled=move || busy.get() on:click=publish>{tr(|t| t.publish_button)}</button>
                <button type="button" class="button button--secondary" on:click=back>{tr(|t| t.back_to_form)}</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::read_year;

    #[test]
    fn a_year_is_four_digits() {
        assert_eq!(read_year(" 2027 "), Some(2027));
        for bad in ["27", "20x7", "0000", "12027", "", "２０２７"] {
            assert_eq!(read_year(bad), None, "{bad}");
        }
    }
}
