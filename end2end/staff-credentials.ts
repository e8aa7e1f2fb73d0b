// The first administrator of the browser tests' fresh database, given to the server by
// playwright.config.ts. Test-only: the portal itself has no built-in account or default password.
export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'e2e-only administrator passphrase';
/// The password the tests give the accounts they create.
export const STAFF_PASSWORD = 'e2e-only staff passphrase';
