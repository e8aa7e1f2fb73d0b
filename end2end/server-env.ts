import * as path from 'node:path';
import { ADMIN_USERNAME, ADMIN_PASSWORD } from './staff-credentials';

// How the browser tests run the real release server: scripts/test.sh picks a free port and a
// fresh database folder and builds the server and the apps. playwright.config.ts starts the
// main server with these settings; a test that needs time to have passed (check-in on the day
// of a booking, a deadline gone by) starts a second server on the same database with a later
// clock (end2end/tests/later-server.ts).

export const port = Number(process.env.E2E_PORT ?? 18080);
export const dbDir = process.env.E2E_DB_DIR ?? '/tmp/ip-portal-e2e';
export const root = path.resolve(__dirname, '..');
export const server = path.resolve(root, process.env.E2E_SERVER ?? 'target/release/portal-server');

/// A fixed "now" (Friday 2026-11-20, 10:00 in Shanghai) so booking windows and deadlines are the
/// same on every run, whatever the date CI runs on.
export const PINNED_NOW = '2026-11-20T10:00:00+08:00';

/// The environment of a server listening on `addr` whose clock says `now`.
export function serverEnv(addr: string, now: string): Record<string, string> {
  return {
    PORTAL_ADDR: addr,
    DATABASE_URL: `sqlite://${dbDir}/e2e.sqlite3`,
    PORTAL_DIST: path.join(root, 'dist'),
    RUST_LOG: 'warn',
    PORTAL_NOW: now,
    // The first administrator of the test database (test-only credentials: the portal has no
    // default password). The workbench tests create the other staff accounts with it.
    PORTAL_ADMIN_USERNAME: ADMIN_USERNAME,
    PORTAL_ADMIN_PASSWORD: ADMIN_PASSWORD,
    // Every test books from 127.0.0.1 with the clock standing still, so the per-address limit
    // on new bookings (6 an hour, 20 a day) would soon refuse them all: 127.0.0.1 is treated as
    // the service hall's own address. The limit itself is tested over HTTP (tests/api/scalping.rs).
    PORTAL_BOOKING_LIMIT_EXEMPT: '127.0.0.1',
    // The firm tests that sign up over the API say which address they come from
    // (`X-Forwarded-For`, trusted from 127.0.0.1 only), so that together they stay within the
    // 10 sign-ups an hour allowed per address; a browser's requests carry no such header and
    // count as 127.0.0.1 as before.
    PORTAL_TRUSTED_PROXIES: '127.0.0.1',
  };
}
