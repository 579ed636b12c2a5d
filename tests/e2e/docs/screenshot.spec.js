// @ts-check
// Retakes docs/screenshot.png for the README: the release build with the sample data loaded,
// scrolled to the aged balance. Run by scripts/screenshot.sh (project `docs`), not by the
// test suite.
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');

test.use({ viewport: { width: 1280, height: 900 } });

test('README screenshot', async ({ page }) => {
  const encours = new EncoursPage(page);
  await encours.open();
  await encours.sample.click();
  const agedBalance = encours.heading('Balance âgée');
  await expect(agedBalance).toBeVisible();

  // The report, from its first heading down, rather than the import form above it.
  await agedBalance.evaluate((heading) => {
    const section = heading.closest('section') || heading;
    section.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -16);
  });
  await page.screenshot({ path: path.join(__dirname, '..', '..', '..', 'docs', 'screenshot.png') });
});
