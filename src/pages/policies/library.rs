use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_domain::api::percent_encode;
use portal_domain::api::policies::{
    PolicyFilter, PolicyKind, PolicyListParams, PolicyScope, PolicySearch, PolicySearchError,
    PolicySummary, PolicyTask, POLICY_TOPICS,
};
use portal_domain::{Lang, Localized};

use super::layout::{is_wide, FacetSection, FilterPanel};
use super::links::{service_href, DocumentLink};
use super::search_form::SearchForm;
use super::texts::{self, policy_text, policy_texts};
use crate::api::ApiError;
use crate::components::error_panel::ErrorPanel;
use crate::components::filters::{field_messages, ActiveFilters, ErrorSummary, FacetLink};
use crate::components::loading::Loading;
use crate::prefs::{text, use_page_title, use_prefs};
use crate::services::Service;

/// The list's URL for a filter: the URL is the page's whole state.
fn href(filter: &PolicyFilter) -> String {
    let pairs = [
        ("region", filter.region.as_deref()),
        ("kind", filter.kind.map(PolicyKind::as_str)),
        ("topic", filter.topic.as_deref()),
    ];
    let query = pairs
        .iter()
        .filter_map(|(name, value)| value.map(|v| format!("{name}={}", percent_encode(v))))
        .collect::<Vec<_>>()
        .join("&");
    if query.is_empty() {
        "/policies".to_owned()
    } else {
        format!("/policies?{query}")
    }
}

fn changed(filter: &PolicyFilter, change: impl FnOnce(&mut PolicyFilter)) -> String {
    let mut next = filter.clone();
    change(&mut next);
    href(&next)
}

/// Which filter a facet sets: its counts apply every *other* filter.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Region,
    Kind,
    Topic,
    None,
}

fn passes(doc: &PolicySummary, filter: &PolicyFilter, ignore: Facet) -> bool {
    (ignore == Facet::Region || filter.region.as_ref().is_none_or(|r| *r == doc.region))
        && (ignore == Facet::Kind || filter.kind.is_none_or(|k| k == doc.kind))
        && (ignore == Facet::Topic || filter.topic.as_ref().is_none_or(|t| doc.topics.contains(t)))
}

/// Checks the URL's filters with the shared parser; a region must also be one of the list's
/// (the server's check, made here because the list is filtered in the browser).
fn check(
    params: &PolicyListParams,
    items: &[PolicySummary],
    lang: Lang,
) -> Result<PolicyFilter, Vec<(String, String)>> {
    let message = |(field, e): (&str, PolicySearchError)| (field.to_owned(), e.message(lang));
    let filter = PolicyFilter::parse(params)
        .map_err(|errors| errors.into_iter().map(message).collect::<Vec<_>>())?;
    if let Some(region) = &filter.region {
        if !items.iter().any(|d| d.region == *region) {
            return Err(vec![message(("region", PolicySearchError::UnknownRegion))]);
        }
    }
    Ok(filter)
}

/// `/policies`: every document of the library, filtered by region, kind and topic. There are
/// only a few documents, so the whole list is fetched once and filtered here.
#[component]
pub fn PolicyLibraryPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| Service::Policies.title(lang));
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|m| PolicyListParams {
            region: m.get("region"),
            kind: m.get("kind"),
            topic: m.get("topic"),
        })
    });
    // The list the server drew this page with (`crate::first_data`), shown at once, then asked
    // for again: the answer comes through the service worker, which marks the documents kept
    // on this device and says when it answered offline.
    let (list, load) = crate::first_data::then_fetch(move || {
        super::visit::policy_list(prefs.lang.get_untracked())
    });
    let go = crate::app_links::use_go();
    let on_search = move |q: String| {
        go(&super::search_form::search_href(&PolicySearch {
            q,
            doc: None,
            topic: None,
        }))
    };

    view! {
        <div class="container page">
            <h1 tabindex="-1">{move || Service::Policies.title(prefs.lang.get())}</h1>
            <p class="lead">{move || Service::Policies.summary(prefs.lang.get())}</p>
            <p class="policy-library-note">{policy_text(|t| t.library_note)}</p>
            <SearchForm value=Signal::stored(String::new()) on_search=on_search/>
            {move || {
                let params = params.get();
                let lang = prefs.lang.get();
                let Some(result) = list.get() else {
                    return view! { <Loading label=Signal::derive(policy_text(|t| t.loading))/> }.into_any();
                };
                let (mut summary, mut found, mut failed) = (None, None, None);
                match result {
                    Ok(list) => match check(&params, &list.items, lang) {
                        Ok(filter) => found = Some((filter, list.items, list.tasks, list.offline_saved_on)),
                        Err(fields) => summary = Some(fields),
                    },
                    Err(ApiError::Validation(body)) => {
                        summary = Some(field_messages(&body));
                    }
                    Err(error) => failed = Some(error),
                }
                let retry = move |_| {
                    list.set(None);
                    load();
                };
                view! {
                    {summary.map(|fields| view! { <ErrorSummary fields=fields query_input="policies-q" clear_href="/policies".to_owned()/> })}
                    {found.map(|(filter, items, tasks, offline)| view! {
                        // Answered by the service worker from the list kept on this device.
                        {offline.map(|date| view! { <p class="notice notice--info">{policy_texts(lang).offline_list(&date)}</p> })}
                        <Tasks tasks=tasks lang=lang/>
                        <Library filter=filter items=items lang=lang/>
                    })}
                    {failed.map(|error| view! { <ErrorPanel error=error on_retry=retry/> })}
                }
                .into_any()
            }}
        </div>
    }
}

#[component]
fn Library(filter: PolicyFilter, items: Vec<PolicySummary>, lang: Lang) -> impl IntoView {
    let t = policy_texts(lang);
    super::visit::remember_list_href(&href(&filter));
    let shown: Vec<PolicySummary> = items
        .iter()
        .filter(|d| passes(d, &filter, Facet::None))
        .cloned()
        .collect();
    let total = shown.len();
    let wide = is_wide();

    // (value, label, Chinese data value?, count, selected, link)
    let facet = |ignore: Facet, values: Vec<(String, String, bool)>| {
        values
            .into_iter()
            .filter_map(|(value, label, zh)| {
                let count = items
                    .iter()
                    .filter(|d| passes(d, &filter, ignore))
                    .filter(|d| match ignore {
                        Facet::Region => d.region == value,
                        Facet::Kind => d.kind.as_str() == value,
                        _ => d.topics.contains(&value),
                    })
                    .count();
                let selected = match ignore {
                    Facet::Region => filter.region.as_deref() == Some(value.as_str()),
                    Facet::Kind => filter.kind.map(PolicyKind::as_str) == Some(value.as_str()),
                    _ => filter.topic.as_deref() == Some(value.as_str()),
                };
                let target = changed(&filter, |f| match ignore {
                    Facet::Region => f.region = (!selected).then(|| value.clone()),
                    Facet::Kind => f.kind = PolicyKind::parse(&value).filter(|_| !selected),
                    _ => f.topic = (!selected).then(|| value.clone()),
                });
                (count > 0 || selected).then(|| {
                    view! { <li><FacetLink href=target selected=selected label=label zh=zh count=count as u32/></li> }
                })
            })
            .collect_view()
    };
    let mut regions: Vec<String> = Vec::new();
    for d in &items {
        if !regions.contains(&d.region) {
            regions.push(d.region.clone());
        }
    }
    let region_values = regions
        .into_iter()
        .map(|r| (r.clone(), texts::region_name(lang, &r), lang == Lang::Zh))
        .collect();
    let kind_values = PolicyKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), t.kind(*k).to_owned(), false))
        .collect();
    let topic_values = POLICY_TOPICS
        .iter()
        .map(|v| ((*v).to_owned(), t.topic(v).to_owned(), false))
        .collect();
    let region_links = facet(Facet::Region, region_values);
    let kind_links = facet(Facet::Kind, kind_values);
    let topic_links = facet(Facet::Topic, topic_values);

    let mut chips = Vec::new();
    if let Some(r) = &filter.region {
        let label = texts::region_name(lang, r);
        chips.push((
            label,
            lang == Lang::Zh,
            changed(&filter, |f| f.region = None),
        ));
    }
    if let Some(k) = filter.kind {
        chips.push((
            t.kind(k).to_owned(),
            false,
            changed(&filter, |f| f.kind = None),
        ));
    }
    if let Some(topic) = &filter.topic {
        chips.push((
            t.topic(topic).to_owned(),
            false,
            changed(&filter, |f| f.topic = None),
        ));
    }

    view! {
        <div class="policy-layout">
            <FilterPanel wide=wide heading=t.filters_heading>
                <FacetSection title=t.facet_region>{region_links}</FacetSection>
                <FacetSection title=t.facet_kind>{kind_links}</FacetSection>
                <FacetSection title=t.facet_topic>{topic_links}</FacetSection>
            </FilterPanel>
            <section class="policy-results" aria-labelledby="policy-results-heading">
                <h2 id="policy-results-heading" class="visually-hidden">{t.documents_heading}</h2>
                <ActiveFilters chips=chips clear_href="/policies".to_owned()/>
                <p class="policy-results__total" role="status">{t.doc_total(total as u64)}</p>
                {groups(shown, lang)}
                {(total == 0).then(|| view! {
                    <div class="empty-state">
                        <h3>{t.no_documents_title}</h3>
                        <p>{t.no_documents_body}</p>
                        <p><A href="/policies" attr:class="target-link">{text(|s| s.clear_all)}</A></p>
                    </div>
                })}
            </section>
        </div>
    }
}

/// The center's own documents, then other cities' practice under a heading that says so; a
/// group without documents is left out.
fn groups(shown: Vec<PolicySummary>, lang: Lang) -> impl IntoView {
    let t = policy_texts(lang);
    let (local, other): (Vec<_>, Vec<_>) = shown
        .into_iter()
        .partition(|d| d.scope == PolicyScope::Local);
    let cards = |docs: Vec<PolicySummary>| {
        view! {
            <ul class="policy-cards">
                {docs.into_iter().map(|d| view! { <DocumentCard doc=d lang=lang/> }).collect_view()}
            </ul>
        }
    };
    view! {
        {(!local.is_empty()).then(|| view! {
            <h3 class="policy-group" id="policy-group-local">{t.group_local}</h3>
            {cards(local)}
        })}
        {(!other.is_empty()).then(|| view! {
            <h3 class="policy-group" id="policy-group-other">{t.group_other}</h3>
            <p class="policy-group__intro">{t.group_other_intro}</p>
            {cards(other)}
        })}
    }
}

/// "I want to…": the questions firms ask most, each with the service that does it and the
/// passages of the center's documents that speak of it.
#[component]
fn Tasks(tasks: Vec<PolicyTask>, lang: Lang) -> impl IntoView {
    let t = policy_texts(lang);
    let entries = tasks
        .into_iter()
        .map(|task| {
            let i = task.kind as usize;
            let href = service_href(task.service, None);
            let passages = task
                .passages
                .into_iter()
                .map(|p| {
                    let href = format!("/policies/{}#{}", p.doc, p.anchor);
                    let label = p.label.unwrap_or_else(|| p.doc_title.clone());
                    view! {
                        <li>
                            <DocumentLink href=href lang=Some("zh-CN")>{label}</DocumentLink>
                            <span class="policy-task__doc" lang="zh-CN">{p.doc_title}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="policy-task">
                    <h3 class="policy-task__title">{t.task_titles[i]}</h3>
                    <p>{t.task_intros[i]}</p>
                    <ul class="policy-task__passages">{passages}</ul>
                    <p>
                        <A href=href attr:class="button">
                            {t.task_actions[i]}
                        </A>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="policy-tasks" aria-labelledby="policy-tasks-heading">
            <h2 id="policy-tasks-heading">{t.tasks_heading}</h2>
            <ul class="policy-tasks__list">{entries}</ul>
        </section>
    }
}

#[component]
fn DocumentCard(doc: PolicySummary, lang: Lang) -> impl IntoView {
    let t = policy_texts(lang);
    let date = doc
        .date
        .as_deref()
        .map(|d| texts::date(lang, d))
        .unwrap_or_else(|| t.undated.to_owned());
    let region_zh = lang == Lang::Zh || !texts::REGIONS.iter().any(|r| r.0 == doc.region);
    let elsewhere = doc.scope == PolicyScope::OtherCity;
    view! {
        <li class="policy-card">
            <p class="policy-card__kind">
                <span class="badge">{t.kind(doc.kind)}</span>
                {elsewhere.then(|| view! { " " <span class="badge badge--other-city">{t.other_city_badge}</span> })}
                {doc.kept_offline.then(|| view! { " " <span class="badge badge--offline">{t.kept_offline_badge}</span> })}
                " "
                <span lang=region_zh.then_some("zh-CN")>{texts::region_name(lang, &doc.region)}</span>
            </p>
            <h4 class="policy-card__title" lang="zh-CN">
                <DocumentLink href=format!("/policies/{}", doc.slug)>{doc.title}</DocumentLink>
            </h4>
            <p class="policy-card__meta">
                <span lang="zh-CN">{doc.issuer}</span>
                {doc.doc_number.map(|n| view! { " · " <span lang="zh-CN">{n}</span> })}
                " · "
                {date}
            </p>
            <ul class="policy-tags" aria-label=t.field_topics>
                {doc.topics.iter().map(|topic| view! { <li>{t.topic(topic).to_owned()}</li> }).collect_view()}
            </ul>
            <p class="policy-card__counts">{texts::doc_counts(t, doc.section_count, doc.qa_count, doc.target_count)}</p>
        </li>
    }
}
