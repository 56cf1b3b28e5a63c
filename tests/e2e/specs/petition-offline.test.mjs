// Flaky networks: a signature made offline is kept in the page's storage and sent exactly once when the network
// returns (on the `online` event, or on the next visit); a retry after a dropped connection is not counted twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, widgetReady, sqliteRows, CHEAP_ALTCHA } from '../lib/harness.mjs';
import { openPetition, fillSigner, counterText, stats, pendingQueue, LABELS } from '../lib/petition.mjs';

const run = useVoixAndBrowser({ serveArgs: CHEAP_ALTCHA });

function signaturesOf(email) {
  return sqliteRows(run.voix, `SELECT COUNT(*) AS n FROM signatures WHERE email = '${email}'`)[0].n;
}

test('signed offline, saved, then sent exactly once on the next visit when the network is back', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  await counterText(page);
  const before = (await stats(run.voix.origin)).total;
  await fillSigner(page, { first: 'Ana', last: 'Silva', email: 'ana@example.org', postal: 'X0A 0H0' });

  await context.setOffline(true);
  await page.getByRole('button', { name: LABELS.en.sign }).click();
  const status = page.getByRole('status').filter({ hasText: LABELS.en.saved });
  await status.waitFor();
  assert.match(await status.textContent(), /You are offline/);
  const queue = await pendingQueue(page);
  assert.equal(queue.length, 1);
  assert.match(queue[0].body.idempotency_key, /^[0-9a-f]{32}$/);
  assert.equal(queue[0].body.altcha, undefined, 'the queue holds no proof-of-work');
  assert.deepEqual(Object.keys(queue[0]).sort(), ['api', 'body', 'saved_at']);
  assert.equal(signaturesOf('ana@example.org'), 0);

  // The person leaves while still offline (closing the page, so no `online` event can reach it), and comes
  // back later with the network: the new visit finds the signature in storage and sends it.
  await page.close();
  await context.setOffline(false);
  const next = { page: await context.newPage() };
  await next.page.goto(`${run.voix.origin}/`);
  await widgetReady(next.page);
  await next.page.getByRole('tab', { name: LABELS.en.tab, exact: true }).click();
  await next.page.getByRole('heading', { name: LABELS.en.thanks }).waitFor({ timeout: 20_000 });
  assert.equal(signaturesOf('ana@example.org'), 1);
  assert.equal((await stats(run.voix.origin)).total, before + 1);
  assert.deepEqual(await pendingQueue(next.page), []);

  // Another visit sends nothing again.
  await next.page.reload();
  await widgetReady(next.page);
  await next.page.waitForTimeout(1500);
  assert.equal((await stats(run.voix.origin)).total, before + 1);
  assert.equal(signaturesOf('ana@example.org'), 1);
  await context.close();
});

test('signed offline, then sent by itself when the browser is back online', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  await counterText(page);
  const before = (await stats(run.voix.origin)).total;
  await fillSigner(page, { first: 'Ben', last: 'Okafor', email: 'ben@example.org', postal: 'X0A 0H0' });
  await context.setOffline(true);
  await page.getByRole('button', { name: LABELS.en.sign }).click();
  await page.getByRole('status').filter({ hasText: LABELS.en.saved }).waitFor();
  await context.setOffline(false);
  await page.getByRole('heading', { name: LABELS.en.thanks }).waitFor({ timeout: 20_000 });
  assert.equal(await counterText(page), `${before + 1} signatures of a 10,000 goal`);
  assert.equal(signaturesOf('ben@example.org'), 1);
  assert.deepEqual(await pendingQueue(page), []);
  await context.close();
});

test('a dropped connection after the server stored the signature: the retry is answered, not counted again', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  await counterText(page);
  const before = (await stats(run.voix.origin)).total;
  const keys = [];
  let dropped = false;
  await page.route('**/api/campaigns/lawful-access/signatures', async (route) => {
    keys.push(JSON.parse(route.request().postData()).idempotency_key);
    if (!dropped) {
      dropped = true;
      await route.fetch(); // the server receives and stores it…
      return route.abort('connectionreset'); // …but its answer never reaches the page.
    }
    return route.continue();
  });
  await fillSigner(page, { first: 'Chloé', last: 'Martin', email: 'chloe@example.org', postal: 'X0A 0H0' });
  await page.getByRole('button', { name: LABELS.en.sign }).click();
  await page.getByRole('heading', { name: LABELS.en.thanks }).waitFor({ timeout: 30_000 });
  assert.equal(keys.length, 2, 'sent twice');
  assert.equal(keys[0], keys[1], 'with the same idempotency key');
  assert.equal(signaturesOf('chloe@example.org'), 1);
  assert.equal((await stats(run.voix.origin)).total, before + 1);
  assert.equal(await counterText(page), `${before + 1} signatures of a 10,000 goal`);
  await context.close();
});
