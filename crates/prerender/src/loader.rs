//! A prerendered page loads its app only after its first view has been painted.
//!
//! Trunk's page starts fetching the app at once (`modulepreload` of its script, `preload` of its
//! WASM). For a prerendered page that competes with the very paint the prerendering is for: on
//! a slow phone the WASM shares the network with the stylesheet the first paint waits for, and
//! Lighthouse's simulation charges the page's largest paint with every request that had
//! finished before it in the fast load it observed, the WASM among them (1.8–2.5 s for text
//! painted at 1.0 s). So here the preloads go, and the loader first awaits `portalPainted`
//! (index.html: the browser has recorded the first paint; at most half a second), then fetches
//! the app's WASM and imports its script side by side, and starts it as Trunk's does. The cost:
//! on a slow network the app arrives later (about 0.6 s on Lighthouse's slow 4G).

/// `page` (an app's `index.html` as Trunk built it) with its app loaded after the first paint:
/// its script and its WASM fetched side by side then (one round trip, not two in a row). `None`
/// if its loader is not Trunk's as we know it.
pub fn after_first_paint(page: &str) -> Option<String> {
    let page = without_preloads(page)?;
    let import = "import init, * as bindings from '";
    let start = page.find(import)?;
    let script = quoted_after(&page, start + import.len())?;
    let end = start + import.len() + script.len() + "';".len();
    let wasm_at = page[end..].find("module_or_path: '")? + end + "module_or_path: ".len();
    let wasm = quoted_after(&page, wasm_at + 1)?;
    Some(format!(
        "{}await window.portalPainted;\nconst app = fetch('{wasm}');\nconst bindings = await import('{script}');\nconst init = bindings.default;{}app{}",
        &page[..start],
        &page[end..wasm_at],
        &page[wasm_at + wasm.len() + 2..]
    ))
}

/// The text from `at` up to the next `'`.
fn quoted_after(page: &str, at: usize) -> Option<&str> {
    let len = page[at..].find('\'')?;
    Some(&page[at..at + len])
}

/// `page` without the `<link>`s that fetch the app ahead: its script's `modulepreload` and its
/// WASM's `preload`.
fn without_preloads(page: &str) -> Option<String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<link") {
        let len = rest[at..].find('>')? + 1;
        let tag = &rest[at..at + len];
        let preload =
            tag.contains("modulepreload") || (tag.contains(".wasm") && tag.contains("preload"));
        out.push_str(&rest[..at]);
        if !preload {
            out.push_str(tag);
        }
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk's release page, shortened.
    const PAGE: &str = "<head><link href=/main-1.css rel=stylesheet><script type=module>import init, * as bindings from '/apps/gi/app-1.js';\nconst wasm = await init({ module_or_path: '/apps/gi/app-1_bg.wasm' });\nwindow.wasmBindings = bindings;</script><link crossorigin href=/apps/gi/app-1.js integrity=sha384-x rel=modulepreload><link as=fetch crossorigin href=/apps/gi/app-1_bg.wasm integrity=sha384-y rel=preload type=application/wasm><link rel=manifest href=/manifest.webmanifest></head>";

    #[test]
    fn the_app_is_fetched_and_started_after_the_first_paint() {
        assert_eq!(
            after_first_paint(PAGE).unwrap(),
            "<head><link href=/main-1.css rel=stylesheet><script type=module>await window.portalPainted;\nconst app = fetch('/apps/gi/app-1_bg.wasm');\nconst bindings = await import('/apps/gi/app-1.js');\nconst init = bindings.default;\nconst wasm = await init({ module_or_path: app });\nwindow.wasmBindings = bindings;</script><link rel=manifest href=/manifest.webmanifest></head>"
        );
    }

    #[test]
    fn a_loader_it_does_not_know_is_not_rewritten() {
        assert_eq!(
            after_first_paint("<script type=module>import('/app.js')</script>"),
            None
        );
    }
}
