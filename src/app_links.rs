//! Links between the portal's apps: links are written plainly (the Shell installs
//! [`follow_links_to_other_apps`]), code that navigates uses [`use_go`].

use leptos::prelude::*;
use portal_domain::apps::App;

/// Every link to a page of another app is followed by the browser, which loads that app, and
/// not by this app's router, which would show "page not found": a click on such a link marks it
/// `rel="external"` before the router's own handler (on the window, bubbling) reads it. So a link
/// is written the same wherever it points (`<a>` or the router's `<A>`, in a page or in the
/// header and footer), and moving a page to another app changes no link. A click with a
/// modifier key is marked too, harmlessly: the router leaves it to the browser anyway, as it
/// does a middle click (which is no `click` event).
pub fn follow_links_to_other_apps(current: App) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten());
        if let Some(link) = link {
            let href = link.get_attribute("href").unwrap_or_default();
            let rel = link.get_attribute("rel").unwrap_or_default();
            if crosses(current, &href) && !rel.split(' ').any(|r| r == "external") {
                let rel = if rel.is_empty() {
                    "external".to_owned()
                } else {
                    format!("{rel} external")
                };
                let _ = link.set_attribute("rel", &rel);
            }
        }
    });
    // Capture: this runs before any handler of the click's bubbling phase.
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // The app lives as long as the page.
    on_click.forget();
}

fn current_app() -> App {
    use_context::<App>().unwrap_or(App::Portal)
}

/// Whether `href` is a page of another app than `current` (`#id` and other relative links stay
/// on this page).
fn crosses(current: App, href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    path.starts_with('/') && App::for_path(path) != current
}

/// Going to a page from code (after a save, say): by the router within this app, by loading
/// the other app otherwise. Called where a component is made; the function it returns may be
/// called later, from an event.
pub fn use_go() -> impl Fn(&str) + Clone + 'static {
    go_with(false)
}

/// As [`use_go`], but the page replaces the current one in the history, so that Back does not
/// return to it (a form that has just been sent, say).
pub fn use_go_replacing() -> impl Fn(&str) + Clone + 'static {
    go_with(true)
}

fn go_with(replace: bool) -> impl Fn(&str) + Clone + 'static {
    let current = current_app();
    let navigate = leptos_router::hooks::use_navigate();
    move |href: &str| {
        if !crosses(current, href) {
            let options = leptos_router::NavigateOptions {
                replace,
                ..Default::default()
            };
            navigate(href, options);
        } else if replace {
            let _ = window().location().replace(href);
        } else {
            let _ = window().location().assign(href);
        }
    }
}
