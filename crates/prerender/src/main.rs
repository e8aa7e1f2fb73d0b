//! `portal-prerender <dist>`: for each page of [`PRERENDERED`], its app's built `index.html`
//! with the static shell's "loading" replaced by the page's first view, written to its
//! [`prerendered_file`] in `<dist>`, which the server sends for that path
//! (`crates/server/src/spa.rs`). See the library (`lib.rs`) on how.

use std::path::PathBuf;

use portal_domain::apps::{prerendered_file, App, PRERENDERED};

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    for path in PRERENDERED {
        let index = dist.join(App::for_path(path).index_file());
        let page = std::fs::read_to_string(&index)
            .unwrap_or_else(|e| panic!("{}: {e} (build the apps first)", index.display()));
        let out = dist.join(prerendered_file(path));
        std::fs::create_dir_all(out.parent().expect("a folder")).expect("the folder is made");
        let page = portal_prerender::loader::after_first_paint(&page)
            .and_then(|page| portal_prerender::first_view(&page, path, None))
            .unwrap_or_else(|| {
                panic!(
                    "{}: not the page Trunk writes (has Trunk changed it?)",
                    index.display()
                )
            });
        std::fs::write(&out, page).expect("the page is written");
        println!("prerendered {path} -> {}", out.display());
    }
}
