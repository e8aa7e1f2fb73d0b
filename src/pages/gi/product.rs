use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::gi::GiProduct;

use super::texts::{gi_text, gi_texts};
use crate::api::{self, ApiError};
use crate::app_links::rel_for;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::prefs::use_prefs;
use crate::services::Service;

/// One product at a stable URL, `/gi/GI00842`.
#[component]
pub fn GiProductPage() -> impl IntoView {
    let prefs = use_prefs();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let product = LocalResource::new(move || {
        let id = id.get();
        let lang = prefs.lang.get_untracked();
        async move { api::gi_product(&id, lang).await }
    });

    // The title names the product once it is known.
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        let page = match product.get() {
            Some(Ok(p)) => p.name_zh,
            Some(Err(ApiError::NotFound)) => gi_texts(lang).not_found_title.to_owned(),
            _ => Service::GiLookup.title(lang).to_owned(),
        };
        document().set_title(&format!(
            "{page} - {}",
            crate::i18n::strings(lang).portal_name
        ));
    });

    view! {
        <div class="container page">
            <Suspense fallback=move || view! { <Loading label=Signal::derive(gi_text(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    let (mut found, mut missing, mut failed) = (None, false, None);
                    match product.await {
                        Ok(p) => found = Some(p),
                        Err(ApiError::NotFound) => missing = true,
                        Err(error) => failed = Some(error),
                    }
                    view! {
                        {found.map(|p| view! { <ProductDetails product=p/> })}
                        {missing.then(|| view! {
                            <h1 tabindex="-1">{gi_text(|t| t.not_found_title)}</h1>
                            <p>{gi_text(|t| t.not_found_body)}</p>
                            <p><A href="/gi" attr:class="button">{move || Service::GiLookup.title(prefs.lang.get())}</A></p>
                        })}
                        {failed.map(|error| view! {
                            <h1 tabindex="-1">{move || Service::GiLookup.title(prefs.lang.get())}</h1>
                            <ErrorPanel error=error on_retry=move |_| product.refetch()/>
                        })}
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ProductDetails(product: GiProduct) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || gi_texts(prefs.lang.get());
    let GiProduct {
        id,
        name_zh,
        name_en,
        pinyin,
        province,
        city,
        category,
        gi_type,
        approved_year,
        announcement,
        description,
        source,
        same_city,
    } = product;
    let place = [province.clone(), city.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let row = move |label: fn(&super::texts::GiTexts) -> &'static str,
                    value: Option<String>,
                    zh: bool| {
        let shown = value.filter(|v| !v.is_empty());
        let known = shown.is_some();
        view! {
            <div class="summary-list__row">
                <dt>{move || label(t())}</dt>
                <dd lang=(zh && known).then_some("zh-CN")>
                    {move || shown.clone().unwrap_or_else(|| t().unknown.to_owned())}
                </dd>
            </div>
        }
    };
    let has_category = category.is_some();
    let same_city_title = city.clone().or(province.clone());
    let report_href = format!("{}?gi={}", Service::Assistance.href(), id);

    view! {
        <p>
            // Back to the list exactly as it was (query, filters, page).
            <A href=super::last_search::last_search_href() attr:class="back-link">{gi_text(|t| t.back_to_results)}</A>
        </p>
        <h1 tabindex="-1" lang="zh-CN">{name_zh.clone()}</h1>
        <dl class="summary-list">
            {row(|t| t.field_pinyin, Some(pinyin), false)}
            {name_en.map(|en| row(|t| t.field_name_en, Some(en), false))}
            {row(|t| t.field_gi_type, gi_type, true)}
            {row(|t| t.field_place, Some(place), true)}
            <div class="summary-list__row">
                <dt>{gi_text(|t| t.field_category)}</dt>
                <dd>
                    <span lang="zh-CN">{category.unwrap_or_default()}</span>
                    {move || if has_category { t().category_note } else { t().unknown }}
                </dd>
            </div>
            {row(|t| t.field_year, approved_year.map(|y| y.to_string()), false)}
            {row(|t| t.field_announcement, announcement, true)}
            {row(|t| t.field_scope, description, true)}
        </dl>

        <h2>{gi_text(|t| t.genuine_heading)}</h2>
        <ul class="list-bullet">
            {move || t().genuine_points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
        </ul>
        <p>
            <A href=report_href.clone() attr:class="button" attr:rel=rel_for(&report_href)>{gi_text(|t| t.report_counterfeit)}</A>
        </p>

        {(!same_city.is_empty()).then(|| {
            let title = same_city_title.unwrap_or_default();
            view! {
                <h2>{move || t().same_city_heading(&title)}</h2>
                <ul class="link-list" lang="zh-CN">
                    {same_city
                        .into_iter()
                        .map(|p| view! { <li><A href=format!("/gi/{}", p.id)>{p.name_zh}</A></li> })
                        .collect_view()}
                </ul>
            }
        })}

        <details class="source">
            <summary>{gi_text(|t| t.field_source)}</summary>
            <p class="source__text">{source}</p>
        </details>
    }
}
