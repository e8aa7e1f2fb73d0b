use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_domain::api::policies::{
    section_label, PolicyHit, PolicyHitKind, PolicySearch, PolicySearchError, PolicySearchParams,
    PolicySearchResult, PolicySummary,
};
use portal_domain::{Lang, Localized};

use super::layout::{is_wide, FacetSection, FilterPanel};
use super::links::DocumentLink;
use super::search_form::{search_href, SearchForm};
use super::texts::{policy_text, policy_texts, EXAMPLE_QUERIES};
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::filters::{field_messages, ActiveFilters, ErrorSummary, FacetLink};
use crate::components::highlighted::HighlightedRanges;
use crate::components::loading::Loading;
use crate::prefs::{use_page_title, use_prefs};

/// The search with one change.
fn changed(search: &PolicySearch, change: impl FnOnce(&mut PolicySearch)) -> String {
    let mut next = search.clone();
    change(&mut next);
    search_href(&next)
}

/// `/policies/search?q=&doc=&topic=`: the sections and Q&As of every document that hold the
/// words, with the document and topic filters; the URL is the page's whole state.
#[component]
pub fn PolicySearchPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| policy_texts(lang).search_title);
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|m| PolicySearchParams {
            q: m.get("q"),
            doc: m.get("doc"),
            topic: m.get("topic"),
        })
    });
    // The shared parser runs here first: a bad link gets its message without a request.
    let parsed = Memo::new(move |_| params.with(PolicySearch::parse));
    Effect::new(move |_| {
        if let Ok(search) = parsed.get() {
            super::visit::remember_list_href(&search_href(&search));
        }
    });
    // The hits, and the documents' titles for the document filter (fetched once per visit).
    // Each answer carries the search it answers: the address may have moved on while it was
    // on its way, and the results must never be shown under a newer query (as in the GI
    // search).
    let results = LocalResource::new(move || {
        let parsed = parsed.get();
        let lang = prefs.lang.get_untracked();
        async move {
            let search = match parsed {
                Ok(search) => search,
                Err(errors) => return Err(errors),
            };
            let hits = api::policy_search(&search, lang).await;
            // Without the titles the document filter shows the slugs: still usable.
            let titles = super::visit::policy_list(lang)
                .await
                .map(|l| l.items)
                .unwrap_or_default();
            Ok((search, hits, titles))
        }
    });
    let (pending, set_pending) = signal(false);

    let go = crate::app_links::use_go();
    let on_search = move |q: String| {
        // A new query keeps the filters, as long as they are well-formed.
        let next = params.with_untracked(|p| {
            PolicySearch::parse(&PolicySearchParams {
                q: Some(q.clone()),
                ..p.clone()
            })
        });
        let next = next.unwrap_or(PolicySearch {
            q,
            doc: None,
            topic: None,
        });
        go(&search_href(&next));
    };
    let value = Signal::derive(move || params.with(|p| p.q.clone().unwrap_or_default()));

    view! {
        <div class="container page">
            <p><A href="/policies" attr:class="back-link">{policy_text(|t| t.back_to_list)}</A></p>
            <h1 tabindex="-1">{policy_text(|t| t.search_title)}</h1>
            <SearchForm value=value on_search=on_search/>
            <Transition
                fallback=move || view! { <Loading label=Signal::derive(policy_text(|t| t.loading))/> }
                set_pending=set_pending
            >
                {move || {
                    let lang = prefs.lang.get();
                    Suspend::new(async move {
                        let (mut idle, mut summary, mut found, mut failed) = (false, None, None, None);
                        match results.await {
                            // Nothing asked yet: only the query is missing.
                            Err(errors) if errors == [("q", PolicySearchError::QueryMissing)] => {
                                idle = true;
                            }
                            Err(errors) => {
                                summary = Some(
                                    errors
                                        .into_iter()
                                        .map(|(field, e)| (field.to_owned(), e.message(lang)))
                                        .collect::<Vec<_>>(),
                                );
                            }
                            Ok((search, Ok(result), titles)) => found = Some((search, result, titles)),
                            Ok((_, Err(ApiError::Validation(body)), _)) => {
                                summary = Some(field_messages(&body));
                            }
                            Ok((_, Err(error), _)) => failed = Some(error),
                        }
                        view! {
                            {idle.then(|| view! { <Examples/> })}
                            {summary.map(|fields| view! { <ErrorSummary fields=fields query_input="policies-q" clear_href="/policies/search".to_owned()/> })}
                            {found.map(|(search, result, titles)| view! {
                                <Results search=search result=result titles=titles lang=lang pending=pending/>
                            })}
                            {failed.map(|error| view! { <ErrorPanel error=error on_retry=move |_| results.refetch()/> })}
                        }
                    })
                }}
            </Transition>
        </div>
    }
}

/// Words to start with, as links.
#[component]
fn Examples() -> impl IntoView {
    view! {
        <p class="policy-examples">
            {policy_text(|t| t.try_words)}
            {EXAMPLE_QUERIES
                .into_iter()
                .map(|q| view! { " " <A href=super::search_form::example_href(q) attr:lang="zh-CN">{q}</A> })
                .collect_view()}
        </p>
    }
}

#[component]
fn Results(
    search: PolicySearch,
    result: PolicySearchResult,
    titles: Vec<PolicySummary>,
    lang: Lang,
    pending: ReadSignal<bool>,
) -> impl IntoView {
    let t = policy_texts(lang);
    let PolicySearchResult {
        items,
        total,
        facets,
    } = result;
    let shown = items.len();
    let wide = is_wide();
    let title_of = |slug: &str| {
        titles
            .iter()
            .find(|d| d.slug == slug)
            .map_or_else(|| slug.to_owned(), |d| d.title.clone())
    };

    let doc_links = facets
        .doc
        .into_iter()
        .map(|f| {
            let selected = search.doc.as_deref() == Some(f.value.as_str());
            let target = changed(&search, |s| s.doc = (!selected).then(|| f.value.clone()));
            let label = title_of(&f.value);
            view! { <li><FacetLink href=target selected=selected label=label zh=true count=f.count/></li> }
        })
        .collect_view();
    let topic_links = facets
        .topic
        .into_iter()
        .map(|f| {
            let selected = search.topic.as_deref() == Some(f.value.as_str());
            let target = changed(&search, |s| s.topic = (!selected).then(|| f.value.clone()));
            let label = t.topic(&f.value).to_owned();
            view! { <li><FacetLink href=target selected=selected label=label zh=false count=f.count/></li> }
        })
        .collect_view();

    let mut chips = Vec::new();
    if let Some(doc) = &search.doc {
        chips.push((title_of(doc), true, changed(&search, |s| s.doc = None)));
    }
    if let Some(topic) = &search.topic {
        chips.push((
            t.topic(topic).to_owned(),
            false,
            changed(&search, |s| s.topic = None),
        ));
    }
    let clear = changed(&search, |s| {
        s.doc = None;
        s.topic = None;
    });

    view! {
        <div class="policy-layout" aria-busy=move || pending.get().to_string()>
            <FilterPanel wide=wide heading=t.filters_heading>
                <FacetSection title=t.facet_doc>{doc_links}</FacetSection>
                <FacetSection title=t.facet_topic>{topic_links}</FacetSection>
            </FilterPanel>
            <section class="policy-results" aria-labelledby="policy-results-heading">
                <h2 id="policy-results-heading" class="visually-hidden">{t.results_heading}</h2>
                <ActiveFilters chips=chips clear_href=clear/>
                <p class="policy-results__total" role="status">
                    {t.hits_total(u64::from(total))}
                    {move || pending.get().then(|| view! { <span class="visually-hidden">{t.updating}</span> })}
                </p>
                {((shown as u32) < total).then(|| view! { <p>{t.hits_shown(shown)}</p> })}
                {(shown > 0).then(|| view! {
                    <ol class="policy-hits">
                        {items.into_iter().map(|hit| view! { <Hit hit=hit q=search.q.clone() lang=lang/> }).collect_view()}
                    </ol>
                })}
                {(shown == 0).then(|| view! {
                    <div class="empty-state">
                        <h3>{t.no_hits_title}</h3>
                        <p>{t.tips_title}</p>
                        <ul class="list-bullet">
                            {t.tips.iter().map(|tip| view! { <li>{*tip}</li> }).collect_view()}
                        </ul>
                        <Examples/>
                    </div>
                })}
            </section>
        </div>
    }
}

#[component]
fn Hit(hit: PolicyHit, q: String, lang: Lang) -> impl IntoView {
    let t = policy_texts(lang);
    let PolicyHit {
        doc,
        doc_title,
        anchor,
        kind,
        number,
        heading,
        part_of,
        snippet,
        highlights,
        ..
    } = hit;
    // Named by its own label; an unnamed passage by the part it belongs to, or its document.
    let own = section_label(number.as_deref(), heading.as_deref());
    let named = own.is_some();
    let title = own
        .or_else(|| part_of.map(|part| t.hit_in_part(&part)))
        .unwrap_or_else(|| t.hit_in_document(&doc_title));
    // The document marks the words where the result opens.
    let href = format!(
        "/policies/{doc}?q={}#{anchor}",
        portal_domain::api::percent_encode(&q)
    );
    let ranges = highlights.iter().map(|h| (h.start, h.end)).collect();
    view! {
        <li class="policy-hit">
            <h3 class="policy-hit__title">
                <DocumentLink href=href lang=named.then_some("zh-CN")>{title}</DocumentLink>
            </h3>
            <p class="policy-hit__doc">
                {(kind != PolicyHitKind::Section).then(|| view! { <span class="badge">{t.hit_qa}</span> " " })}
                <span lang="zh-CN">{doc_title}</span>
            </p>
            <p class="policy-hit__snippet" lang="zh-CN">
                <HighlightedRanges text=snippet ranges=ranges/>
            </p>
        </li>
    }
}
