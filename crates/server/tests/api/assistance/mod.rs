//! Rights-assistance requests over HTTP, on a clock fixed at Tuesday 2026-09-29 10:00 in
//! Shanghai. Around it in the official calendar: 国庆节 10-01..07 off and Saturday 10-10 a
//! working day (调休), so the initial review of a request submitted that day is due on Monday
//! 10-12, not on 10-06.
//!
//! This module holds what the assistance tests share (the clock, a disguised program, a section's
//! report); the tests are in its submodules, one concern each.

use portal_domain::api::assistance::DraftView;

const NOW: &str = "2026-09-29T10:00:00+08:00";

/// A Windows program: what a disguised `.jpg` really is.
const EXE: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00\xB8\x00";

fn section(view: &DraftView, name: &str) -> portal_domain::api::assistance::SectionReport {
    view.sections
        .iter()
        .find(|s| s.section.code() == name)
        .unwrap_or_else(|| panic!("section {name}"))
        .clone()
}

mod contract;
mod drafts;
mod files;
mod new_link;
mod requests;
