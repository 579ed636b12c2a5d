// @ts-check
// Pasting a French invoice list and choosing the as-of date gives the aged balance worked
// out by hand in fixtures/pasted-invoices.js.
const { test, expect } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');
const pasted = require('../fixtures/pasted-invoices');

test('pasted semicolon CSV with French amounts gives the right aged balance', async ({ page }) => {
  const encours = new EncoursPage(page);
  await encours.open();

  await encours.paste(pasted.text);
  await encours.setAsOf(pasted.asOf);

  await encours.expectFigures(pasted.figures);
  await expect
    .poll(async () => Number(await encours.figure('percent-overdue-EUR').getAttribute('data-value')))
    .toBeCloseTo(pasted.percentOverdue, 1);
  await encours.expectSetting('parse-delimiter', ';');
  await encours.expectSetting('parse-decimal-mark', ',');
  await encours.expectSetting('parse-date-order', 'day-first');
});
