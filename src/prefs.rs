//! The visitor's display preferences: language and elder mode (长辈版). Both persist in
//! localStorage and are reflected on `<html>` (`lang` attribute, `elder` class) so CSS and
//! assistive technology follow them.

use leptos::prelude::*;
use portal_domain::Lang;

use crate::i18n::{strings, Strings};

const LANG_KEY: &str = "portal.lang";
const ELDER_KEY: &str = "portal.elder";

#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub elder: RwSignal<bool>,
}

impl Prefs {
    /// The interface texts in the current language (tracked: views re-render on a switch).
    pub fn s(&self) -> &'static Strings {
        strings(self.lang.get())
    }
}

/// Reads the stored preferences, keeps `<html>` and the store in step with them, and provides
/// them to the whole app.
pub fn provide_prefs() -> Prefs {
    let lang = stored(LANG_KEY)
        .map(|t| Lang::from_tag(&t))
        .unwrap_or_default();
    let elder = stored(ELDER_KEY).as_deref() == Some("1");
    let prefs = Prefs {
        lang: RwSignal::new(lang),
        elder: RwSignal::new(elder),
    };

    Effect::new(move |_| {
        let lang = prefs.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        store(LANG_KEY, lang.tag());
    });
    Effect::new(move |_| {
        let elder = prefs.elder.get();
        if let Some(html) = document().document_element() {
            let _ = html.class_list().toggle_with_force("elder", elder);
        }
        store(ELDER_KEY, if elder { "1" } else { "0" });
    });

    provide_context(prefs);
    prefs
}

pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

fn stored(key: &str) -> Option<String> {
    crate::storage::local()?.get_item(key).ok().flatten()
}

fn store(key: &str, value: &str) {
    if let Some(storage) = crate::storage::local() {
        let _ = storage.set_item(key, value);
    }
}

/// Sets the document title to "<page> - <portal>" in the current language.
pub fn use_page_title(page: impl Fn(Lang) -> &'static str + 'static) {
    let prefs = use_prefs();
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        document().set_title(&format!("{} - {}", page(lang), strings(lang).portal_name));
    });
}

/// A reactive interface text: `{text(|s| s.home)}`. Every call site shares one closure type
/// (the picker is a plain `fn`), so the WASM carries one copy of the rendering code instead of
/// one per text, which a `move || prefs.s().home` closure at each site would cost.
pub fn text(pick: fn(&Strings) -> &'static str) -> impl Fn() -> &'static str + Copy + 'static {
    translated(strings, pick)
}

/// [`text`] for a feature's own texts struct.
pub fn translated<S: 'static>(
    texts: fn(Lang) -> &'static S,
    pick: fn(&S) -> &'static str,
) -> impl Fn() -> &'static str + Copy + 'static {
    let prefs = use_prefs();
    move || pick(texts(prefs.lang.get()))
}

/// A feature's reactive text accessor, written once for every feature: `$text(|t| t.field)` is
/// one of the texts that `$texts(lang)` (generated from its catalog in `locales/`) picks, as a
/// reactive text that follows the language switch (see [`text`]).
macro_rules! feature_texts {
    ($texts_type:ty, $texts:ident, $text:ident) => {
        /// A reactive text of these pages: `{text_fn(|t| t.back)}` (see [`crate::prefs::text`]).
        pub fn $text(
            pick: fn(&$texts_type) -> &'static str,
        ) -> impl Fn() -> &'static str + Copy + 'static {
            $crate::prefs::translated($texts, pick)
        }
    };
}
pub(crate) use feature_texts;
