/**
 * A support engineer with a backend that swapped key and secret: 12 joins, all 3712, all
 * unexplained until the secret is pasted into the real panel once. Then every row leads with
 * secret-swapped, the Correlation headline is the verified cause, the export says which attempts
 * were checked, and the secret is nowhere: not in the store, not in storage, not in the export.
 */
import { describe, expect } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tmpDir } from './harness/paths';
import { labTest } from './harness/fixture';
import { openLabPage, runJoins, screenshotPanel, waitForSettled } from '../../lab/run';
import { runJoinScenario } from '../../lab/join-run';
import { joinScenario } from '../../lab/join-scenarios';
import { CHECK_ACCOUNT_CAUSE, CHECK_SECRET_CAUSE } from '../../lib/correlate';

let panel: Page;

const it = labTest('session-secret');

it.beforeAll(async ({ b, server }) => {
  const page = await openLabPage(b, server, 'swapped');
  const results = await runJoins(page, 'swapped', 12, 'simulated');
  expect(results.filter((r) => !r.ok)).toHaveLength(12);
  const tab = await waitForSettled(b, server.origin, 12, 90_000);
  panel = await screenshotPanel(b, tab.tabId, path.join(tmpDir('screenshots'), 'session-secret-before.png'));
}, 240_000);

describe('the secret, once, for the whole session', () => {
  it('before the secret: 12 of 12 failures unexplained, the headline says check the secret, and the hint points to the secret field', async () => {
    expect(await panel.locator('[data-testid="cause-headline"]').textContent()).toBe('Token looks valid: check the secret (12 of 12 failures)');
    expect(await panel.locator('[data-testid="unexplained"] [data-check="verify-secret"]').textContent()).toContain('Verify with secret');
  });

  it('pasted once in Correlation: every attempt is checked and the headline is the verified swap', async ({ server }) => {
    const form = panel.locator('[data-testid="verify-secret"]');
    await form.locator('[data-testid="secret-input"]').fill(server.creds.sdkSecret);
    await form.locator('[data-testid="key-input"]').fill(server.creds.sdkKey);
    await form.locator('[data-testid="verify-button"]').click();
    await panel.waitForFunction(() => /Most likely cause: SDK key and secret swapped/.test(document.querySelector('[data-testid="cause-headline"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const headline = await panel.locator('[data-testid="cause-headline"]').textContent();
    expect(headline).toBe('Most likely cause: SDK key and secret swapped (verified with your secret) (12 of 12 failures)');
    // Joins in the same second share one token: each distinct token is checked once.
    expect(await panel.locator('[data-testid="secret-tally"]').textContent()).toMatch(/(\d+) distinct tokens? checked, \1 signed with the key \(swapped\)/);
    expect(await panel.locator('[data-testid="unexplained"]').getAttribute('data-count')).toBe('0');
    await panel.screenshot({ path: path.join(tmpDir('screenshots'), 'session-secret-after.png'), fullPage: true });

    // The join log, without pasting again: every row leads with secret-swapped.
    await panel.locator('[data-testid="tab-log"]').click();
    await panel.waitForSelector('[data-testid="attempt-row"]');
    const tops = await panel.locator('[data-testid="attempt-row"] [data-testid="top-finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(tops).toHaveLength(12);
    expect(new Set(tops)).toEqual(new Set(['secret-swapped']));
  });

  it('the secret is in no storage and no export; the export says which attempts were checked', async ({ b, server }) => {
    const w = await b.worker();
    const stored = await w.evaluate(async () => JSON.stringify([await (globalThis as any).chrome.storage.session.get(null), await (globalThis as any).chrome.storage.local.get(null)]));
    expect(stored).not.toContain(server.creds.sdkSecret);
    const exported = await panel.evaluate(async () => {
      let blob: Blob | null = null;
      const orig = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), orig(b));
      HTMLAnchorElement.prototype.click = function () {};
      (document.querySelector('[data-testid="export-button"]') as HTMLElement | null)?.click();
      await new Promise((r) => setTimeout(r, 200));
      (document.querySelector('[data-testid="export-json"]') as HTMLElement | null)?.click();
      await new Promise((r) => setTimeout(r, 500));
      return blob ? await (blob as Blob).text() : null;
    });
    expect(exported).not.toBeNull();
    // The swapped backend put the secret in appKey: not even the payload segment may carry it.
    expect(exported).not.toContain(server.creds.sdkSecret);
    expect(exported).not.toContain(Buffer.from(server.creds.sdkSecret).toString('base64url').slice(0, 20));
    const json = JSON.parse(exported!);
    expect(json.items[0].analysis.payload.appKey).toBe('<redacted-secret>');
    expect(json.items.every((i: any) => i.analysis.secretChecked === true && i.primaryCause.key === 'secret-swapped')).toBe(true);
    expect(json.correlation.causes[0]).toMatchObject({ key: 'secret-swapped', failures: 12, verified: true });
  });
});

describe('a 3712 on a token that verifies with the right secret (Server-to-Server OAuth credentials, an external account)', () => {
  it('once the secret verifies, the Correlation headline says what the answer line says: check the app type and the account, not the secret', async ({ b, server }) => {
    // The real SDK (component view) with the lab's own good token; the stand-in answers "Invalid signature.".
    const page = await b.context.newPage();
    const run = await runJoinScenario(b, server, page, joinScenario('code-3712')!, 'component');
    expect(run.error).toBeUndefined();
    expect(run.joins.map((j) => j.outcome)).toEqual([expect.stringMatching(/^failure 3712 /)]);
    const w = await b.worker();
    const tabId = (await w.evaluate(async () => {
      const all = (await (globalThis as any).chrome.storage.session.get(null)) as Record<string, { tabId?: number; pageUrl?: string } | null>;
      return Object.values(all).find((t) => typeof t?.pageUrl === 'string' && t.pageUrl.includes('/join/code-3712/'))?.tabId ?? null;
    })) as number | null;
    expect(tabId).not.toBeNull();
    const s2s = await screenshotPanel(b, tabId!, path.join(tmpDir('screenshots'), 'session-secret-verifies-before.png'));
    const headline = s2s.locator('[data-testid="cause-headline"]');
    expect(await headline.textContent()).toBe(`${CHECK_SECRET_CAUSE} (1 of 1 failure)`);

    const form = s2s.locator('[data-testid="verify-secret"]');
    await form.locator('[data-testid="secret-input"]').fill(server.creds.sdkSecret);
    await form.locator('[data-testid="key-input"]').fill(server.creds.sdkKey);
    await form.locator('[data-testid="verify-button"]').click();
    await s2s.waitForFunction((want) => document.querySelector('[data-testid="cause-headline"]')?.textContent === want, `${CHECK_ACCOUNT_CAUSE} (1 of 1 failure)`, { timeout: 30_000 });
    expect(await headline.getAttribute('data-key')).toBe('unexplained:3712:secret-verifies');
    // The secret ruled out, the next checks no longer ask for it.
    expect(await s2s.locator('[data-testid="unexplained"] [data-check="verify-secret"]').count()).toBe(0);
    expect(await s2s.locator('[data-testid="unexplained"] [data-check="credential-type"]').count()).toBe(1);
    await s2s.screenshot({ path: path.join(tmpDir('screenshots'), 'session-secret-verifies-after.png'), fullPage: true });

    // The answer line in the inspector says the same.
    await s2s.locator('[data-testid="tab-log"]').click();
    await s2s.locator('[data-testid="attempt-row"]').first().click();
    expect(await s2s.locator('[data-testid="answer-cause"]').textContent()).toBe(CHECK_ACCOUNT_CAUSE);
    expect(await s2s.locator('[data-testid="answer"]').getAttribute('data-kind')).toBe('check-account');
    await s2s.close();
    await page.close();
  }, 240_000);
});
