//! Limits and names of the staff workbench: session and login-throttling times, text lengths,
//! paging, and the cookie and header names.

/// A session ends after this long without a request.
pub const SESSION_IDLE_SECS: i64 = 30 * 60;
/// A session ends this long after login, however busy.
pub const SESSION_ABSOLUTE_SECS: i64 = 12 * 60 * 60;
/// Failed logins are counted for this long (a rolling window).
pub const LOGIN_WINDOW_SECS: i64 = 15 * 60;
/// Failed logins of one username from one client address within the window before that
/// address may not try that username (429). Another address is not stopped by them.
pub const MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT: usize = 5;
/// Failed logins from one client address within the window, whatever the usernames, before
/// every login from it is refused.
pub const MAX_LOGIN_FAILURES_PER_CLIENT: usize = 20;
/// Failed logins of one username from browsers it has never signed in on, from all addresses
/// together, within the window before such browsers may not try it: this slows a guesser with
/// many addresses. A browser the account has signed in on before (it holds the device cookie,
/// [`DEVICE_COOKIE`]) is not stopped by this limit, so the real person keeps signing in.
pub const MAX_LOGIN_FAILURES_PER_USERNAME: usize = 50;
/// A browser stays known to an account for this long after its last successful login.
pub const KNOWN_DEVICE_SECS: i64 = 90 * 24 * 60 * 60;
/// Passwords: at least 12 characters, at most 200.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 200;
pub const MAX_USERNAME_CHARS: usize = 32;
pub const MAX_DISPLAY_NAME_CHARS: usize = 40;
/// Refusal reasons and outcomes of a transition.
pub const MAX_REASON_CHARS: usize = 500;
/// Messages to the applicant and internal notes.
pub const MAX_MESSAGE_CHARS: usize = 2000;
/// A deadline this many working days away or fewer is "at risk" in the overview.
pub const AT_RISK_WORKING_DAYS: i32 = 2;
/// Days of bookings in the overview, today included.
pub const OVERVIEW_BOOKING_DAYS: i32 = 14;
/// Largest page of the case queue and of the audit log.
pub const MAX_PER_PAGE: u32 = 200;
pub const DEFAULT_PER_PAGE: u32 = 50;
/// The name of the session cookie. The `__Host-` prefix makes browsers accept it only with
/// `Secure`, `Path=/` and no `Domain`, so no other site or subdomain can set or shadow it.
pub const SESSION_COOKIE: &str = "__Host-portal_staff_session";
/// The name of the session cookie when the server is told to serve plain HTTP
/// (`PORTAL_INSECURE_COOKIES=1`), where `__Host-` cookies cannot be set.
pub const PLAIN_HTTP_SESSION_COOKIE: &str = "portal_staff_session";
/// The cookie that tells a browser an account has signed in on before (see
/// [`MAX_LOGIN_FAILURES_PER_USERNAME`]): a random id, kept hashed by the server.
pub const DEVICE_COOKIE: &str = "__Host-portal_staff_device";
/// [`DEVICE_COOKIE`] over plain HTTP.
pub const PLAIN_HTTP_DEVICE_COOKIE: &str = "portal_staff_device";
/// The header that carries the session's CSRF token.
pub const CSRF_HEADER: &str = "x-csrf-token";
