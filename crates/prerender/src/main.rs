//! `portal-prerender <dist>`: for each page of [`PRERENDERED`], its app's built `index.html`
//! with the static shell's "loading" replaced by the page's first view, written to its
//! [`prerendered_file`] in `<dist>`, which the server sends for that path
//! (`crates/server/src/spa.rs`). The page fetches and starts its app only once that view has
//! been painted (`loader.rs`).
//!
//! The view stays inside `<div id="shell">`, which the app removes when it starts, drawing the
//! same view in its place. Until then the shell is `inert`: what is typed into a control there
//! would be lost when the app replaces it, so nothing can be focused or pressed before the app
//! runs (as before, when the shell was only "loading"). `data-lang` lets the page's styles hide
//! it from someone who chose English (`html[lang=en]`, set before the first paint by
//! `index.html`'s script), who would otherwise see Chinese until the app starts.

// The view types, rendered to HTML, nest deeper than the default limit.
#![recursion_limit = "256"]

mod loader;
mod render;

use std::path::PathBuf;

use portal_domain::apps::{prerendered_file, App, PRERENDERED};

/// The static shell's opening tag, as Trunk's release build writes it (minified) or not.
const SHELL: [&str; 2] = ["<div id=shell>", "<div id=\"shell\">"];

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    for path in PRERENDERED {
        let index = dist.join(App::for_path(path).index_file());
        let page = std::fs::read_to_string(&index)
            .unwrap_or_else(|e| panic!("{}: {e} (build the apps first)", index.display()));
        let out = dist.join(prerendered_file(path));
        std::fs::create_dir_all(out.parent().expect("a folder")).expect("the folder is made");
        let page = loader::after_first_paint(&with_view(&page, &render::render(path)));
        std::fs::write(&out, page).expect("the page is written");
        println!("prerendered {path} -> {}", out.display());
    }
}

/// `page` with its shell's content (the header and "loading", up to `</body>`) replaced by
/// `view`; the `<noscript>` help is kept, first in the view's `<main>` (without JavaScript,
/// `public/noscript.css` shows only it there: the view's controls would do nothing).
fn with_view(page: &str, view: &str) -> String {
    let start = SHELL
        .iter()
        .find_map(|tag| page.find(tag))
        .expect("index.html has the static shell");
    let end = page.rfind("</body>").expect("index.html ends its body");
    let shell = &page[start..end];
    let noscript = match (shell.find("<noscript>"), shell.find("</noscript>")) {
        (Some(a), Some(b)) => &shell[a..b + "</noscript>".len()],
        _ => "",
    };
    let main = view.find("<main").expect("the view has a <main>");
    let main_open = main + view[main..].find('>').expect("<main> ends") + 1;
    format!(
        "{}<div id=\"shell\" inert data-lang=\"zh-CN\">{}{noscript}{}</div>\n{}",
        &page[..start],
        &view[..main_open],
        &view[main_open..],
        &page[end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_replaces_the_shell_and_keeps_the_noscript_help() {
        let page = "<html><head></head><body>\n<div id=\"shell\"><header>h</header><main><p>loading</p><noscript><h1>help</h1></noscript></main></div>\n</body></html>";
        assert_eq!(
            with_view(page, "<header>v</header><main id=\"main\">view</main>"),
            "<html><head></head><body>\n<div id=\"shell\" inert data-lang=\"zh-CN\"><header>v</header><main id=\"main\"><noscript><h1>help</h1></noscript>view</main></div>\n</body></html>"
        );
    }
}
