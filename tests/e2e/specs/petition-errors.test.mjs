// The petition's errors: found before sending with the server's own rules, shown on each field and in a summary
// that is announced, focus on the first; nothing typed is lost on a reload; the server's 422 lands on its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, seriousViolations, sqliteRows, CHEAP_ALTCHA } from '../lib/harness.mjs';
import { openPetition, fillSigner, hasFocus, pendingQueue, LABELS } from '../lib/petition.mjs';

const run = useVoixAndBrowser({ serveArgs: CHEAP_ALTCHA });

test('inline errors are announced, linked to their fields, and focus goes to the first', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  await fillSigner(page, { last: 'Roy', email: 'lea@', postal: 'K1A' });
  await page.getByRole('button', { name: LABELS.en.sign }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Please fix these problems:' });
  await summary.waitFor();
  const items = await summary.getByRole('link').allTextContents();
  assert.deepEqual(items.slice(0, 3), [
    'First name: This field is required.',
    'Email: Enter an email address like name@example.org.',
    items[2],
  ]);
  assert.match(items[2], /^Postal code: /);
  const first = page.getByLabel('First name', { exact: true });
  await page.waitForFunction(() => true);
  assert.ok(await hasFocus(first), 'focus is on the first field with a problem');
  assert.equal(await first.getAttribute('aria-invalid'), 'true');
  const describedBy = (await first.getAttribute('aria-describedby')).split(' ');
  const errorText = await page.locator(`#${describedBy.at(-1)}`).textContent();
  assert.equal(errorText, 'This field is required.');
  // The field's accessible description carries its error.
  const email = page.getByLabel('Email', { exact: true });
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await seriousViolations(page), [], 'axe: errors');

  // A link in the summary takes the person to its field.
  await summary.getByRole('link', { name: /^Email:/ }).click();
  assert.ok(await hasFocus(email));
  // Fixing a field clears its error.
  await email.fill('lea@example.org');
  assert.equal(await email.getAttribute('aria-invalid'), 'false');
  assert.equal(sqliteRows(run.voix, 'SELECT COUNT(*) AS n FROM signatures')[0].n, 0, 'nothing was sent');
  await context.close();
});

test('a reload keeps what was typed, except the comment, which is never stored', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  await fillSigner(page, { first: 'Léa', last: 'Roy', email: 'lea@example.org', postal: 'X0A 0H0' });
  await page.getByLabel('Comment (optional)').fill('Two lines\nof comment.');
  await page.getByRole('checkbox', { name: /Rights First may email me/ }).check();
  await page.reload();
  await page.getByRole('tab', { name: 'Sign', exact: true }).click();
  await page.locator('.voix-sign').waitFor();
  assert.equal(await page.getByLabel('First name', { exact: true }).inputValue(), 'Léa');
  assert.equal(await page.getByLabel('Last name', { exact: true }).inputValue(), 'Roy');
  assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), 'lea@example.org');
  assert.equal(await page.getByLabel('Postal code', { exact: true }).inputValue(), 'X0A 0H0');
  // The partner site's storage never holds the comment (every script on that page can read it).
  assert.equal(await page.getByLabel('Comment (optional)').inputValue(), '');
  assert.equal(await page.getByRole('checkbox', { name: /Rights First may email me/ }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: /ICLMG may email me/ }).isChecked(), false);
  // The draft is this tab's only: another tab (a new session) starts blank.
  const other = await context.newPage();
  await other.goto(`${run.voix.origin}/`);
  await other.getByRole('tab', { name: 'Sign', exact: true }).click();
  assert.equal(await other.getByLabel('First name', { exact: true }).inputValue(), '');
  await context.close();
});

test("the server's 422 is shown on its field, and the signature is not kept for resending", async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  // The page checks first, so make the server see an answer the page never checked: an email it refuses.
  await page.route('**/api/campaigns/lawful-access/signatures', (route) => {
    const body = JSON.parse(route.request().postData());
    body.fields.email = 'not-an-address';
    return route.continue({ postData: JSON.stringify(body) });
  });
  await fillSigner(page, { first: 'Léa', last: 'Roy', email: 'lea@example.org', postal: 'X0A 0H0' });
  await page.getByRole('button', { name: LABELS.en.sign }).click();
  const email = page.getByLabel('Email', { exact: true });
  await page.locator('#voix-pet-email-error').filter({ hasText: 'Enter an email address like name@example.org.' }).waitFor({ timeout: 20_000 });
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.ok(await hasFocus(email));
  assert.equal(await page.getByLabel('First name', { exact: true }).inputValue(), 'Léa', 'the answers stay');
  assert.deepEqual(await pendingQueue(page), []);
  assert.equal(sqliteRows(run.voix, 'SELECT COUNT(*) AS n FROM signatures')[0].n, 0);
  await context.close();
});
