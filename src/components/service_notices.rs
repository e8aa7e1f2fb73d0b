//! The center's notices (通知公告) on the home page: what administrators published for today,
//! important ones first and labelled in words. Nothing is shown while they load, when there are
//! none, or when they cannot be fetched: they add to the page, and the services below work
//! without them (the service network right after says plainly when the network is down).

use leptos::prelude::*;
use portal_domain::api::notices::{Notice, NoticeLevel};
use portal_domain::Lang;

use crate::api;
use crate::dates::long_date;
use crate::prefs::{text, use_prefs};

#[component]
pub fn ServiceNotices() -> impl IntoView {
    let prefs = use_prefs();
    // Both languages come in one answer: a language switch needs no new request.
    let notices = LocalResource::new(move || api::notices(prefs.lang.get_untracked()));
    move || {
        notices
            .get()
            .and_then(Result::ok)
            .filter(|list| !list.items.is_empty())
            .map(|list| {
                view! {
                    <section class="service-notices" aria-labelledby="notices-heading">
                        <h2 id="notices-heading">{text(|s| s.notices_heading)}</h2>
                        <ul class="service-notices__list">
                            {list.items.into_iter().map(|n| view! { <NoticeItem notice=n/> }).collect_view()}
                        </ul>
                    </section>
                }
            })
    }
}

fn until(date: portal_domain::calendar::Date, lang: Lang) -> String {
    crate::i18n::strings(lang).notice_until(long_date(date, lang))
}

#[component]
fn NoticeItem(notice: Notice) -> impl IntoView {
    let prefs = use_prefs();
    let important = notice.level == NoticeLevel::Important;
    let ends_on = notice.ends_on;
    let Notice {
        title_zh,
        title_en,
        body_zh,
        body_en,
        ..
    } = notice;
    let title = move || prefs.lang.get().pick(&title_zh, &title_en).to_owned();
    let body = move || prefs.lang.get().pick(&body_zh, &body_en).to_owned();
    view! {
        <li class="service-notice" class:service-notice--important=important>
            <h3 class="service-notice__title">
                {important.then(|| view! {
                    <span class="badge badge--important">{text(|s| s.notice_important)}</span>" "
                })}
                {title}
            </h3>
            <p class="service-notice__body">{body}</p>
            {ends_on.map(|date| view! {
                <p class="service-notice__until">{move || until(date, prefs.lang.get())}</p>
            })}
        </li>
    }
}
