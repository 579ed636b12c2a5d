// @ts-check
// A reload shows the same report: the input, the as-of date and the figures come back from
// local storage.
const { test, expect } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');
const pasted = require('../fixtures/pasted-invoices');

test('reloading the page keeps the data, the as-of date and the figures', async ({ page }) => {
  const encours = new EncoursPage(page);
  await encours.open();
  await encours.paste(pasted.text);
  await encours.setAsOf(pasted.asOf);
  await encours.expectFigures(pasted.figures);

  await page.reload();

  await expect(encours.asOf).toHaveValue(pasted.asOf);
  await encours.expectFigures(pasted.figures);
});
