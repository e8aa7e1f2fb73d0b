//! The GI lookup's texts in both languages. Data values (names, provinces, categories, GI types)
//! come from the official records and stay in Chinese.

include!(concat!(env!("OUT_DIR"), "/texts_gi.rs"));

crate::prefs::feature_texts!(GiTexts, gi_texts, gi_text);
