//! Small reusable pieces of the interface.

pub mod answers;
pub mod choices;
pub mod copy_field;
pub mod error_panel;
pub mod file_slot;
pub mod filters;
pub mod focus;
pub mod form;
pub mod header_parts;
pub mod highlighted;
pub mod kiosk_session;
pub mod loading;
pub mod lookup_form;
pub mod privacy_note;
pub mod qr_code;
pub mod rating;
pub mod search_field;
pub mod sending;
pub mod service_notices;
pub mod site_footer;
pub mod site_header;
pub mod site_info;
pub mod submit;
pub mod upload;
pub mod venue_contacts;
