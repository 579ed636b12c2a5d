// @ts-check
// The language button switches the interface to English and back to French.
const { test, expect } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');

test('the language toggle switches the headings to English and back', async ({ page }) => {
  const encours = new EncoursPage(page);
  await encours.open();
  await encours.sample.click();
  await expect(encours.heading('Balance âgée')).toBeVisible();

  await encours.english.click();

  for (const name of ['Aged balance', 'Open invoices', 'Who to chase first']) {
    await expect(encours.heading(name)).toBeVisible();
  }
  await expect(encours.heading('Balance âgée')).toHaveCount(0);
  await expect(page.getByLabel('Invoice data (CSV)', { exact: true })).toBeVisible();
  await encours.french.click();
  await expect(encours.heading('Balance âgée')).toBeVisible();
  await expect(encours.english).toBeVisible();
});
