//! The two languages of the portal and the trait that gives an error its message in each (the
//! messages themselves are in the catalogs of `crate::texts`).

use serde::{Deserialize, Serialize};

/// User interface language. Simplified Chinese is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag used in `lang` attributes and `Accept-Language` headers.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored or typed tag; anything that is not English means Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// Picks the language from an `Accept-Language` header: the first of zh/en by the order the
    /// client gave (quality values are rarely anything but descending), Chinese if neither.
    pub fn from_accept_language(header: &str) -> Lang {
        for part in header.split(',') {
            let tag = part.split(';').next().unwrap_or("").trim();
            let primary = tag.split(['-', '_']).next().unwrap_or("");
            if primary.eq_ignore_ascii_case("en") {
                return Lang::En;
            }
            if primary.eq_ignore_ascii_case("zh") {
                return Lang::Zh;
            }
        }
        Lang::Zh
    }

    /// Picks the Chinese or English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// An error a person can act on: a stable machine-readable `code` (never translated, safe for
/// clients to match on) and a plain-language message in either language.
pub trait Localized {
    fn code(&self) -> &'static str;
    fn message(&self, lang: Lang) -> String;
}

/// Implements `Localized` for an error type with a method `texts(&self, t)` that gives
/// `(code, message)`, the message (`&str` or `String`) taken from `t`, its catalog's texts in
/// one language; `$texts` is that catalog's accessor (`calendar_texts`, see `crate::texts`).
macro_rules! localized {
    ($error:ty, $texts:path) => {
        impl $crate::lang::Localized for $error {
            fn code(&self) -> &'static str {
                self.texts($texts($crate::lang::Lang::Zh)).0
            }

            fn message(&self, lang: $crate::lang::Lang) -> String {
                self.texts($texts(lang)).1.into()
            }
        }
    };
}

/// [`localized!`] and also `Display` (the Chinese message) and `std::error::Error`.
/// Identifiers, dates, the holiday calendar and most request errors share it.
macro_rules! localized_error {
    ($error:ty, $texts:path) => {
        $crate::lang::localized!($error, $texts);

        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.texts($texts($crate::lang::Lang::Zh)).1.as_ref())
            }
        }

        impl std::error::Error for $error {}
    };
}

pub(crate) use localized;
pub(crate) use localized_error;

/// Test helper: every error in `all` has a distinct code starting with `prefix`, and a non-empty
/// message in both languages (Chinese in the Chinese one, none in the English one); `Display`
/// gives the Chinese one.
#[cfg(test)]
pub(crate) fn assert_messages<E: Localized + std::fmt::Display>(prefix: &str, all: &[E]) {
    let mut codes = std::collections::HashSet::new();
    for error in all {
        let code = error.code();
        assert!(
            code.starts_with(prefix),
            "{code} should start with {prefix}"
        );
        assert!(codes.insert(code), "duplicate code {code}");
        let zh = error.message(Lang::Zh);
        let en = error.message(Lang::En);
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{code} lacks a message"
        );
        assert_ne!(zh, en, "{code} is not translated");
        assert!(!zh.is_ascii(), "{code}: the Chinese message has no Chinese");
        assert!(en.is_ascii(), "{code}: the English message has Chinese");
        assert_eq!(error.to_string(), zh);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_the_first_supported_language() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,zh;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"),
            Lang::Zh
        );
        assert_eq!(Lang::from_accept_language("fr-FR,en;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("fr-FR"), Lang::Zh);
        assert_eq!(Lang::from_accept_language(""), Lang::Zh);
    }

    #[test]
    fn tags_round_trip() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_tag(lang.tag()), lang);
        }
        assert_eq!(Lang::from_tag("EN_gb"), Lang::En);
        assert_eq!(Lang::from_tag("garbage"), Lang::Zh);
    }
}
