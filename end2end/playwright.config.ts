import { defineConfig } from '@playwright/test';

// The server is started by scripts/test.sh (fresh database, staff account, pinned clock) and
// its address handed over in MADOGUCHI_BASE_URL.
export default defineConfig({
  testDir: './tests',
  // A staff login may wait up to 30 s for a two-factor code it has not used yet (totp.ts), and
  // some journeys log in twice.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: process.env.MADOGUCHI_BASE_URL ?? 'http://127.0.0.1:3000',
    locale: 'ja-JP',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
