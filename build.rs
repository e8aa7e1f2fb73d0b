//! Generates the apps' text structs from the catalogs in `locales/` (see `portal-texts-build`):
//! a translator edits those TOML files; the code reads the generated fields and methods.

use portal_texts_build::{catalog, generate};

fn main() {
    generate(
        std::path::Path::new("locales"),
        "portal_domain::Lang",
        &[
            catalog("common", "Strings", "strings"),
            catalog("gi", "GiTexts", "gi_texts"),
            catalog("policies", "PolicyTexts", "policy_texts"),
            catalog("booking", "BookingTexts", "booking_texts"),
            catalog(
                "booking_questions",
                "BookingQuestionsTexts",
                "booking_questions_texts",
            ),
            catalog(
                "booking_manage",
                "BookingManageTexts",
                "booking_manage_texts",
            ),
            catalog(
                "booking_check_in",
                "BookingCheckInTexts",
                "booking_check_in_texts",
            ),
            catalog("assistance", "AssistanceTexts", "assistance_texts"),
            catalog("assistance_request", "RequestTexts", "request_texts"),
            catalog("assistance_upload", "UploadTexts", "upload_texts"),
            catalog("workbench", "WorkbenchTexts", "workbench_texts"),
            catalog("services", "ServiceTexts", "services_texts"),
            catalog("rating", "RatingTexts", "rating_texts"),
            catalog("fast_track", "FastTrackTexts", "fast_track_texts"),
            catalog("registration", "RegistrationTexts", "registration_texts"),
            catalog("pre_exam", "PreExamTexts", "pre_exam_texts"),
            catalog(
                "pre_exam_quota",
                "PreExamQuotaTexts",
                "pre_exam_quota_texts",
            ),
            catalog("privacy", "PrivacyTexts", "privacy_texts"),
            catalog("file_slot", "FileSlotTexts", "file_slot_texts"),
        ],
    );
}
