// @ts-check
// Playwright drives Debian's Chromium (/usr/bin/chromium; no `npx playwright install`) against
// the release build in ../../dist, served by ./server.js on a loopback port.
//
// Projects: `e2e` (the specs, run by scripts/test.sh) and `docs` (retakes the README's
// screenshot, run by scripts/screenshot.sh).
const path = require('node:path');
const { defineConfig } = require('@playwright/test');

const port = Number(process.env.E2E_PORT || 4178);
// The built app to serve; E2E_DIST points elsewhere (e.g. a build in another folder).
const dist = path.resolve(process.env.E2E_DIST || path.join(__dirname, '..', '..', 'dist'));
const baseURL = `http://127.0.0.1:${port}`;

module.exports = defineConfig({
  testDir: '.',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // A flaky spec must fail, not pass on its second try.
  retries: 0,
  workers: 2,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'playwright-report/results.json' }]],
  use: {
    baseURL,
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without the background-networking flags Chromium calls Google's hosts at start-up.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'e2e', testMatch: 'specs/*.spec.js' },
    { name: 'docs', testMatch: 'docs/*.spec.js' },
  ],
  webServer: {
    command: `node server.js ${JSON.stringify(dist)} ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
