// @ts-check
// The one screen of Encours: the import controls, the report and the settings, located by
// role and label with the French names of the UI contract; figures by data-testid.
const { expect } = require('@playwright/test');

/** The localStorage key the app keeps everything under. */
const STORAGE_KEY = 'encours.v1';

/** An amount or count as written in data-value, without trailing zeros: "5.10" -> "5.1". */
function canonical(value) {
  if (value === null || !/^-?\d+(\.\d+)?$/.test(value)) return `not a plain number: ${value}`;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

class EncoursPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.english = page.getByRole('button', { name: 'English', exact: true });
    this.french = page.getByRole('button', { name: 'Français', exact: true });
    this.csvText = page.getByLabel('Données des factures (CSV)', { exact: true });
    this.analyse = page.getByRole('button', { name: 'Analyser', exact: true });
    this.fileInput = page.getByLabel('Choisir un fichier', { exact: true });
    this.sample = page.getByRole('button', { name: "Essayer avec l'exemple", exact: true });
    this.asOf = page.getByLabel("Date d'arrêté", { exact: true });
    this.sortBy = page.getByLabel('Trier par', { exact: true });
    this.clear = page.getByRole('button', { name: 'Effacer mes données', exact: true });
    this.exportCsv = page.getByRole('button', { name: 'Exporter CSV', exact: true });
  }

  /** Opens the app and waits for it to mount (the CSV box is its first control). */
  async open() {
    await this.page.goto('/');
    await expect(this.csvText).toBeVisible();
  }

  /** Pastes CSV text into the box and asks for the analysis. */
  async paste(text) {
    await this.csvText.fill(text);
    await this.analyse.click();
  }

  /**
   * Chooses a file through the file input, from a path or from bytes.
   * @param {string | {name: string, mimeType: string, buffer: Buffer}} file
   */
  async upload(file) {
    await this.fileInput.setInputFiles(file);
  }

  /** Sets the as-of date, written `YYYY-MM-DD` as a date input holds it. */
  async setAsOf(isoDate) {
    await this.asOf.fill(isoDate);
    await expect(this.asOf).toHaveValue(isoDate);
  }

  /** The figure with this data-testid. */
  figure(testId) {
    return this.page.getByTestId(testId);
  }

  /** Waits until the figure's data-value is `expected` (amounts compared without trailing 0s). */
  async expectFigure(testId, expected) {
    await expect
      .poll(async () => canonical(await this.figure(testId).first().getAttribute('data-value')), {
        message: `data-value of [data-testid="${testId}"]`,
      })
      .toBe(canonical(expected));
  }

  /** Checks several figures, given as { testId: expectedValue }. */
  async expectFigures(figures) {
    for (const [testId, expected] of Object.entries(figures)) {
      await this.expectFigure(testId, expected);
    }
  }

  /** Waits until the figure's data-value is a string equal to `expected` (no normalising). */
  async expectSetting(testId, expected) {
    await expect(this.figure(testId).first()).toHaveAttribute('data-value', expected);
  }

  /** A section heading by its exact name. */
  heading(name) {
    return this.page.getByRole('heading', { name, exact: true });
  }

  /** What the app stored under its key, or null. */
  async stored() {
    return this.page.evaluate((key) => window.localStorage.getItem(key), STORAGE_KEY);
  }
}

module.exports = { EncoursPage, STORAGE_KEY };
