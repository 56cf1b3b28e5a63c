// Helpers shared by the petition specs: open the demo page on the petition, fill the form, read the counts.
import { watch, widgetReady } from './harness.mjs';

export const LABELS = {
  en: { tab: 'Sign', first: 'First name', last: 'Last name', email: 'Email', postal: 'Postal code', sign: 'Sign the petition',
    thanks: 'Thank you for signing!', saved: 'Your signature is saved on this device' },
  fr: { tab: 'Signer', first: 'Prénom', last: 'Nom de famille', email: 'Courriel', postal: 'Code postal', sign: 'Signer la pétition',
    thanks: 'Merci d\'avoir signé', saved: 'Votre signature est enregistrée sur cet appareil' },
};

/** The demo page at `width`, on the petition tab, in `lang`. */
export async function openPetition(browser, origin, { width = 375, lang = 'en', context: existing } = {}) {
  const context = existing ?? await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const seen = await watch(page);
  await page.goto(`${origin}/`);
  await widgetReady(page);
  if (lang === 'fr') await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('tab', { name: LABELS[lang].tab, exact: true }).click();
  await page.locator('.voix-sign').waitFor();
  return { context, page, seen };
}

/** Fills the built-in fields. */
export async function fillSigner(page, { first, last, email, postal }, lang = 'en') {
  const l = LABELS[lang];
  if (first !== undefined) await page.getByLabel(l.first, { exact: true }).fill(first);
  if (last !== undefined) await page.getByLabel(l.last, { exact: true }).fill(last);
  if (email !== undefined) await page.getByLabel(l.email, { exact: true }).fill(email);
  if (postal !== undefined) await page.getByLabel(l.postal, { exact: true }).fill(postal);
}

/** The counter's line once stats have loaded, e.g. "3 signatures of a 10,000 goal". */
export async function counterText(page) {
  const count = page.locator('.voix-count');
  await count.waitFor();
  return (await count.textContent()).trim();
}

export async function stats(origin) {
  const response = await fetch(`${origin}/api/campaigns/lawful-access/stats`);
  return response.json();
}

/** Whether `locator` has focus (inside its shadow root). */
export async function hasFocus(locator) {
  return locator.evaluate((element) => element.getRootNode().activeElement === element);
}

/** The pending queue the widget keeps in localStorage. */
export async function pendingQueue(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('voix-petition-pending') ?? '[]'));
}
