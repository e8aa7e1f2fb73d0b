//! The staff workbench over HTTP, on a clock fixed at Tuesday 2026-09-29 10:00 in Shanghai
//! (国庆节 10-01..07 off, Saturday 10-10 a working day), with the first administrator created
//! from the configuration as `PORTAL_ADMIN_USERNAME` / `PORTAL_ADMIN_PASSWORD` would.
//!
//! This module holds the clock and the server the staff tests share; the tests are in its
//! submodules, one concern each.

use crate::helpers::{spawn_staff_app, StaffOptions, TestApp};
use crate::staff_client::staff_app;

pub(crate) const NOW: &str = "2026-09-29T10:00:00+08:00";

async fn app_with(options: StaffOptions) -> TestApp {
    spawn_staff_app(tempfile::tempdir().unwrap(), NOW, options).await
}

pub(crate) async fn app() -> TestApp {
    staff_app(NOW).await
}

mod access;
mod accounts;
mod cases;
mod password;
mod reception;
mod sessions;
