// @ts-check
// An Excel workbook (date cells, numeric amounts) is read like a CSV.
const path = require('node:path');
const { test } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');
const workbook = require('../fixtures/workbook');

test('an .xlsx workbook gives the right aged balance', async ({ page }) => {
  const encours = new EncoursPage(page);
  await encours.open();

  await encours.upload(path.join(__dirname, '..', 'fixtures', workbook.fileName));
  await encours.setAsOf(workbook.asOf);

  await encours.expectFigures(workbook.figures);
});
