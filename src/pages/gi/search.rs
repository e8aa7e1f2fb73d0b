use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use portal_domain::api::gi::{
    GiProductSummary, GiSearch, GiSearchError, GiSearchParams, GiSearchResult, MatchKind,
    DEFAULT_PAGE_SIZE,
};
use portal_domain::api::FacetCount;
use portal_domain::{Lang, Localized};

use super::terms::{place, shown};
use super::texts::{gi_text, gi_texts, GiTexts};
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::filters::{field_messages, ActiveFilters, ErrorSummary, FacetLink};
use crate::components::highlighted::Highlighted;
use crate::components::loading::Loading;
use crate::components::search_field::SearchField;
use crate::prefs::{use_page_title, use_prefs};
use crate::services::Service;

/// How long typing must pause before the results follow it. Short, because the server answers
/// in a few milliseconds; stale requests are aborted anyway.
const DEBOUNCE: Duration = Duration::from_millis(30);
/// Province links shown before "show all".
const PROVINCES_SHOWN: usize = 8;

fn params_from(map: &ParamsMap) -> GiSearchParams {
    GiSearchParams {
        q: map.get("q"),
        province: map.get("province"),
        city: map.get("city"),
        category: map.get("category"),
        gi_type: map.get("gi_type"),
        year_from: map.get("year_from"),
        year_to: map.get("year_to"),
        page: map.get("page"),
        page_size: map.get("page_size"),
    }
}

fn empty_search() -> GiSearch {
    GiSearch {
        page: 1,
        page_size: DEFAULT_PAGE_SIZE,
        ..GiSearch::default()
    }
}

/// The page's URL for a search: the URL is the page's whole state, so a link reproduces the
/// view and Back restores it.
fn href(search: &GiSearch) -> String {
    let query = search.to_query_string();
    if query.is_empty() {
        "/gi".to_owned()
    } else {
        format!("/gi?{query}")
    }
}

/// The search with one change, back on page 1.
fn changed(search: &GiSearch, change: impl FnOnce(&mut GiSearch)) -> GiSearch {
    let mut next = search.clone();
    change(&mut next);
    next.page = 1;
    next
}

/// Checks what was typed in the search box with the same code the server uses.
fn parse_query(raw: &str) -> Result<String, GiSearchError> {
    let params = GiSearchParams {
        q: Some(raw.to_owned()),
        ..GiSearchParams::default()
    };
    match GiSearch::parse(&params) {
        Ok(search) => Ok(search.q),
        Err(errors) => Err(errors[0].1),
    }
}

#[component]
pub fn GiSearchPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| Service::GiLookup.title(lang));

    let query = use_query_map();
    let parsed = Memo::new(move |_| query.with(|m| GiSearch::parse(&params_from(m))));
    let current = Memo::new(move |_| parsed.get().unwrap_or_else(|_| empty_search()));
    Effect::new(move |_| super::last_search::remember_search_href(&href(&current.get())));

    // Each answer comes with the parameters it answers, so the links drawn from it (facets,
    // pages) never mix one search's results with a newer search's address.
    let results = LocalResource::new(move || {
        let parsed = parsed.get();
        let lang = prefs.lang.get_untracked();
        async move {
            let answer = match &parsed {
                Ok(search) => Some(api::gi_products(search, lang).await),
                // A hand-edited URL: say what is wrong instead of asking the server.
                Err(_) => None,
            };
            (parsed, answer)
        }
    });
    let (pending, set_pending) = signal(false);
    // Whether the filters are unfolded. On phones they start folded so the results come first;
    // kept here, outside the results, so that choosing a filter (new results) leaves the panel
    // as the person left it: a province and then a city without unfolding it twice.
    let filters_open = RwSignal::new(
        !crate::prerender::ACTIVE
            && window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .is_some_and(|w| w >= 960.0),
    );

    let navigate = use_navigate();
    let go = move |search: &GiSearch, replace: bool| {
        navigate(
            &href(search),
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };

    // The search box follows the URL (Back, links) and the URL follows typing, debounced.
    let input = RwSignal::new(query.with_untracked(|m| m.get("q").unwrap_or_default()));
    let input_error = RwSignal::new(None::<GiSearchError>);
    Effect::new(move |_| {
        let q = current.get().q;
        if parse_query(&input.get_untracked()).ok().as_deref() != Some(q.as_str()) {
            input.set(q);
        }
    });
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let search_now = {
        let go = go.clone();
        move |replace: bool| {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            match parse_query(&input.get_untracked()) {
                Ok(q) => {
                    input_error.set(None);
                    if q != current.get_untracked().q {
                        go(&changed(&current.get_untracked(), |s| s.q = q), replace);
                    }
                }
                Err(error) => input_error.set(Some(error)),
            }
        }
    };
    // Schedules a search once typing pauses. Typing replaces the history entry: Back should not
    // replay every keystroke.
    let schedule = {
        let search_now = search_now.clone();
        move || {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let search_now = search_now.clone();
            let handle = set_timeout_with_handle(move || search_now(true), DEBOUNCE).ok();
            timer.set_value(handle);
        }
    };
    view! {
        <div class="container page">
            <h1 tabindex="-1">{move || Service::GiLookup.title(prefs.lang.get())}</h1>
            <p class="lead">{move || Service::GiLookup.summary(prefs.lang.get())}</p>

            <SearchField
                id="gi-q"
                label=Signal::derive(gi_text(|t| t.search_label))
                hint=Signal::derive(gi_text(|t| t.search_hint))
                button=Signal::derive(gi_text(|t| t.search_button))
                value=input
                error=Signal::derive(move || input_error.get().map(|e| e.message(prefs.lang.get())))
                on_submit=move |_| search_now(false)
                on_change=move |composing: bool| {
                    if !composing {
                        schedule();
                    }
                }
            />

            <Transition
                fallback=move || view! { <Loading label=Signal::derive(gi_text(|t| t.loading))/> }
                set_pending=set_pending
            >
                {move || Suspend::new(async move {
                    let (parsed, answer) = results.await;
                    let search = parsed.clone().unwrap_or_else(|_| empty_search());
                    // Options rather than `into_any`: each type-erased view costs the WASM
                    // several kilobytes.
                    let (mut summary, mut found, mut failed) = (None, None, None);
                    match (answer, parsed) {
                        (None, Err(errors)) => {
                            let lang = prefs.lang.get_untracked();
                            summary = Some(
                                errors
                                    .into_iter()
                                    .map(|(field, e)| (field.to_owned(), e.message(lang)))
                                    .collect::<Vec<_>>(),
                            );
                        }
                        (Some(Ok(result)), _) => found = Some(result),
                        (Some(Err(ApiError::Validation(body))), _) => {
                            summary = Some(field_messages(&body));
                        }
                        (Some(Err(error)), _) => failed = Some(error),
                        (None, Ok(_)) => {}
                    }
                    view! {
                        {summary.map(|fields| view! { <ErrorSummary fields=fields query_input="gi-q" clear_href="/gi".to_owned()/> })}
                        {found.map(|result| view! { <Results search=search result=result pending=pending filters_open=filters_open/> })}
                        // The panel's h3 under the results' h2, as when there are results.
                        {failed.map(|error| view! {
                            <h2 class="visually-hidden">{gi_text(|t| t.results_heading)}</h2>
                            <ErrorPanel error=error on_retry=move |_| results.refetch()/>
                        })}
                    }
                })}
            </Transition>
        </div>
    }
}

/// Says that an answer came from the product list saved on this device on `date` (the service
/// worker answers so while the network fails): on the results and on a product's page.
pub fn offline_note(date: String) -> impl IntoView {
    let prefs = use_prefs();
    view! { <p class="notice notice--info">{move || gi_texts(prefs.lang.get()).offline(&date)}</p> }
}

#[component]
fn Results(
    search: GiSearch,
    result: GiSearchResult,
    pending: ReadSignal<bool>,
    filters_open: RwSignal<bool>,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || gi_texts(prefs.lang.get());
    let total = result.total;
    let pages = total.div_ceil(search.page_size).max(1);
    let csv = api::gi_products_csv_href(&search, prefs.lang.get_untracked());
    let has_items = !result.items.is_empty();
    let suggestions = result.suggestions;
    // Answered by the service worker from the list saved on this device (network down).
    let offline = result.offline_saved_on;
    // Back from a product: the list is drawn again, then scrolled to where it was.
    let list_href = href(&search);
    {
        let list_href = list_href.clone();
        request_animation_frame(move || super::last_search::restore_scroll(&list_href));
    }

    view! {
        <div class="gi-layout" aria-busy=move || pending.get().to_string()>
            <details
                class="gi-filters"
                prop:open=move || filters_open.get()
                on:toggle=move |ev| {
                    let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                    if open != filters_open.get_untracked() {
                        filters_open.set(open);
                    }
                }
            >
                <summary class="gi-filters__summary">{gi_text(|t| t.filters_heading)}</summary>
                // The summary is not a heading: this keeps the outline h1 > h2 > h3.
                <h2 class="visually-hidden">{gi_text(|t| t.filters_heading)}</h2>
                <Facets search=search.clone() facets=result.facets/>
            </details>
            <section class="gi-results" aria-labelledby="gi-results-heading">
                <h2 id="gi-results-heading" class="visually-hidden">{gi_text(|t| t.results_heading)}</h2>
                <ChosenFilters search=search.clone()/>
                {offline.map(offline_note)}
                <p class="gi-results__total" role="status">
                    {move || t().total(total)}
                    {move || pending.get().then(|| view! { <span class="visually-hidden">{t().updating}</span> })}
                </p>
                {has_items.then(|| view! {
                        <ul class="gi-result-list">
                            {result
                                .items
                                .into_iter()
                                .map(|item| view! { <ResultItem item=item list_href=list_href.clone()/> })
                                .collect_view()}
                        </ul>
                        <Pagination search=search.clone() pages=pages/>
                        <p>
                            <a class="button button--secondary" href=csv download="gi-products.csv">
                                {move || t().download_csv(total)}
                            </a>
                        </p>
                    })}
                {(!has_items).then(|| view! { <NoResults suggestions=suggestions/> })}
            </section>
        </div>
    }
}

#[component]
fn ResultItem(item: GiProductSummary, list_href: String) -> impl IntoView {
    let prefs = use_prefs();
    let (province, city, category, gi_type, year) = (
        item.province.clone(),
        item.city.clone(),
        item.category.clone(),
        item.gi_type.clone(),
        item.approved_year,
    );
    // Provinces, cities, categories and types follow the page's language.
    let facts = move || {
        let lang = prefs.lang.get();
        [
            Some(place(province.as_deref(), city.as_deref(), lang)).filter(|p| !p.is_empty()),
            category.as_deref().map(|c| shown(c, lang).0),
            gi_type.as_deref().map(|g| shown(g, lang).0),
            year.map(|y| y.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    };

    // The name is highlighted unless the match was in the protection scope, which then gets
    // its own line with the excerpt.
    let (name, scope) = match item.matched {
        Some(m) if m.kind == MatchKind::Scope => ((item.name_zh, 0, 0), Some(m)),
        Some(m) => ((m.text, m.start, m.end), None),
        None => ((item.name_zh, 0, 0), None),
    };
    let scope = scope.map(|m| {
        view! {
            <p class="gi-result__scope">
                {gi_text(|t| t.matched_scope)}
                <span lang="zh-CN">
                    <Highlighted text=m.text start=m.start end=m.end/>
                </span>
            </p>
        }
    });

    view! {
        <li class="gi-result">
            <h3 class="gi-result__name" lang="zh-CN">
                <A href=format!("/gi/{}", item.id) on:click=move |_| super::last_search::remember_scroll(&list_href)>
                    <Highlighted text=name.0 start=name.1 end=name.2/>
                </A>
            </h3>
            <p class="gi-result__pinyin">{item.pinyin}</p>
            <p class="gi-result__facts" lang=move || (prefs.lang.get() == Lang::Zh).then_some("zh-CN")>{facts}</p>
            {scope}
        </li>
    }
}

#[component]
fn NoResults(suggestions: Vec<GiProductSummary>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || gi_texts(prefs.lang.get());
    // The nearest names, when the query is close to some.
    let near = (!suggestions.is_empty()).then(|| {
        view! {
            <p>{gi_text(|t| t.did_you_mean)}</p>
            <ul class="link-list gi-suggestions" lang="zh-CN">
                {suggestions
                    .into_iter()
                    .map(|p| view! { <li><A href=format!("/gi/{}", p.id)>{p.name_zh}</A></li> })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <div class="empty-state">
            <h3>{gi_text(|t| t.no_results_title)}</h3>
            {near}
            <p>{gi_text(|t| t.no_results_tips)}</p>
            <ul class="list-bullet">
                {move || t().tip_examples.iter().map(|tip| view! { <li>{*tip}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// The chosen filters of a GI search as chips (see [`ActiveFilters`]).
#[component]
fn ChosenFilters(search: GiSearch) -> impl IntoView {
    let without = |change: fn(&mut GiSearch)| href(&changed(&search, change));
    let lang = use_prefs().lang.get_untracked();
    let chip = |value: &String| shown(value, lang);
    let mut chips: Vec<(String, bool, String)> = Vec::new();
    if let Some(p) = &search.province {
        let (label, zh) = chip(p);
        chips.push((
            label,
            zh,
            without(|s| {
                s.province = None;
                s.city = None;
            }),
        ));
    }
    if let Some(c) = &search.city {
        let (label, zh) = chip(c);
        chips.push((label, zh, without(|s| s.city = None)));
    }
    if let Some(c) = &search.category {
        let (label, zh) = chip(c);
        chips.push((label, zh, without(|s| s.category = None)));
    }
    if let Some(g) = &search.gi_type {
        let (label, zh) = chip(g);
        chips.push((label, zh, without(|s| s.gi_type = None)));
    }
    if search.year_from.is_some() || search.year_to.is_some() {
        let label = format!(
            "{}–{}",
            search.year_from.map(|y| y.to_string()).unwrap_or_default(),
            search.year_to.map(|y| y.to_string()).unwrap_or_default()
        );
        chips.push((
            label,
            false,
            without(|s| {
                s.year_from = None;
                s.year_to = None;
            }),
        ));
    }
    let clear = href(&changed(&search, |s| {
        *s = GiSearch {
            q: s.q.clone(),
            ..empty_search()
        }
    }));
    view! { <ActiveFilters chips=chips clear_href=clear/> }
}

#[component]
fn Pagination(search: GiSearch, pages: u32) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || gi_texts(prefs.lang.get());
    if pages <= 1 {
        return None;
    }
    let page = search.page;
    let at = |p: u32| {
        let mut s = search.clone();
        s.page = p;
        href(&s)
    };
    let previous = (page > 1).then(|| at(page - 1));
    let next = (page < pages).then(|| at(page + 1));
    Some(view! {
        <nav class="pagination" aria-label=gi_text(|t| t.pagination)>
            {previous.map(|h| view! { <A href=h attr:class="button button--secondary" attr:rel="prev">{gi_text(|t| t.previous_page)}</A> })}
            <span class="pagination__where">{move || t().page_of(page, pages)}</span>
            {next.map(|h| view! { <A href=h attr:class="button button--secondary" attr:rel="next">{gi_text(|t| t.next_page)}</A> })}
        </nav>
    })
}

/// The filters, each a list of links with live counts. The province list is drawn as a bar
/// chart of the distribution: the chart is the filter.
#[component]
fn Facets(search: GiSearch, facets: portal_domain::api::gi::GiFacets) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || gi_texts(prefs.lang.get());
    let all_provinces = RwSignal::new(false);
    let max_province = facets
        .province
        .iter()
        .map(|f| f.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let province_count = facets.province.len();

    let province_links = {
        let search = search.clone();
        facets
            .province
            .into_iter()
            .enumerate()
            .map(move |(i, f)| {
                let selected = search.province.as_deref() == Some(f.value.as_str());
                let target = changed(&search, |s| {
                    s.province = (!selected).then(|| f.value.clone());
                    s.city = None;
                });
                // Whole percents: float formatting would add kilobytes to the WASM.
                let width = (f.count * 100 / max_province).max(1).to_string();
                let hidden = move || i >= PROVINCES_SHOWN && !all_provinces.get() && !selected;
                view! {
                    <li class:facet__item--hidden=hidden>
                        <FacetLink href=href(&target) selected=selected label=term_label(&f.value) zh=term_zh(&f.value) count=f.count>
                            <svg class="facet__bar" aria-hidden="true" viewBox="0 0 100 6" preserveAspectRatio="none">
                                <rect x="0" y="0" height="6" width=width></rect>
                            </svg>
                        </FacetLink>
                    </li>
                }
            })
            .collect_view()
    };

    let simple = |facet: Vec<FacetCount>,
                  label: fn(&GiTexts) -> &'static str,
                  get: fn(&GiSearch) -> &Option<String>,
                  set: fn(&mut GiSearch, Option<String>)| {
        if facet.is_empty() {
            return None;
        }
        let search = search.clone();
        Some(view! {
            <section class="facet">
                <h3 class="facet__title">{move || label(t())}</h3>
                <ul class="facet__list">
                    {facet
                        .into_iter()
                        .map(|f| {
                            let selected = get(&search).as_deref() == Some(f.value.as_str());
                            let target = changed(&search, |s| set(s, (!selected).then(|| f.value.clone())));
                            view! { <li><FacetLink href=href(&target) selected=selected label=term_label(&f.value) zh=term_zh(&f.value) count=f.count/></li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        })
    };

    let decades = {
        let search = search.clone();
        let items = facets
            .decade
            .into_iter()
            .filter_map(|f| {
                let start: u16 = f.value.parse().ok()?;
                let selected = search.year_from == Some(start) && search.year_to == Some(start + 9);
                let target = changed(&search, |s| {
                    s.year_from = (!selected).then_some(start);
                    s.year_to = (!selected).then_some(start + 9);
                });
                Some(view! {
                    <li>
                        <FacetLink href=href(&target) selected=selected label=Signal::derive(move || t().decade(&f.value)) zh=false count=f.count/>
                    </li>
                })
            })
            .collect_view();
        view! {
            <section class="facet">
                <h3 class="facet__title">{gi_text(|t| t.facet_decade)}</h3>
                <ul class="facet__list">{items}</ul>
                <YearRange search=search.clone()/>
            </section>
        }
    };

    view! {
        <div class="facets">
            <section class="facet">
                <h3 class="facet__title">{gi_text(|t| t.facet_province)}</h3>
                <ul class="facet__list facet__list--bars">{province_links}</ul>
                {(province_count > PROVINCES_SHOWN).then(|| view! {
                    <button
                        type="button"
                        class="button button--link"
                        aria-expanded=move || all_provinces.get().to_string()
                        on:click=move |_| all_provinces.update(|a| *a = !*a)
                    >
                        {move || if all_provinces.get() { t().show_fewer } else { t().show_all }}
                    </button>
                })}
            </section>
            {simple(facets.city, |t| t.facet_city, |s| &s.city, |s, v| s.city = v)}
            {simple(facets.category, |t| t.facet_category, |s| &s.category, |s, v| s.category = v)}
            {simple(facets.gi_type, |t| t.facet_gi_type, |s| &s.gi_type, |s, v| s.gi_type = v)}
            {decades}
        </div>
    }
}

/// A year range typed by hand, checked by the shared parser before it goes into the URL.
#[component]
fn YearRange(search: GiSearch) -> impl IntoView {
    let prefs = use_prefs();
    let from = RwSignal::new(search.year_from.map(|y| y.to_string()).unwrap_or_default());
    let to = RwSignal::new(search.year_to.map(|y| y.to_string()).unwrap_or_default());
    let error = RwSignal::new(None::<(&'static str, GiSearchError)>);
    let navigate = use_navigate();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let params = GiSearchParams {
            year_from: Some(from.get_untracked()),
            year_to: Some(to.get_untracked()),
            ..GiSearchParams::default()
        };
        match GiSearch::parse(&params) {
            Ok(years) => {
                error.set(None);
                let next = changed(&search, |s| {
                    s.year_from = years.year_from;
                    s.year_to = years.year_to;
                });
                navigate(&href(&next), NavigateOptions::default());
            }
            Err(errors) => error.set(errors.first().copied()),
        }
    };
    let error_for = move |field: &'static str| {
        move || {
            error
                .get()
                .filter(|(f, _)| *f == field)
                .map(|(_, e)| view! { <p class="field-error" id=format!("gi-{field}-error")>{e.message(prefs.lang.get())}</p> })
        }
    };
    view! {
        <form class="year-range" on:submit=apply>
            <fieldset>
                <legend>{gi_text(|t| t.year_range)}</legend>
                <div class="year-range__fields">
                    <div>
                        <label class="label" for="gi-year_from">{gi_text(|t| t.year_from)}</label>
                        {error_for("year_from")}
                        <input id="gi-year_from" class="input input--year" inputmode="numeric" maxlength="4"
                            autocomplete="off"
                            aria-invalid=move || error.get().is_some_and(|(f, _)| f == "year_from").to_string()
                            prop:value=move || from.get()
                            on:input=move |ev| from.set(event_target_value(&ev))/>
                    </div>
                    <div>
                        <label class="label" for="gi-year_to">{gi_text(|t| t.year_to)}</label>
                        {error_for("year_to")}
                        <input id="gi-year_to" class="input input--year" inputmode="numeric" maxlength="4"
                            autocomplete="off"
                            aria-invalid=move || error.get().is_some_and(|(f, _)| f == "year_to").to_string()
                            prop:value=move || to.get()
                            on:input=move |ev| to.set(event_target_value(&ev))/>
                    </div>
                </div>
                <button type="submit" class="button button--secondary">{gi_text(|t| t.apply)}</button>
            </fieldset>
        </form>
    }
}

/// A facet value's label in the page's language (see `terms.rs`).
fn term_label(value: &str) -> Signal<String> {
    let prefs = use_prefs();
    let value = value.to_owned();
    Signal::derive(move || shown(&value, prefs.lang.get()).0)
}

/// Whether a facet value's label is still Chinese.
fn term_zh(value: &str) -> Signal<bool> {
    let prefs = use_prefs();
    let value = value.to_owned();
    Signal::derive(move || shown(&value, prefs.lang.get()).1)
}
