//! The GI lookup's texts in both languages. Data values come from the official records: names
//! and announcements stay in Chinese; provinces, cities, categories and GI types are shown in
//! English where there is a sure translation (`terms.rs`).

include!(concat!(env!("OUT_DIR"), "/texts_gi.rs"));

crate::prefs::feature_texts!(GiTexts, gi_texts, gi_text);
