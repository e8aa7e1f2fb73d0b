import { defineConfig, devices } from '@playwright/test';
import * as path from 'node:path';
import { port, dbDir, root, server, serverEnv, PINNED_NOW } from './server-env';

// scripts/test.sh picks a free port and a fresh database folder, and builds the release server
// and app; this config starts that server (settings in server-env.ts) and points Debian's
// Chromium at it.
const baseURL = `http://127.0.0.1:${port}`;
/// Every spec that calls startServerAt (tests/later-server.ts).
const LATER_CLOCK_SPECS = /(later-clock|check-in|notices|privacy)\.spec\.ts$/;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // CI's 2-core machine ran these 2-3 times slower than a developer's (a policy page's axe scan:
  // 11 s here, 35 s there): the limits are a safety net sized for that machine, not a speed test.
  timeout: 90_000,
  expect: { timeout: 15_000 },
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
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testIgnore: LATER_CLOCK_SPECS,
    },
    // The specs that start a second server with a later clock on the same database
    // (tests/later-server.ts). A staff login deletes the sessions idle by its server's clock,
    // which on a later clock is every session the main server's tests hold: these run after
    // all the others, one at a time.
    {
      name: 'later-clock',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testMatch: LATER_CLOCK_SPECS,
      dependencies: ['desktop'],
      workers: 1,
    },
  ],
  webServer: {
    command: server,
    cwd: root,
    url: `${baseURL}/api/v1/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: serverEnv(`127.0.0.1:${port}`, PINNED_NOW),
  },
});
