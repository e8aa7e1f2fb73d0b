use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::gi::GiProduct;
use portal_domain::api::gi_terms::GiAuthority;
use portal_domain::Lang;

use super::terms::{place, shown};
use super::texts::{gi_text, gi_texts, GiTexts};
use crate::api::{self, ApiError};
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
    // The product the server drew this page's first view with (`crate::first_data`): the app
    // draws the same view from it at once, and asks the API only for another product.
    let (product, first_for) = crate::first_data::or_fetch(
        id,
        |p: &GiProduct| &p.id,
        move |id| async move { api::gi_product(&id, prefs.lang.get_untracked()).await },
    );

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

    let loaded = move || {
        view! {
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
        }
    };
    view! {
        <div class="container page">
            {move || match first_for(&id.get()) {
                Some(p) => view! { <ProductDetails product=p/> }.into_any(),
                None => loaded().into_any(),
            }}
        </div>
    }
}

/// The official mark a genuine product of this type may carry, if the type has one.
fn mark_text(gi_type: Option<&str>) -> Option<fn(&GiTexts) -> &'static str> {
    match gi_type? {
        "地理标志保护产品" => Some(|t| t.genuine_mark_product),
        "地理标志商标" | "地理标志证明商标" => Some(|t| t.genuine_mark_trademark),
        "农产品地理标志" => Some(|t| t.genuine_mark_agricultural),
        _ => None,
    }
}

fn authority_text(authority: GiAuthority) -> fn(&GiTexts) -> &'static str {
    match authority {
        GiAuthority::Cnipa => |t| t.authority_cnipa,
        GiAuthority::Aqsiq => |t| t.authority_aqsiq,
        GiAuthority::SaicTrademarkOffice => |t| t.authority_saic,
        GiAuthority::ChinaEuAgreement => |t| t.authority_china_eu,
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
        authority,
        same_city,
        offline_saved_on,
    } = product;
    // Answered by the service worker from the list saved on this device (network down): it
    // has no scope or announcement, which must not read as "none on record".
    let online = offline_saved_on.is_none();
    let place = {
        let (province, city) = (province.clone(), city.clone());
        move || place(province.as_deref(), city.as_deref(), prefs.lang.get())
    };
    // A row whose value is Chinese text from the records (`zh`) or a value of the data's
    // finite sets (`term`, in English where there is a sure translation).
    let row =
        move |label: fn(&GiTexts) -> &'static str, value: Option<String>, zh: bool, term: bool| {
            let value = value.filter(|v| !v.is_empty());
            let shown = Memo::new(move |_| {
                let lang = prefs.lang.get();
                match &value {
                    None => (t().unknown.to_owned(), false),
                    Some(v) if term => shown(v, lang),
                    Some(v) => (v.clone(), zh),
                }
            });
            view! {
                <div class="summary-list__row">
                    <dt>{move || label(t())}</dt>
                    <dd lang=move || shown.get().1.then_some("zh-CN")>{move || shown.get().0}</dd>
                </div>
            }
        };
    let has_category = category.is_some();
    let category_shown = Memo::new(move |_| {
        category
            .as_deref()
            .map(|c| shown(c, prefs.lang.get()))
            .unwrap_or_default()
    });
    let same_city_title = city.clone().or(province.clone());
    let report_href = format!("{}?gi={}", Service::Assistance.href(), id);

    // Only what is specific to this product: the mark of its type, its protected area, its
    // announcement (no producer list is on record).
    let mark = mark_text(gi_type.as_deref());
    let area = description.is_some().then(|| {
        let place = place.clone();
        move || t().genuine_area(place())
    });
    let published = matches!(authority, Some(GiAuthority::Cnipa | GiAuthority::Aqsiq));
    let any_point = mark.is_some() || area.is_some() || published;

    view! {
        <p>
            // Back to the list exactly as it was (query, filters, page).
            <A href=super::last_search::last_search_href() attr:class="back-link">{gi_text(|t| t.back_to_results)}</A>
        </p>
        <h1 tabindex="-1" lang="zh-CN">{name_zh.clone()}</h1>
        {offline_saved_on.map(super::search::offline_note)}
        <dl class="summary-list">
            {row(|t| t.field_pinyin, Some(pinyin), false, false)}
            {name_en.map(|en| row(|t| t.field_name_en, Some(en), false, false))}
            {row(|t| t.field_gi_type, gi_type, true, true)}
            <div class="summary-list__row">
                <dt>{gi_text(|t| t.field_place)}</dt>
                <dd lang=move || (prefs.lang.get() == Lang::Zh).then_some("zh-CN")>{place.clone()}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{gi_text(|t| t.field_category)}</dt>
                <dd>
                    <span lang=move || category_shown.get().1.then_some("zh-CN")>{move || category_shown.get().0}</span>
                    {move || if has_category { t().category_note } else { t().unknown }}
                </dd>
            </div>
            {row(|t| t.field_year, approved_year.map(|y| y.to_string()), false, false)}
            {online.then(|| row(|t| t.field_scope, description, true, false))}
        </dl>

        {any_point.then(|| view! {
            <h2>{gi_text(|t| t.genuine_heading)}</h2>
            <ul class="list-bullet">
                {mark.map(|m| view! { <li>{move || m(t())}</li> })}
                {area.map(|a| view! { <li>{a}</li> })}
                {published.then(|| view! { <li>{gi_text(|t| t.genuine_announcement)}</li> })}
            </ul>
        })}
        <p>
            <A href=report_href attr:class="button">{gi_text(|t| t.report_counterfeit)}</A>
        </p>

        {(!same_city.is_empty()).then(|| {
            let title = same_city_title.unwrap_or_default();
            view! {
                <h2>{move || t().same_city_heading(&shown(&title, prefs.lang.get()).0)}</h2>
                <ul class="link-list" lang="zh-CN">
                    {same_city
                        .into_iter()
                        .map(|p| view! { <li><A href=format!("/gi/{}", p.id)>{p.name_zh}</A></li> })
                        .collect_view()}
                </ul>
            }
        })}

        <section class="source" aria-labelledby="gi-source" hidden=!online>
            <h2 id="gi-source">{gi_text(|t| t.field_source)}</h2>
            {announcement.is_none().then(|| view! { <p>{gi_text(|t| t.source_none)}</p> })}
            {announcement.map(|a| view! {
                    <dl class="summary-list">
                        {row(|t| t.field_announcement, Some(a), true, false)}
                        {authority.map(|au| {
                            let text = authority_text(au);
                            view! {
                                <div class="summary-list__row">
                                    <dt>{gi_text(|t| t.field_authority)}</dt>
                                    <dd>{move || text(t())}</dd>
                                </div>
                            }
                        })}
                    </dl>
            })}
        </section>
    }
}
