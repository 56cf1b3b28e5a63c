// A letter sent from the letter tool is counted on the server: riding, recipients, channel and partner only —
// no letter text and nothing about the writer leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, openLetter, findRiding, sqliteRows } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

test('sending a letter through the email app records counts only', async () => {
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin);
  const posted = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/campaigns/lawful-access/letters')) posted.push(JSON.parse(request.postData()));
  });
  await findRiding(page, 'K1A 0A6');
  await page.getByLabel('Your story').fill('I am a nurse in Ottawa.');
  await page.getByLabel('Your name', { exact: true }).fill('Alex Tremblay');
  const link = page.getByRole('link', { name: 'Open in my email app' });
  await link.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
  const recorded = page.waitForResponse((r) => r.url().endsWith('/letters') && r.request().method() === 'POST');
  await link.click();
  assert.equal((await recorded).status(), 200);

  // Ontario's senators are asked too (the campaign is at the Senate stage): counted once, as "senators".
  assert.deepEqual(posted, [{ partner: 'demo', riding: 35079, targets: ['own_mp', 'extra:0', 'senators'], channel: 'email_app' }]);
  const rows = sqliteRows(run.voix, 'SELECT riding, partner_id, target, channel, letters FROM letter_counts ORDER BY target');
  assert.deepEqual(rows, [
    { riding: 35079, partner_id: 'demo', target: 'extra:0', channel: 'email_app', letters: 1 },
    { riding: 35079, partner_id: 'demo', target: 'own_mp', channel: 'email_app', letters: 1 },
    { riding: 35079, partner_id: 'demo', target: 'senators', channel: 'email_app', letters: 1 },
  ]);
  const stats = await (await fetch(`${run.voix.origin}/api/campaigns/lawful-access/stats`)).json();
  assert.equal(stats.letters, 3);
  assert.deepEqual(seen.consoleErrors, []);
  await context.close();
});
