//! Generates the server's message struct from `locales/*/server.toml` (see `portal-texts-build`).

use portal_texts_build::{generate, Catalog};

fn main() {
    generate(
        std::path::Path::new("../../locales"),
        "portal_domain::Lang",
        &[Catalog {
            name: "server",
            struct_name: "ServerTexts",
            accessor: "server_texts",
        }],
    );
}
