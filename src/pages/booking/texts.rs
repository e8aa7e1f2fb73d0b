//! The booking pages' texts in both languages, in four catalogs so that each booking app carries
//! only its own: `booking` (what several apps show: the booking's rows, loading, "not sent"),
//! `booking_questions` (making a booking), `booking_manage` (a booking once made, found or at its
//! link) and `booking_check_in` (the kiosk). Venue and topic names come from the API in both
//! languages; addresses stay in Chinese.

include!(concat!(env!("OUT_DIR"), "/texts_booking.rs"));

crate::prefs::feature_texts!(BookingTexts, booking_texts, booking_text);

include!(concat!(env!("OUT_DIR"), "/texts_booking_questions.rs"));
crate::prefs::feature_texts!(
    BookingQuestionsTexts,
    booking_questions_texts,
    booking_questions_text
);

include!(concat!(env!("OUT_DIR"), "/texts_booking_manage.rs"));
crate::prefs::feature_texts!(
    BookingManageTexts,
    booking_manage_texts,
    booking_manage_text
);

include!(concat!(env!("OUT_DIR"), "/texts_booking_check_in.rs"));
crate::prefs::feature_texts!(
    BookingCheckInTexts,
    booking_check_in_texts,
    booking_check_in_text
);
