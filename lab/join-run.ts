/**
 * Runs join scenarios (lab/join-scenarios.ts) in the lab's browser with the real SDK: one
 * navigation per join (a fresh document, so the client view's one-join-per-10-s limit never spans
 * two runs), then the extension's stored capture of that document, analysed as the panel and the
 * report analyse it (run.ts analyseAll), compared with the scenario's expected finding ids.
 * A batch spreads its runs over a few tabs of one browser.
 */
import type { Page } from 'playwright-core';
import { isSettled, type JoinAttempt } from '../lib/model/attempt';
import type { LabBrowser } from './launch';
import type { LabServer } from './server';
import { analyseAll } from './run';
import { BROKEN_WASM, type JoinScenario, type JoinView } from './join-scenarios';
import { joinPageTimeoutMs } from './join-page';
import { setSettleTimeout } from './extension-worker';

/** Findings set aside before comparing: iat-quantized is right by chance once in 128 fresh tokens. */
const CHANCE = new Set(['iat-quantized']);

export interface JoinCheck {
  /** The SDK's outcome as the extension stored it. */
  outcome: string;
  got: string[];
  expected: readonly string[];
  ok: boolean;
}

export interface JoinRunResult {
  scenario: JoinScenario;
  view: JoinView;
  ms: number;
  /** Of `ms`: loading the page until labJoin exists. */
  loadMs?: number;
  /** What the page's callbacks / promise saw. */
  saw: unknown[];
  joins: JoinCheck[];
  ok: boolean;
  /** Why the run could not be judged (nothing captured in time, page did not load). */
  error?: string;
}

let runCounter = 0;

function outcomeText(a: JoinAttempt): string {
  const o = a.outcome;
  if (o.kind === 'failure') return `failure ${o.code ?? '(no code)'}${o.message ? ` "${o.message.slice(0, 60)}"` : ''}${typeof o.serverCode === 'number' ? ` (Zoom ${o.serverCode})` : ''}`;
  if (o.kind === 'timeout') return `no callback (timeout after ${Math.round(o.afterMs / 1000)} s)`;
  return o.kind;
}

async function storedAttempts(b: LabBrowser, marker: string): Promise<JoinAttempt[]> {
  const w = await b.worker();
  const all = (await w.evaluate(() => (globalThis as any).chrome.storage.session.get(null))) as Record<string, { pageUrl?: unknown; attempts?: unknown } | null>;
  const out: JoinAttempt[] = [];
  for (const s of Object.values(all)) {
    if (!s || !Array.isArray(s.attempts)) continue;
    for (const a of s.attempts as JoinAttempt[]) {
      const url = a.pageUrl ?? (typeof s.pageUrl === 'string' ? s.pageUrl : '');
      if (url.includes(marker) && a.api !== 'wire') out.push(a);
    }
  }
  return out.sort((x, y) => x.calledAt - y.calledAt);
}

const blockerInstalled = new WeakSet<Page>();

/** One scenario in one view, on `page` (navigated to the scenario's URL). */
export async function runJoinScenario(b: LabBrowser, server: LabServer, page: Page, s: JoinScenario, view: JoinView): Promise<JoinRunResult> {
  const t0 = Date.now();
  const expected = s.expected[view] ?? [];
  const marker = `run=${++runCounter}-${process.pid}&`;
  const base = { scenario: s, view, saw: [] as unknown[] };
  if (s.page.assets === 'wasm-blocked' && !blockerInstalled.has(page)) {
    // What an ad blocker does: the request fails in the browser with net::ERR_BLOCKED_BY_CLIENT.
    await page.route(`**/libblock/${BROKEN_WASM}`, (route) => route.abort('blockedbyclient'));
    blockerInstalled.add(page);
  }
  try {
    await setSettleTimeout(b, marker, joinPageTimeoutMs(s));
    await page.goto(`${server.origin}/join/${s.name}/${view}?${marker}lab=1`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await page.waitForFunction(() => typeof (window as any).labJoin === 'function', undefined, { timeout: 90_000 });
    await page.evaluate(() => {
      void Promise.resolve()
        .then(() => (window as any).labJoin())
        .catch((e: unknown) => (window as any).labSaw.push({ join: 0, ok: false, value: { thrown: String(e) } }));
    });
    (base as { loadMs?: number }).loadMs = Date.now() - t0;
  } catch (e) {
    return { ...base, ms: Date.now() - t0, joins: [], ok: false, error: `the page did not load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  const want = expected.length || 1;
  // Every join settles by the hook's timeout at the latest; allow for a loaded machine.
  const deadline = Date.now() + joinPageTimeoutMs(s) + 30_000;
  let attempts: JoinAttempt[] = [];
  while (Date.now() < deadline) {
    attempts = await storedAttempts(b, marker).catch(() => []);
    if (attempts.length >= want && attempts.every(isSettled)) break;
    await page.waitForTimeout(250);
  }
  // Media files keep loading after the answer: give the devtools page a moment to report them.
  if (s.page.assets !== 'ok' || s.page.csp) {
    await page.waitForTimeout(3000);
    attempts = await storedAttempts(b, marker).catch(() => attempts);
  }
  const saw = (await page.evaluate(() => (window as any).labSaw as unknown[]).catch(() => [])) ?? [];
  const settled = attempts.filter(isSettled);
  if (settled.length < want) {
    return { ...base, saw, ms: Date.now() - t0, joins: [], ok: false, error: `the extension captured ${settled.length} settled join(s) of ${want} in time (${attempts.length} seen)` };
  }
  const analysed = analyseAll(attempts);
  const joins = analysed.map(({ attempt, analysis }, i): JoinCheck => {
    const got = [...new Set(analysis.findings.map((f) => f.id).filter((id) => !CHANCE.has(id)))].sort();
    const exp = expected[i] ?? [];
    return { outcome: outcomeText(attempt), got, expected: exp, ok: got.join() === [...exp].sort().join() };
  });
  return { ...base, saw, ms: Date.now() - t0, joins, ok: joins.length === want && joins.every((j) => j.ok) };
}

/** Runs `items` over `parallel` tabs of one browser; results in the order of `items`. */
export async function runJoinBatch(
  b: LabBrowser,
  server: LabServer,
  items: ReadonlyArray<{ scenario: JoinScenario; view: JoinView }>,
  parallel: number,
  onResult?: (r: JoinRunResult, done: number) => void,
): Promise<JoinRunResult[]> {
  const results: JoinRunResult[] = new Array(items.length);
  const first = b.context.pages()[0] ?? (await b.context.newPage());
  const pages = [first];
  for (let i = 1; i < Math.min(parallel, items.length); i++) pages.push(await b.context.newPage());
  let next = 0;
  let done = 0;
  await Promise.all(
    pages.map(async (page) => {
      while (next < items.length) {
        const i = next++;
        const it = items[i]!;
        const r = await runJoinScenario(b, server, page, it.scenario, it.view);
        results[i] = r;
        onResult?.(r, ++done);
      }
    }),
  );
  for (const p of pages.slice(1)) await p.close().catch(() => undefined);
  return results;
}
