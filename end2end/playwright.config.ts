import { defineConfig, devices } from '@playwright/test';
import * as path from 'node:path';
import { ADMIN_USERNAME, ADMIN_PASSWORD } from './staff-credentials';

// scripts/test.sh picks a free port and a fresh database folder, and builds the release server
// and app; this config starts that server and points Debian's Chromium at it.
const port = Number(process.env.E2E_PORT ?? 18080);
const dbDir = process.env.E2E_DB_DIR ?? '/tmp/ip-portal-e2e';
const server = process.env.E2E_SERVER ?? 'target/release/portal-server';
const root = path.resolve(__dirname, '..');
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.E2E_REPORT ?? path.join(dbDir, 'report.json') }],
  ],
  use: {
    baseURL,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    command: server,
    cwd: root,
    url: `${baseURL}/api/v1/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORTAL_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${dbDir}/e2e.sqlite3`,
      PORTAL_DIST: path.join(root, 'dist'),
      RUST_LOG: 'warn',
      // A fixed "now" (Friday 2026-11-20, 10:00 in Shanghai) so booking windows and deadlines are
      // the same on every run, whatever the date CI runs on.
      PORTAL_NOW: '2026-11-20T10:00:00+08:00',
      // The first administrator of the test database (test-only credentials: the portal has no
      // default password). The workbench tests create the other staff accounts with it.
      PORTAL_ADMIN_USERNAME: ADMIN_USERNAME,
      PORTAL_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
  },
});
