//! The booking pages' texts in both languages. Venue and topic names come from the API in both
//! languages; addresses stay in Chinese.

include!(concat!(env!("OUT_DIR"), "/texts_booking.rs"));

crate::prefs::feature_texts!(BookingTexts, booking_texts, booking_text);
