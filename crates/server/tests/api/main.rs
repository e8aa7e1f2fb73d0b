//! Black-box tests of the API: each test starts the real server on a fresh database and talks
//! to it over HTTP.

mod binary;
mod citizen;
mod helpers;
mod staff_client;

mod admin;
mod assistance;
mod audit;
mod backup;
mod booking;
mod database;
mod desk;
mod errors;
mod firms;
mod gi;
mod gi_forgiving;
mod health;
mod lifecycle;
mod logins;
mod lookups;
mod metrics;
mod notices;
mod policies;
mod policy_guide;
mod rating;
mod replicas;
mod retention;
mod retries;
mod scalping;
mod security;
mod site;
mod spa;
mod staff;
mod uploads;
mod venues;
