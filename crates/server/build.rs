//! Generates the server's message struct from `locales/*/server.toml` (see `portal-texts-build`).

use portal_texts_build::{catalog, generate};

fn main() {
    generate(
        std::path::Path::new("../../locales"),
        "portal_domain::Lang",
        &[catalog("server", "ServerTexts", "server_texts")],
    );
}
