// What the widget leaves in the partner site's storage (which every script on the partner's page can read): the
// draft and a waiting signature hold no comment and carry the time they were saved; nothing personal is left once
// the server has acknowledged; anything older than a day is dropped unread and never sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, widgetReady, sqliteRows, CHEAP_ALTCHA } from '../lib/harness.mjs';
import { openPetition, fillSigner, counterText, pendingQueue, LABELS } from '../lib/petition.mjs';

const run = useVoixAndBrowser({ serveArgs: CHEAP_ALTCHA });
const COMMENT = 'I was surveilled at a protest in 2024';

/** Every key and value the page's two storages hold. */
async function storages(page) {
  return page.evaluate(() => ({
    local: Object.fromEntries(Object.entries(localStorage)),
    session: Object.fromEntries(Object.entries(sessionStorage)),
  }));
}

test('the comment never reaches the storage, and nothing personal stays once the signature is acknowledged', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  await counterText(page);
  await fillSigner(page, { first: 'Dana', last: 'Haddad', email: 'dana@example.org', postal: 'X0A 0H0' });
  await page.getByLabel('Comment (optional)').fill(COMMENT);
  await page.getByLabel(LABELS.en.first, { exact: true }).focus();

  const drafted = await storages(page);
  const draft = JSON.parse(drafted.session['voix-petition-draft:lawful-access']);
  assert.equal(draft.fields.email, 'dana@example.org', 'the draft survives a reload');
  assert.ok(Math.abs(draft.saved_at - Date.now() / 1000) < 120, `saved_at ${draft.saved_at}`);
  assert.ok(!JSON.stringify(drafted).includes('surveilled'), JSON.stringify(drafted));

  await context.setOffline(true);
  await page.getByRole('button', { name: LABELS.en.sign }).click();
  await page.getByRole('status').filter({ hasText: LABELS.en.saved }).waitFor();
  const waiting = await storages(page);
  assert.ok(!JSON.stringify(waiting).includes('surveilled'), JSON.stringify(waiting));
  const [entry] = await pendingQueue(page);
  assert.equal(entry.body.fields.email, 'dana@example.org');
  assert.ok(Math.abs(entry.saved_at - Date.now() / 1000) < 120, `saved_at ${entry.saved_at}`);

  await context.setOffline(false);
  await page.getByRole('heading', { name: LABELS.en.thanks }).waitFor({ timeout: 20_000 });
  const after = await storages(page);
  const left = JSON.stringify(after);
  for (const personal of ['dana@example.org', 'Dana', 'Haddad', 'X0A', 'surveilled']) {
    assert.ok(!left.includes(personal), `${personal} is left in ${left}`);
  }
  // The comment given while the page was open still reached the server (it was kept in memory only).
  const [row] = sqliteRows(run.voix, "SELECT comment FROM signatures WHERE email = 'dana@example.org'");
  assert.equal(row.comment, COMMENT);
  await context.close();
});

test('a signature left waiting for more than a day is dropped unread, never sent', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  const root = `${run.voix.origin}/api/campaigns/lawful-access`;
  const stale = [{
    api: root,
    body: { campaign: 'lawful-access', partner: 'demo', lang: 'en', idempotency_key: 'stale0000000000000000000000000000',
      fields: { first_name: 'Old', last_name: 'Entry', email: 'stale@example.org', postal_code: 'X0A 0H0' } },
    saved_at: Math.floor(Date.now() / 1000) - 24 * 3600 - 60,
  }];
  await page.evaluate((queue) => localStorage.setItem('voix-petition-pending', JSON.stringify(queue)), stale);
  await page.reload();
  await widgetReady(page);
  await page.getByRole('tab', { name: LABELS.en.tab, exact: true }).click();
  await page.locator('.voix-sign').waitFor();
  await page.waitForTimeout(1500);
  assert.deepEqual(await pendingQueue(page), [], 'the stale entry left the storage');
  assert.equal(sqliteRows(run.voix, "SELECT COUNT(*) AS n FROM signatures WHERE email = 'stale@example.org'")[0].n, 0);
  await context.close();
});
