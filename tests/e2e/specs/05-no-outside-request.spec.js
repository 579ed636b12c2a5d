// @ts-check
// No request leaves the origin: every request of the page and its workers during a whole
// session (sample, paste, upload, settings, language, export, clear) goes to the test server.
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { EncoursPage } = require('../pages/encours-page');
const pasted = require('../fixtures/pasted-invoices');

const workbook = path.join(__dirname, '..', 'fixtures', 'factures.xlsx');

test('no request leaves the origin during a whole session', async ({ page, context, baseURL }) => {
  // Record every request of the context (pages and workers), every WebSocket, and the
  // Content-Security-Policy refusals, which block a request before it is seen.
  const origin = new URL(String(baseURL)).origin;
  const outside = [];
  const seen = [];
  context.on('request', (request) => {
    const url = request.url();
    seen.push(url);
    // data: URLs carry their bytes inline: nothing is sent anywhere.
    if (url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) outside.push(`${request.method()} ${url}`);
  });
  page.on('websocket', (socket) => outside.push(`websocket ${socket.url()}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) outside.push(`CSP: ${message.text()}`);
  });
  const encours = new EncoursPage(page);

  // The whole flow: every control that reads or writes data.
  await encours.open();
  await encours.sample.click();
  await expect(encours.figure('open-invoices')).toBeVisible();
  await encours.paste(pasted.text);
  await encours.setAsOf(pasted.asOf);
  await encours.expectFigures(pasted.figures);
  await encours.upload(workbook);
  await expect(encours.figure('rows-read')).toHaveAttribute('data-value', '4');
  await encours.sortBy.selectOption({ label: 'Score combiné' });
  await Promise.all([
    page.waitForEvent('download', { timeout: 5_000 }).catch(() => null),
    encours.exportCsv.click(),
  ]);
  await encours.english.click();
  await encours.french.click();
  await page.reload();
  await expect(encours.figure('open-invoices')).toBeVisible();
  await encours.clear.click();
  await expect(encours.figure('open-invoices')).toHaveCount(0);

  // The listener did see the app's own files, and nothing else.
  expect(seen.some((url) => url.endsWith('.wasm')), 'the .wasm request was recorded').toBe(true);
  expect(outside, 'requests outside the origin').toEqual([]);
});
