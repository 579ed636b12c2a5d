// @ts-check
// A semicolon CSV saved by Excel in Windows-1252 is decoded right (names intact), its French
// amounts read, and the encoding shown.
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');
const cp1252 = require('../fixtures/windows-1252');

test('a Windows-1252 CSV is decoded, read and its encoding shown', async ({ page }) => {
  const encours = new EncoursPage(page);
  await encours.open();

  await encours.upload(path.join(__dirname, '..', 'fixtures', cp1252.fileName));
  await encours.setAsOf(cp1252.asOf);

  await encours.expectFigures(cp1252.figures);
  await encours.expectSetting('parse-encoding', 'windows-1252');
  await encours.expectSetting('parse-delimiter', ';');
  await encours.expectSetting('parse-decimal-mark', ',');
  for (const client of cp1252.clients) {
    await expect(page.getByText(client, { exact: true }).first()).toBeVisible();
  }
});
