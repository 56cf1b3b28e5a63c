// The whole letter flow on a phone (375 px), sent through the person's email app: postal code → riding →
// recipients → points and story → a mailto link carrying exactly the letter. axe-core at every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useVoixAndBrowser, openLetter, findRiding, seriousViolations, SCREENSHOTS } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

function decodeMailto(href) {
  const [address, query] = href.replace(/^mailto:/, '').split('?');
  const params = new URLSearchParams(query.replaceAll('+', '%2B'));
  return { to: decodeURIComponent(address).split(','), subject: params.get('subject'), body: params.get('body') };
}

test('a constituent writes to their MP from a phone and opens the letter in their email app', async () => {
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin);
  assert.deepEqual(await seriousViolations(page), [], 'axe: postal code step');

  await findRiding(page, 'k1a-0a6');
  assert.match(await page.locator('.voix-riding-name').textContent(), /Ottawa Centre/);
  assert.deepEqual(await seriousViolations(page), [], 'axe: riding confirmed');

  const cards = page.locator('.voix-card');
  assert.match(await cards.first().textContent(), /Yasir Naqvi.*Ottawa Centre/s);
  assert.match(await cards.nth(1).textContent(), /Gary Anandasangaree.*Minister of Public Safety/s);

  await page.getByLabel('Your story').fill('I am a nurse in Ottawa. My patients trust me with private things.');
  await page.getByLabel('Your name', { exact: true }).fill('Alex Tremblay');
  const message = await page.locator('#voix-message').inputValue();
  assert.match(message, /I am a nurse in Ottawa/);
  assert.match(await page.locator('.voix-salutation').textContent(), /^Dear Yasir Naqvi,$/);
  assert.deepEqual(await seriousViolations(page), [], 'axe: writing');
  await page.locator('.voix-letter').screenshot({ path: join(SCREENSHOTS, 'letter-en-375.png') });

  const link = page.getByRole('link', { name: 'Open in my email app' });
  const mail = decodeMailto(await link.getAttribute('href'));
  assert.deepEqual(mail.to, ['yasir.naqvi@parl.gc.ca', 'gary.anand@parl.gc.ca']);
  assert.equal(mail.subject, await page.locator('#voix-subject').inputValue());
  assert.ok(mail.body.startsWith('Dear Yasir Naqvi,\r\n\r\n'), mail.body.slice(0, 40));
  assert.ok(mail.body.includes(message.replaceAll('\n', '\r\n')), 'the body carries the letter as shown');
  assert.ok(mail.body.includes('Alex Tremblay'));
  assert.ok(mail.body.includes('K1A 0A6'), 'the sender block has the postal code');

  // The person's own edits travel too.
  await page.locator('#voix-message').fill(`${message}\n\nP.S. Please reply.`);
  assert.ok(decodeMailto(await link.getAttribute('href')).body.includes('P.S. Please reply.'));

  await link.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
  await link.click();
  await page.getByRole('heading', { name: 'Thank you for writing to your MP!' }).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'axe: thank-you');
  await page.getByRole('button', { name: 'Next: sign the petition' }).click();
  assert.equal(await page.getByRole('tab', { name: 'Sign' }).getAttribute('aria-selected'), 'true');
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  await context.close();
});

test('a letter too long for a mailto link says so and keeps the subject only', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin);
  await findRiding(page, 'K1A 0A6');
  for (const box of await page.locator('.voix-points input[type=checkbox]').all()) await box.check();
  await page.getByLabel('Your story').fill('My story. '.repeat(60));
  await page.getByText('too long to pass to your email app').waitFor();
  const mail = decodeMailto(await page.getByRole('link', { name: 'Open in my email app' }).getAttribute('href'));
  assert.equal(mail.body, null);
  assert.ok(mail.subject.length > 5);
  await context.close();
});
