//! One module per route (a folder where a service has several).

pub mod assistance;
pub mod booking;
pub mod fast_track;
pub mod firm_registration;
pub mod gi;
pub mod home;
pub mod not_found;
pub mod policies;
pub mod pre_exam;
pub mod privacy;
pub mod service_placeholder;
pub mod track;
pub mod workbench;
