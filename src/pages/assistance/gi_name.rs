//! A GI product named as people know it, "海安大米（GI00842）", where the request only holds its
//! number: the start page, the task list, the right section and "check your answers" look the
//! product up the same way.

use leptos::prelude::*;
use portal_domain::api::gi::GiProduct;
use portal_domain::Lang;

use crate::api::{self, ApiError};
use crate::prefs::use_prefs;

/// The product with the number `id` holds, looked up again when it changes (`None` while it
/// holds none).
pub fn use_gi_product(
    id: Memo<Option<String>>,
) -> LocalResource<Option<Result<GiProduct, ApiError>>> {
    let prefs = use_prefs();
    LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(api::gi_product(&id, prefs.lang.get_untracked()).await),
                None => None,
            }
        }
    })
}

/// The product's name in the page's language (the Chinese one where it has no English name).
pub fn gi_name(product: &GiProduct, lang: Lang) -> String {
    match lang {
        Lang::En => product.name_en.clone(),
        Lang::Zh => None,
    }
    .unwrap_or_else(|| product.name_zh.clone())
}

/// Name and number once the lookup answers; the number alone before that, or if no product has
/// it (the right section says so at the field).
pub fn gi_label(id: Memo<Option<String>>) -> Signal<Option<String>> {
    let prefs = use_prefs();
    let product = use_gi_product(id);
    Signal::derive(move || {
        let id = id.get()?;
        let lang = prefs.lang.get();
        let name = product.with(|found| match found {
            // An answer for the number held before this one does not count.
            Some(Some(Ok(product))) if product.id == id => Some(gi_name(product, lang)),
            _ => None,
        });
        Some(match (name, lang) {
            (Some(name), Lang::Zh) => format!("{name}（{id}）"),
            (Some(name), Lang::En) => format!("{name} ({id})"),
            (None, _) => id,
        })
    })
}
