// @ts-check
// "Effacer mes données" wipes the report and the stored key, and a reload brings nothing back.
const { test, expect } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');
const pasted = require('../fixtures/pasted-invoices');

test('clearing my data removes the figures and the stored key', async ({ page }) => {
  const encours = new EncoursPage(page);
  await encours.open();
  await encours.paste(pasted.text);
  await encours.setAsOf(pasted.asOf);
  await encours.expectFigures(pasted.figures);
  await expect.poll(() => encours.stored()).not.toBeNull();

  await encours.clear.click();

  await expect(encours.figure('total-outstanding-EUR')).toHaveCount(0);
  await expect(encours.figure('open-invoices')).toHaveCount(0);
  await expect.poll(() => encours.stored()).toBeNull();
  await page.reload();
  await expect(encours.csvText).toBeVisible();
  await expect(encours.figure('total-outstanding-EUR')).toHaveCount(0);
  expect(await encours.stored()).toBeNull();
});
