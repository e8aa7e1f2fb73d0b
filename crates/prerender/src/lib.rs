//! Drawing a page's first view into the page the server sends, natively, with the apps' own
//! components: at build time for each page of [`PRERENDERED`] (`main.rs`, written to its
//! [`prerendered_file`] in `dist/`), and by the server for a page whose first view shows data it
//! holds (a GI product: `crates/server/src/spa.rs`, with [`first_view`]'s `data`). The page
//! fetches and starts its app only once that view has been painted (`loader.rs`).
//!
//! The view stays inside `<div id="shell">`, which the app removes when it starts, drawing the
//! same view in its place. Until then the shell is `inert`: what is typed into a control there
//! would be lost when the app replaces it, so nothing can be focused or pressed before the app
//! runs (as before, when the shell was only "loading"). `data-lang` lets the page's styles hide
//! it from someone who chose English (`html[lang=en]`, set before the first paint by
//! `index.html`'s script), who would otherwise see Chinese until the app starts.
//!
//! [`PRERENDERED`]: portal_domain::apps::PRERENDERED
//! [`prerendered_file`]: portal_domain::apps::prerendered_file

// The view types, rendered to HTML, nest deeper than the default limit.
#![recursion_limit = "256"]

pub mod loader;
mod render;

/// `page` (an app's `index.html` as Trunk built it, its loader rewritten by
/// [`loader::after_first_paint`]) with `path`'s first view drawn into its shell. `data` is the
/// JSON of what the view shows (the answer of the API the page would ask), for a page that shows
/// data; the app reads the same JSON from the page (`ip_portal::first_data`). `None` if `page`
/// has no shell as Trunk writes it.
pub fn first_view(page: &str, path: &str, data: Option<&str>) -> Option<String> {
    with_view(page, &render::render(path, data))
}

/// The static shell's opening tag, as Trunk's release build writes it (minified) or not.
const SHELL: [&str; 2] = ["<div id=shell>", "<div id=\"shell\">"];

/// `page` with its shell's content (the header and "loading", up to `</body>`) replaced by
/// `view`; the `<noscript>` help is kept, first in the view's `<main>` (without JavaScript,
/// `public/noscript.css` shows only it there: the view's controls would do nothing).
fn with_view(page: &str, view: &str) -> Option<String> {
    let start = SHELL.iter().find_map(|tag| page.find(tag))?;
    let end = page.rfind("</body>")?;
    let shell = &page[start..end];
    let noscript = match (shell.find("<noscript>"), shell.find("</noscript>")) {
        (Some(a), Some(b)) => &shell[a..b + "</noscript>".len()],
        _ => "",
    };
    let main = view.find("<main")?;
    let main_open = main + view[main..].find('>')? + 1;
    Some(format!(
        "{}<div id=\"shell\" inert data-lang=\"zh-CN\">{}{noscript}{}</div>\n{}",
        &page[..start],
        &view[..main_open],
        &view[main_open..],
        &page[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_replaces_the_shell_and_keeps_the_noscript_help() {
        let page = "<html><head></head><body>\n<div id=\"shell\"><header>h</header><main><p>loading</p><noscript><h1>help</h1></noscript></main></div>\n</body></html>";
        assert_eq!(
            with_view(page, "<header>v</header><main id=\"main\">view</main>").unwrap(),
            "<html><head></head><body>\n<div id=\"shell\" inert data-lang=\"zh-CN\"><header>v</header><main id=\"main\"><noscript><h1>help</h1></noscript>view</main></div>\n</body></html>"
        );
    }
}
