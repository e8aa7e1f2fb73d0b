use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use portal_domain::api::policies::{
    section_label, word_ranges, PolicyDocument, PolicyInterpretation, PolicyQa, PolicyScope,
    PolicySection, PolicyService, PolicySpeaker,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::layout::is_wide;
use super::links::service_href;
use super::targets::Targets;
use super::texts::{self, policy_text, policy_text_with, policy_texts};
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::highlighted::HighlightedRanges;
use crate::components::loading::Loading;
use crate::prefs::use_prefs;
use crate::services::Service;

/// How often, at most, the reading position is worked out while the page scrolls.
const SCROLL_THROTTLE: Duration = Duration::from_millis(200);
/// A section counts as being read once its top is this close to the top of the window (px):
/// just below where going to an anchor puts it (`scroll-margin-top`).
const READING_LINE: f64 = 32.0;
/// The anchors of the groups the document page adds: the Q&As, "what it means for you" and the
/// key targets.
const QA_ANCHOR: &str = "qa";
const INTERPRETATION_ANCHOR: &str = "interpretation";
const TARGETS_ANCHOR: &str = "targets";

/// The words of the search a result came from (`?q=`), to mark where it opens.
type Marked = Option<(String, Vec<String>)>;

/// A paragraph, with the search's words marked when it is in the passage a result opened.
fn paragraph(text: String, words: Option<&[String]>) -> impl IntoView {
    let ranges = words
        .map(|w| word_ranges(&text, w.iter().map(String::as_str)))
        .unwrap_or_default();
    view! { <p><HighlightedRanges text=text ranges=ranges/></p> }
}

/// One document at a stable URL, `/policies/{slug}`; `#s3-2` or `#q2` goes to that section or
/// Q&A.
#[component]
pub fn PolicyDocumentPage() -> impl IntoView {
    let prefs = use_prefs();
    // Whether this page is the first since the app loaded (opened, or reloaded): only then does
    // it go back to where the reader was. A link of the library or the search loads this app
    // too, but is followed as a link inside the portal (focus on the title or the passage).
    let page_load =
        StoredValue::new(super::visit::is_first_page() && !super::visit::opened_by_link());
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    // The document the server drew this page's first view with (`crate::first_data`): the app
    // draws the same view from it at once, and asks the API only for another document.
    let (document, first_for) = crate::first_data::or_fetch(
        slug,
        |d: &PolicyDocument| &d.slug,
        move |slug| async move { api::policy(&slug, prefs.lang.get_untracked()).await },
    );

    // The title names the document once it is known.
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        let page = match document.get() {
            Some(Ok(d)) => d.title,
            Some(Err(ApiError::NotFound)) => policy_texts(lang).not_found_title.to_owned(),
            _ => Service::Policies.title(lang).to_owned(),
        };
        leptos::prelude::document().set_title(&format!(
            "{page} - {}",
            crate::i18n::strings(lang).portal_name
        ));
    });

    let loaded = move || {
        view! {
            <Suspense fallback=move || view! { <Loading label=Signal::derive(policy_text(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    let (mut found, mut missing, mut failed) = (None, false, None);
                    match document.await {
                        Ok(d) => found = Some(d),
                        Err(ApiError::NotFound) => missing = true,
                        Err(error) => failed = Some(error),
                    }
                    let page_load = page_load.try_update_value(std::mem::take).unwrap_or(false);
                    view! {
                        {found.map(|d| view! { <DocumentView doc=d page_load=page_load/> })}
                        {missing.then(|| view! {
                            <h1 tabindex="-1">{policy_text(|t| t.not_found_title)}</h1>
                            <p>{policy_text(|t| t.not_found_body)}</p>
                            <p><A href="/policies" attr:class="button">{policy_text(|t| t.back_to_list)}</A></p>
                        })}
                        {failed.map(|error| view! {
                            <h1 tabindex="-1">{move || Service::Policies.title(prefs.lang.get())}</h1>
                            <ErrorPanel error=error on_retry=move |_| document.refetch()/>
                        })}
                    }
                })}
            </Suspense>
        }
    };
    view! {
        <div class="container page">
            {move || match first_for(&slug.get()) {
                Some(d) => {
                    let page_load = page_load.try_update_value(std::mem::take).unwrap_or(false);
                    view! { <DocumentView doc=d page_load=page_load/> }.into_any()
                }
                None => loaded().into_any(),
            }}
        </div>
    }
}

/// What "copy link" last did: for which anchor, and the link to copy by hand when the browser
/// would not copy it.
#[derive(Clone, PartialEq)]
struct Copied {
    anchor: String,
    by_hand: Option<String>,
}

/// Everything one section needs to be drawn, with its depth in the tree.
struct Flat {
    depth: usize,
    section: PolicySection,
    label: Option<String>,
}

/// The tree in reading order; each section keeps its own text only.
fn flatten(sections: Vec<PolicySection>, depth: usize, out: &mut Vec<Flat>) {
    for mut section in sections {
        let children = std::mem::take(&mut section.children);
        let label = section_label(section.number.as_deref(), section.heading.as_deref());
        out.push(Flat {
            depth,
            section,
            label,
        });
        flatten(children, depth + 1, out);
    }
}

fn find<'a>(sections: &'a [PolicySection], id: &str) -> Option<&'a PolicySection> {
    sections
        .iter()
        .find_map(|s| (s.id == id).then_some(s).or_else(|| find(&s.children, id)))
}

/// `aria-current="location"` while the reader is in that part of the document (one closure type
/// for every entry of the contents).
fn is_current(current: RwSignal<String>, anchor: String) -> impl Fn() -> Option<&'static str> {
    move || current.with(|c| *c == anchor).then_some("location")
}

/// Scrolls an anchor of the page into view; with `focus`, also moves keyboard focus there (its
/// heading), as following a link on the page should.
fn go_to(anchor: &str, focus: bool) {
    let Some(element) = leptos::prelude::document().get_element_by_id(anchor) else {
        return;
    };
    element.scroll_into_view();
    if focus {
        let target = element
            .query_selector("[tabindex='-1']")
            .ok()
            .flatten()
            .unwrap_or(element);
        if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = target.focus();
        }
    }
}

/// Keeps the contents' entry of the current section in sight when the contents scroll on their
/// own (sticky beside the text on wide screens).
fn show_current_in_contents() {
    let document = leptos::prelude::document();
    let Some(toc) = document.query_selector(".policy-toc").ok().flatten() else {
        return;
    };
    if toc.scroll_height() <= toc.client_height() {
        return;
    }
    let link = toc
        .query_selector("a[aria-current]")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        // The contents are the links' offset parent (sticky is positioned).
        let (top, height, view) = (link.offset_top(), link.offset_height(), toc.client_height());
        let scrolled = toc.scroll_top();
        if top < scrolled || top + height > scrolled + view {
            toc.set_scroll_top(top - view / 3);
        }
    }
}

/// The last anchor whose top has scrolled up to the reading line.
fn reading_position(anchors: &[String]) -> Option<String> {
    let document = leptos::prelude::document();
    let mut last = None;
    for anchor in anchors {
        let Some(element) = document.get_element_by_id(anchor) else {
            continue;
        };
        if element.get_bounding_client_rect().top() > READING_LINE {
            break;
        }
        last = Some(anchor);
    }
    last.cloned()
}

#[component]
fn DocumentView(
    doc: PolicyDocument,
    /// The page was opened or reloaded, rather than reached by a link inside the app.
    page_load: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || policy_texts(prefs.lang.get());
    let PolicyDocument {
        slug,
        title,
        issuer,
        doc_number,
        date,
        kind,
        region,
        scope,
        occasion,
        published,
        topics,
        sections,
        qa,
        targets,
        interpretation,
        ..
    } = doc;

    // What the table of contents, the interpretation and the targets need from the tree, before
    // it is flattened for drawing.
    let toc = toc_entries(&sections);
    let interpretation = interpretation.and_then(|i| {
        let section = find(&sections, &i.section_id)?.clone();
        Some((i, section))
    });
    let mut flat = Vec::new();
    flatten(sections, 0, &mut flat);
    let labels: Vec<(String, String)> = flat
        .iter()
        .filter_map(|f| Some((f.section.id.clone(), f.label.clone()?)))
        .collect();

    // Anchors in reading order, for the reading position.
    let mut anchors = Vec::new();
    if interpretation.is_some() {
        anchors.push(INTERPRETATION_ANCHOR.to_owned());
    }
    if !targets.is_empty() {
        anchors.push(TARGETS_ANCHOR.to_owned());
    }
    anchors.extend(flat.iter().map(|f| f.section.id.clone()));
    anchors.extend(qa.iter().map(|q| q.id.clone()));
    let anchors = StoredValue::new(anchors);
    let current = RwSignal::new(String::new());
    let position_key = format!("portal.policies.position.{slug}");
    // A search result opened here: its words are marked in the passage it points at.
    let query = use_query_map();
    let marked: Marked = query.with_untracked(|q| q.get("q")).and_then(|q| {
        let anchor = use_location().hash.get_untracked();
        let anchor = anchor.trim_start_matches('#');
        let words: Vec<String> = q.split_whitespace().map(str::to_owned).collect();
        (!anchor.is_empty() && !words.is_empty()).then(|| (anchor.to_owned(), words))
    });
    let words_for = move |id: &str| {
        marked
            .as_ref()
            .filter(|(anchor, _)| anchor == id)
            .map(|(_, words)| words.clone())
    };

    // Once the document is on the page: go to the URL's anchor (on first load and after a
    // reload the router does not); after a reload without one, back to where the reader was;
    // after a link inside the app, to the title (the app's focus management finds no title
    // while the document loads). Later anchor changes (the contents, links on the page) are
    // scrolled by the router; focus follows them here.
    let location = use_location();
    {
        let position_key = position_key.clone();
        Effect::new(move |previous: Option<String>| {
            let hash = location.hash.get();
            if previous.as_deref() == Some(hash.as_str()) {
                return hash;
            }
            let anchor = hash.trim_start_matches('#').to_owned();
            if !anchor.is_empty() {
                // Focus moves with links inside the app; a page load keeps the browser's own.
                let focus = previous.is_some() || !page_load;
                request_animation_frame(move || go_to(&anchor, focus));
            } else if previous.is_none() && page_load {
                let saved = crate::storage::session()
                    .and_then(|s| s.get_item(&position_key).ok().flatten())
                    .filter(|a| anchors.with_value(|all| all.contains(a)));
                if let Some(saved) = saved {
                    request_animation_frame(move || go_to(&saved, false));
                }
            } else if previous.is_none() {
                request_animation_frame(|| {
                    let title = leptos::prelude::document()
                        .query_selector("main h1")
                        .ok()
                        .flatten()
                        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(title) = title {
                        let _ = title.focus();
                    }
                });
            }
            hash
        });
    }

    // The reading position: the last section scrolled past, kept per document for the tab.
    let pending = StoredValue::new(false);
    // (Not while the server draws the first view natively: there is no window.)
    let on_scroll = (!crate::prerender::ACTIVE).then(|| {
        window_event_listener(leptos::ev::scroll, move |_| {
            if pending.get_value() {
                return;
            }
            pending.set_value(true);
            let position_key = position_key.clone();
            set_timeout(
                move || {
                    if pending.try_set_value(false).is_some() {
                        return;
                    }
                    let Some(position) = anchors.try_with_value(|a| reading_position(a)) else {
                        return;
                    };
                    if let Some(storage) = crate::storage::session() {
                        let _ = match &position {
                            Some(anchor) => storage.set_item(&position_key, anchor),
                            None => storage.remove_item(&position_key),
                        };
                    }
                    current.set(position.unwrap_or_default());
                    request_animation_frame(show_current_in_contents);
                },
                SCROLL_THROTTLE,
            );
        })
    });
    on_cleanup(move || {
        if let Some(on_scroll) = on_scroll {
            on_scroll.remove();
        }
    });

    // "Copy link": the clipboard answers later; its callbacks live as long as the page.
    let copied = RwSignal::new(None::<Copied>);
    let callbacks = StoredValue::new_local(Vec::<Closure<dyn FnMut(JsValue)>>::new());
    let copy = Callback::new(move |anchor: String| {
        let location = window().location();
        let link = format!(
            "{}{}#{anchor}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let clipboard = window().navigator().clipboard();
        // Only secure pages (https, localhost) have a clipboard.
        if clipboard.is_undefined() {
            show_by_hand(copied, anchor, link);
            return;
        }
        let done = {
            let anchor = anchor.clone();
            Closure::once(move |_: JsValue| {
                copied.set(Some(Copied {
                    anchor,
                    by_hand: None,
                }))
            })
        };
        let promise = clipboard.write_text(&link);
        let refused = Closure::once(move |_: JsValue| show_by_hand(copied, anchor, link));
        let _ = promise.then2(&done, &refused);
        callbacks.update_value(|c| c.extend([done, refused]));
    });

    let wide = is_wide();
    let has_targets = !targets.is_empty();
    let has_qa = !qa.is_empty();
    let has_interpretation = interpretation.is_some();
    let region_for_meta = region.clone();
    let qa_toc: Vec<(String, String)> = qa
        .iter()
        .map(|q| (q.id.clone(), q.question.clone()))
        .collect();
    let interpretation_view = interpretation.map(|(i, section)| {
        view! { <Interpretation interpretation=i section=section qa=qa.clone()/> }
    });

    // Back to the list or search exactly as it was (the library app: a page load).
    let back = super::visit::last_list_href();
    view! {
        <p>
            <A href=back attr:class="back-link">
                {policy_text(|t| {
                    if super::visit::last_list_href().starts_with("/policies/search") {
                        t.back_to_search
                    } else {
                        t.back_to_list
                    }
                })}
            </A>
        </p>
        <h1 tabindex="-1" lang="zh-CN">{title}</h1>
        {(scope == PolicyScope::OtherCity).then(|| {
            let region = region.clone();
            view! {
                <p class="notice notice--info policy-other-city">
                    {policy_text_with(region, |t, lang, r| t.other_city_notice(texts::region_name(lang, r)))}
                </p>
            }
        })}
        <dl class="summary-list policy-meta">
            <div class="summary-list__row">
                <dt>{policy_text(|t| t.field_issuer)}</dt>
                <dd lang="zh-CN">{issuer}</dd>
            </div>
            {doc_number.map(|n| view! {
                <div class="summary-list__row">
                    <dt>{policy_text(|t| t.field_number)}</dt>
                    <dd lang="zh-CN">{n}</dd>
                </div>
            })}
            <div class="summary-list__row">
                <dt>{policy_text(|t| t.field_occasion)}</dt>
                <dd lang="zh-CN">{occasion}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{policy_text(|t| t.field_date)}</dt>
                <dd>
                    {policy_text_with(date, |t, lang, date| {
                        date.as_deref()
                            .map_or_else(|| t.undated.to_owned(), |d| texts::date(lang, d))
                    })}
                </dd>
            </div>
            <div class="summary-list__row">
                <dt>{policy_text(|t| t.field_kind)}</dt>
                <dd>{policy_text_with(kind, |t, _, kind| t.kind(*kind).to_owned())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{policy_text(|t| t.field_region)}</dt>
                <dd>{policy_text_with(region_for_meta, |_, lang, r| texts::region_name(lang, r))}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{policy_text(|t| t.field_topics)}</dt>
                <dd>
                    {policy_text_with(topics, |t, lang, topics| texts::topic_list(t, lang, topics))}
                </dd>
            </div>
            {published.map(|d| view! {
                <div class="summary-list__row">
                    <dt>{policy_text(|t| t.field_published)}</dt>
                    <dd>{policy_text_with(d, |_, lang, d| texts::date(lang, d))}</dd>
                </div>
            })}
        </dl>
        {move || {
            let note = t().original_language_note;
            (!note.is_empty()).then(|| view! { <p class="notice notice--info">{note}</p> })
        }}

        <div class="policy-doc-layout">
            <nav class="policy-toc" aria-label=policy_text(|t| t.toc)>
                <details class="policy-toc__details" open=wide>
                    <summary class="policy-toc__summary">{policy_text(|t| t.toc)}</summary>
                    <ol class="policy-toc__list">
                        {has_interpretation.then(|| view! {
                            <li>
                                <a
                                    href="#interpretation"
                                    aria-current=is_current(current, INTERPRETATION_ANCHOR.to_owned())
                                >
                                    {policy_text(|t| t.interpretation_heading)}
                                </a>
                            </li>
                        })}
                        {has_targets.then(|| view! {
                            <li>
                                <a
                                    href="#targets"
                                    aria-current=is_current(current, TARGETS_ANCHOR.to_owned())
                                >
                                    {policy_text(|t| t.targets_heading)}
                                </a>
                            </li>
                        })}
                        {toc.into_iter().map(|entry| view! { <TocEntry entry=entry current=current/> }).collect_view()}
                        {has_qa.then(|| view! {
                            <li>
                                <a href="#qa">{policy_text(|t| t.qa_heading)}</a>
                                <ol>
                                    {qa_toc
                                        .into_iter()
                                        .map(|(id, question)| view! {
                                            <li>
                                                <a
                                                    href=format!("#{id}")
                                                    lang="zh-CN"
                                                    class="policy-toc__question"
                                                    aria-current=is_current(current, id)
                                                >
                                                    <span class="policy-toc__clamp">{question}</span>
                                                </a>
                                            </li>
                                        })
                                        .collect_view()}
                                </ol>
                            </li>
                        })}
                    </ol>
                </details>
            </nav>

            <article class="policy-doc">
                {interpretation_view}
                {has_targets.then(|| view! { <Targets targets=targets labels=labels/> })}
                {flat
                    .into_iter()
                    .map(|f| {
                        let words = words_for(&f.section.id);
                        view! { <Section flat=f region=region.clone() words=words copied=copied copy=copy/> }
                    })
                    .collect_view()}
                {has_qa.then(|| view! {
                    <section id=QA_ANCHOR class="policy-qas" aria-labelledby="qa-heading">
                        <h2 id="qa-heading">{policy_text(|t| t.qa_heading)}</h2>
                        {qa
                            .into_iter()
                            .map(|q| {
                                let words = words_for(&q.id);
                                view! { <Qa qa=q region=region.clone() words=words copied=copied copy=copy/> }
                            })
                            .collect_view()}
                    </section>
                })}
            </article>
        </div>
    }
}

fn show_by_hand(copied: RwSignal<Option<Copied>>, anchor: String, link: String) {
    let input = format!("copy-{anchor}");
    copied.set(Some(Copied {
        anchor,
        by_hand: Some(link),
    }));
    // The link is selected, ready for the keyboard's or the phone's "copy".
    request_animation_frame(move || {
        let input = leptos::prelude::document()
            .get_element_by_id(&input)
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            let _ = input.focus();
            input.select();
        }
    });
}

/// A section of the table of contents with its children (three levels, as deep as the
/// documents go).
struct TocEntry {
    id: String,
    label: String,
    children: Vec<TocEntry>,
}

fn toc_entries(sections: &[PolicySection]) -> Vec<TocEntry> {
    fn entries(sections: &[PolicySection], depth: usize) -> Vec<TocEntry> {
        if depth >= 3 {
            return Vec::new();
        }
        sections
            .iter()
            .filter_map(|s| {
                Some(TocEntry {
                    label: section_label(s.number.as_deref(), s.heading.as_deref())?,
                    id: s.id.clone(),
                    children: entries(&s.children, depth + 1),
                })
            })
            .collect()
    }
    entries(sections, 0)
}

#[component]
fn TocEntry(entry: TocEntry, current: RwSignal<String>) -> impl IntoView {
    let link = |id: String, label: String| {
        let href = format!("#{id}");
        view! {
            <a href=href lang="zh-CN" aria-current=is_current(current, id)>
                {label}
            </a>
        }
    };
    let children = (!entry.children.is_empty()).then(|| {
        view! {
            <ol>
                {entry
                    .children
                    .into_iter()
                    .map(|child| {
                        let grandchildren = (!child.children.is_empty()).then(|| {
                            view! {
                                <ol>
                                    {child
                                        .children
                                        .into_iter()
                                        .map(|g| view! { <li>{link(g.id, g.label)}</li> })
                                        .collect_view()}
                                </ol>
                            }
                        });
                        view! { <li>{link(child.id, child.label)} {grandchildren}</li> }
                    })
                    .collect_view()}
            </ol>
        }
    });
    view! { <li>{link(entry.id, entry.label)} {children}</li> }
}

/// One section: its number and heading as a heading of its level (h2 at the top, one deeper per
/// level), its text, "copy link" and the portal's services it is about.
#[component]
fn Section(
    flat: Flat,
    region: String,
    /// The search's words to mark, when a result opened this section.
    words: Option<Vec<String>>,
    copied: RwSignal<Option<Copied>>,
    copy: Callback<String>,
) -> impl IntoView {
    let Flat {
        depth,
        section,
        label,
    } = flat;
    let PolicySection {
        id,
        speaker,
        paragraphs,
        services,
        ..
    } = section;
    let level = (depth + 2).min(6);
    let named = label.is_some();
    let anchor = id.clone();
    let heading_view = label.clone().map(|label| {
        leptos::html::custom(format!("h{level}"))
            .class("policy-section__heading")
            .attr("tabindex", "-1")
            .attr("lang", "zh-CN")
            .child(label)
    });
    view! {
        <section
            id=id
            class="policy-section"
            class=("policy-section--nested", depth > 0)
            tabindex=(!named).then_some("-1")
        >
            <div class="policy-section__bar">
                {heading_view}
                <CopyLink anchor=anchor label=label copied=copied copy=copy/>
            </div>
            {speaker.map(|s| view! { <Speaker speaker=s/> })}
            {(!paragraphs.is_empty()).then(|| view! {
                <div class="policy-section__text" lang="zh-CN">
                    {paragraphs.into_iter().map(|p| paragraph(p, words.as_deref())).collect_view()}
                </div>
            })}
            <RelatedServices services=services region=region/>
        </section>
    }
}

/// A journalist's question and the answers, at `#q1`.
#[component]
fn Qa(
    qa: PolicyQa,
    region: String,
    words: Option<Vec<String>>,
    copied: RwSignal<Option<Copied>>,
    copy: Callback<String>,
) -> impl IntoView {
    let PolicyQa {
        id,
        question,
        asker,
        answers,
        services,
        ..
    } = qa;
    let anchor = id.clone();
    view! {
        <section id=id class="policy-qa">
            {asker.map(|asker| view! {
                <p class="policy-qa__asker">{policy_text(|t| t.asked_by)}<span lang="zh-CN">{asker}</span></p>
            })}
            <div class="policy-section__bar">
                <h3 class="policy-section__heading" tabindex="-1" lang="zh-CN">{question.clone()}</h3>
                <CopyLink anchor=anchor label=Some(question) copied=copied copy=copy/>
            </div>
            {answers
                .into_iter()
                .map(|a| view! {
                    <div class="policy-answer">
                        <p class="policy-answer__who">
                            {policy_text(|t| t.answered_by)}
                            <span lang="zh-CN">{a.speaker}</span>
                            {policy_text(|t| t.role_separator)}
                            <span lang="zh-CN">{a.role}</span>
                        </p>
                        <div class="policy-section__text" lang="zh-CN">
                            {a.paragraphs.into_iter().map(|p| paragraph(p, words.as_deref())).collect_view()}
                        </div>
                    </div>
                })
                .collect_view()}
            <RelatedServices services=services region=region/>
        </section>
    }
}

/// "Copy link" for an anchor: copies the page's address with the anchor, says so in a live
/// region, or shows the link to copy by hand when the browser has no clipboard for the page.
#[component]
fn CopyLink(
    anchor: String,
    label: Option<String>,
    copied: RwSignal<Option<Copied>>,
    copy: Callback<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || policy_texts(prefs.lang.get());
    let state = {
        let anchor = anchor.clone();
        move || copied.get().filter(|c| c.anchor == anchor)
    };
    let status = state.clone();
    let input_id = format!("copy-{anchor}");
    let named = label.is_some();
    view! {
        <div class="policy-copy">
            <button
                type="button"
                class="button button--secondary policy-copy__button"
                on:click=move |_| copy.run(anchor.clone())
            >
                {policy_text(|t| t.copy_link)}
                <span class="visually-hidden">
                    " "
                    <span lang=named.then_some("zh-CN")>
                        {policy_text_with(label, |t, _, label| {
                            label.clone().unwrap_or_else(|| t.this_passage.to_owned())
                        })}
                    </span>
                </span>
            </button>
            <span class="policy-copy__status" role="status">
                {move || status().filter(|c| c.by_hand.is_none()).map(|_| t().copied)}
            </span>
        </div>
        // Beside the copy box, so that it gets a line of its own under the heading.
        {move || {
            let input_id = input_id.clone();
            state().and_then(|c| c.by_hand).map(|link| view! {
                <label class="policy-copy__by-hand">
                    {t().copy_by_hand}
                    <input id=input_id class="input" type="text" readonly value=link/>
                </label>
            })
        }}
    }
}

/// Who spoke a statement, under its heading.
#[component]
fn Speaker(speaker: PolicySpeaker) -> impl IntoView {
    view! {
        <p class="policy-answer__who">
            {policy_text(|t| t.spoken_by)}
            <span lang="zh-CN">{speaker.name}</span>
            {policy_text(|t| t.role_separator)}
            <span lang="zh-CN">{speaker.role}</span>
        </p>
    }
}

/// Links to the portal's services a passage is about (into other apps, so full page loads).
#[component]
fn RelatedServices(services: Vec<PolicyService>, region: String) -> impl IntoView {
    if services.is_empty() {
        return None;
    }
    let links = services
        .into_iter()
        .map(|r| {
            let href = service_href(r, Some(&region));
            let region = region.clone();
            let label = policy_text_with((r, region), |t, lang, (r, region)| match r {
                PolicyService::Booking => t.related_booking.to_owned(),
                PolicyService::Assistance => t.related_assistance.to_owned(),
                PolicyService::FastTrack => t.related_fast_track.to_owned(),
                PolicyService::Gi => t.related_gi(texts::region_name(lang, region)),
            });
            view! {
                <li>
                    <A href=href attr:class="policy-related__link">{label}</A>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div class="policy-related">
            <p class="policy-related__title">{policy_text(|t| t.related_services)}</p>
            <ul class="policy-related__list">{links}</ul>
        </div>
    })
}

/// "What it means for you": the parts of the interpretation as cards, each with the Q&As that
/// share a topic with it (by the topics of the data).
#[component]
fn Interpretation(
    interpretation: PolicyInterpretation,
    section: PolicySection,
    qa: Vec<PolicyQa>,
) -> impl IntoView {
    let PolicyInterpretation {
        section_id,
        subject,
        parts: listed,
    } = interpretation;
    let parts = section
        .children
        .into_iter()
        .filter(|part| part.number.is_some())
        .map(|part| {
            let label = section_label(part.number.as_deref(), part.heading.as_deref())
                .unwrap_or_default();
            // The server lists each Q&A under the one part it has most in common with.
            let ids = listed
                .iter()
                .find(|p| p.section_id == part.id)
                .map(|p| p.qa_ids.clone())
                .unwrap_or_default();
            let answers = qa
                .iter()
                .filter(|q| ids.contains(&q.id))
                .filter_map(|q| {
                    let shared: Vec<String> = part
                        .topics
                        .iter()
                        .filter(|topic| q.topics.contains(topic))
                        .cloned()
                        .collect();
                    (!shared.is_empty()).then(|| (q.clone(), shared))
                })
                .collect::<Vec<_>>();
            let has_answers = !answers.is_empty();
            let answers = answers
                .into_iter()
                .map(|(q, shared)| {
                    let who = q
                        .answers
                        .first()
                        .map(|a| (a.speaker.clone(), a.role.clone()));
                    view! {
                        <li class="policy-interp__answer">
                            <a href=format!("#{}", q.id) lang="zh-CN">{q.question}</a>
                            {who.map(|(speaker, role)| view! {
                                <span class="policy-interp__who">
                                    {policy_text(|t| t.answered_by)}
                                    <span lang="zh-CN">{speaker}</span>
                                    {policy_text(|t| t.role_separator)}
                                    <span lang="zh-CN">{role}</span>
                                </span>
                            })}
                            <span class="policy-interp__topics">
                                {policy_text(|t| t.shared_topics)}
                                {policy_text_with(shared, |t, lang, shared| texts::topic_list(t, lang, shared))}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="policy-interp__part">
                    <h3 lang="zh-CN">{label}</h3>
                    <div class="policy-section__text" lang="zh-CN">
                        {part.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                    </div>
                    <h4 class="policy-interp__answers-title">{policy_text(|t| t.related_answers)}</h4>
                    {has_answers.then(|| view! { <ul class="policy-interp__answers">{answers}</ul> })}
                    {(!has_answers).then(|| view! { <p>{policy_text(|t| t.no_related_answers)}</p> })}
                    <p><a href=format!("#{}", part.id)>{policy_text(|t| t.read_in_document)}</a></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id=INTERPRETATION_ANCHOR class="policy-interp" aria-labelledby="interpretation-heading">
            <h2 id="interpretation-heading" tabindex="-1">{policy_text(|t| t.interpretation_heading)}</h2>
            <p>
                {policy_text(|t| t.interpretation_intro_before)}
                <span lang="zh-CN">{subject}</span>
                {policy_text(|t| t.interpretation_intro_after)}
                " "
                <a href=format!("#{section_id}")>{policy_text(|t| t.read_in_document)}</a>
            </p>
            <ol class="policy-interp__parts">{parts}</ol>
        </section>
    }
}
