/**
 * One wording everywhere (issue 21): the Markdown, HTML and CSV reports and the CLI say what the
 * panel's answer line says. Each test is named after what a reader saw go wrong: a mixed session
 * titled "Java Math.round" whose Fix said "NTP-sync and back-date 30 s", "0 of 93 successes carry it
 * too" twice on every cause line, WARN on a failed join, `to\_i` and literal backticks in fixes, the
 * Java fix printed twice, page isolation on every attempt, JSON cut mid-key at 80 columns.
 * Sessions come from real generator arithmetic (lib series: Java Math.round(long) with −30 s, Node
 * floor − 30) plus a backend whose clock runs 75 s ahead.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt } from '../../../lib/model/attempt';
import type { CorrelationItem } from '../../../lib/correlate';
import { buildExport, renderCsv, renderHtml, renderMarkdown } from '../../../lib/report';
import { harText } from '../../../lib/cli/commands/har';
import { mdRich } from '../../../lib/report/markdown-text';
import { plainText } from '../../../lib/report/fix-text';
import { wrapJson } from '../../../lib/cli/terminal';
import type { HarImport } from '../../../lib/har/types';
import { readHar } from '../../../lib/har/read';
import { har } from '../har/helpers';
import { INVALID_SIGNATURE, JAVA_URL, series } from '../correlate/series';
import { samplePayload, signClaims } from '../rules/token-helpers';
import { runCli } from '../cli/run-cli';
import { javaRoundLongIat } from '../../../lib/rules/quantization';

const CREATED = new Date('2026-11-30T12:00:00Z');
const START = 1_795_912_284_000;
const NOT_ISOLATED = { crossOriginIsolated: false, isolationSource: 'page' as const };

/** A Node backend on a server whose clock runs 75 s ahead: iat-future that is not Java's 128 s pattern. */
async function aheadJoin(id: string, at: number): Promise<CorrelationItem> {
  const iat = Math.floor((at + 75_000) / 1000) - 30;
  const attempt: JoinAttempt = {
    id,
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature: await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 })),
    meetingNumber: '123456789',
    calledAt: at,
    settledAt: at + 2000,
    outcome: INVALID_SIGNATURE,
    issuer: { url: 'https://api.example.com/ahead/signature', method: 'POST', receivedAt: at - 50 },
    clockOffsetMs: 0,
    clockOffsetSource: 'zoom.us',
    page: NOT_ISOLATED,
  };
  return { attempt, analysis: analyseAttempt(attempt) };
}

async function mixedSession(): Promise<CorrelationItem[]> {
  // The clock-ahead failure comes first in the session: the old report took the fix from the first
  // iat-future finding anywhere, and the headline group is Java's.
  const ahead = [await aheadJoin('ahead-0', START - 60_000)];
  const java = await series('java', 40);
  for (const i of java) i.attempt.page = NOT_ISOLATED;
  const again = java.map((i) => ({ attempt: i.attempt, analysis: analyseAttempt(i.attempt) }));
  return [...ahead, ...again];
}

const exportOf = (items: CorrelationItem[]) => buildExport(items, { source: 'live', pageHost: 'app.example.com', createdAt: CREATED });

/** The HAR side of harText (entry count, Zoom's clock, what was missing): an empty recording's. */
const importFor = (): Promise<HarImport> => readHar(har([]));

describe('one wording in the reports and the CLI', () => {
  it('a mixed session titled after Java Math.round gives the Java fix, not the NTP back-date of another group', async () => {
    const exp = exportOf(await mixedSession());
    expect(exp.correlation.causes[0]!.key).toBe('iat-future+iat-quantized');
    const head = renderMarkdown(exp).split('\n').slice(0, 10).join('\n');
    expect(head).toContain('**Most likely cause: iat in the future, from Java Math.round');
    const fix = head.split('\n').find((l) => l.startsWith('**Fix:**'))!;
    expect(fix).toContain('`Math.round(System.currentTimeMillis() / 1000)`');
    expect(fix).toMatch(/Java\/Kotlin \(detected: /);
    expect(fix).not.toMatch(/NTP/);
  });

  it('the Markdown report gives the Java fix once: iat-quantized shares iat-future\'s per-language lines', async () => {
    const md = renderMarkdown(exportOf(await series('java', 40)));
    const explained = md.slice(md.indexOf('## Findings explained'));
    expect(explained.split('`Instant.now().getEpochSecond()`').length - 1).toBe(1);
    expect(explained).toMatch(/Fix: as for `iat-(quantized|future)`\./);
  });

  it('"successes carry it too" is said once per cause line, not twice', async () => {
    const exp = exportOf(await mixedSession());
    const md = renderMarkdown(exp);
    const lines = md.split('\n').filter((l) => l.includes('carry it too'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.split('carry it too').length - 1).toBe(1);
  });

  it('the cause is said once at the top of the Markdown report (the title counts, the next line names it)', async () => {
    const exp = exportOf(await mixedSession());
    const head = renderMarkdown(exp).split('\n').slice(0, 10).join('\n');
    expect(head.split('from Java Math.round').length - 1).toBe(1);
    // And the counts once: the summary sentence carries them, no separate counts line repeats them.
    expect(head.split('× 3712 Invalid signature').length - 1).toBe(1);
  });

  it('a failed join whose token only has warnings is FAIL in CSV, HTML and join-doctor har, never WARN', async () => {
    const java = await series('java', 40);
    const failed = java.find((i) => i.attempt.outcome.kind === 'failure')!;
    const exp = exportOf(java);
    const csv = renderCsv(exp).split('\r\n');
    const header = csv[0]!.split(',');
    const row = csv[java.indexOf(failed) + 1]!;
    expect(header.slice(0, 11)).toEqual(['#', 'id', 'calledAt', 'api', 'method', 'outcome', 'code', 'serverMessage', 'verdict', 'primaryCause', 'fix']);
    expect(row).toMatch(new RegExp(`^${java.indexOf(failed) + 1},${failed.attempt.id},`));
    expect(row).toContain(',3712 Invalid signature.,3712,Invalid signature.,FAIL,"iat in the future, from Java Math.round (iat a multiple of 128 s)",');
    expect(row).toMatch(/Java\/Kotlin \(detected: [^"]*\): replace Math\.round\(System\.currentTimeMillis\(\) \/ 1000\)/);
    expect(row).not.toContain('`');
    const text = harText(exp, await importFor(), 'java.har');
    const line = text.split('\n').find((l) => l.startsWith(`${failed.attempt.id} `))!;
    expect(line).toMatch(/ 3712 Invalid signature\. {2}FAIL$/);
    expect(text).not.toMatch(/verdict: (warn|pass)/);
    expect(renderHtml(exp)).toMatch(/3712 Invalid signature\.<br><small>FAIL · iat in the future, from Java Math\.round/);
  });

  it('code in a fix renders as code: Markdown keeps `Time.now.to_i` (no to\\_i), HTML and the terminal show no backtick', () => {
    expect(mdRich('Ruby: `Time.now.to_i`; see *this*')).toBe('Ruby: `Time.now.to_i`; see \\*this\\*');
    expect(plainText('Ruby: `Time.now.to_i`.')).toBe('Ruby: Time.now.to_i.');
  });

  it('page isolation, which decides no join, is one line in the HTML report and in join-doctor har, never per attempt', async () => {
    const exp = exportOf(await mixedSession());
    const n = exp.items.length;
    const html = renderHtml(exp);
    expect(html.split('<code>page-not-isolated</code> The page is').length - 1).toBe(0);
    expect(html).toContain(`<code>page-not-isolated</code> ${'Page is not cross-origin isolated'}`);
    expect(html.match(/page-not-isolated/g)!.length).toBeLessThanOrEqual(2); // the folded line + the explanation once
    expect(html).not.toContain('`');
    const text = harText(exp, await importFor(), 'mixed.har');
    expect(text.match(/page-not-isolated/g)!.length).toBe(1);
    expect(text).toContain(`page-not-isolated (${n} of ${n} attempts): Page is not cross-origin isolated`);
  });
});

describe('join-doctor check at 80 columns', () => {
  it('prints the Java fix once: iat-quantized shares iat-future\'s per-language lines', async () => {
    const at = 1_795_912_299_500 + 30_000;
    const iat = javaRoundLongIat(at, 30_000);
    const token = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 }));
    const r = await runCli(['check', '--now', String(Math.floor(at / 1000) - 20), token], { env: { COLUMNS: '80' } });
    expect(r.stdout).toMatch(/^FAIL {2}iat-future: /);
    expect(r.stdout.split('Instant.now().getEpochSecond()').length - 1).toBe(1);
    expect(r.stdout).toContain('fix: as for iat-future above');
    expect(r.stdout).not.toContain('`');
  });

  it('never breaks the payload JSON inside a key or a number ("m / n", "17 / 96670426")', async () => {
    const iat = 1796670426;
    const token = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200, mn: '123456789', userIdentity: 'x'.repeat(20) }));
    const r = await runCli(['check', '--now', String(iat + 10), token], { env: { COLUMNS: '80' } });
    const lines = r.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('payload  '));
    const block: string[] = [lines[start]!.slice(9)];
    for (let i = start + 1; lines[i]!.startsWith('         '); i++) block.push(lines[i]!.slice(9));
    expect(block.length).toBeGreaterThan(1);
    // Every line but the last ends after a comma between members: keys, strings and numbers are whole.
    for (const l of block.slice(0, -1)) expect(l.endsWith(',')).toBe(true);
    expect(block.join('')).toBe(JSON.stringify(JSON.parse(block.join(''))));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('wrapJson keeps a string holding commas whole and leaves a member longer than the line unbroken', () => {
    const json = JSON.stringify({ a: 'x, y, z', long: 'q'.repeat(90), n: 1796670426 });
    const out = wrapJson(json, 80, 'payload  ');
    expect(out.map((l) => l.slice(9)).join('')).toBe(json);
    expect(out.some((l) => l.includes('"x, y, z"'))).toBe(true);
    expect(out.some((l) => l.includes('1796670426'))).toBe(true);
  });
});

describe('plural agreement', () => {
  it('one join reads "1 of 1 join … failed" and "1 join attempt"', async () => {
    const iat = Math.floor(START / 1000) - 30;
    const signature = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 }), 'an-old-secret-before-rotation-xx');
    const attempt: JoinAttempt = { id: 'one', api: 'client-view', signature, meetingNumber: '123456789', calledAt: START, outcome: INVALID_SIGNATURE, issuer: { url: JAVA_URL, receivedAt: START - 50 } };
    const md = renderMarkdown(exportOf([{ attempt, analysis: analyseAttempt(attempt) }]));
    expect(md.split('\n')[0]).toBe('# Join Doctor: 1 of 1 join on app.example.com failed');
    expect(md).toContain('**Token looks valid: check the secret (1 of 1 failure)**');
    expect(md).toContain('1 join attempt on app.example.com');
    expect(md).toContain('1 of 1 failure carries no finding that explains it (');
    expect(md).not.toMatch(/\b1 (joins|attempts|failures)\b/);
  });
});

describe('join-doctor har through the CLI', () => {
  it('a HAR whose only join was accepted says "signature accepted by Zoom" and OK, with no literal backticks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jd-words-'));
    try {
      const token = await signClaims(samplePayload());
      const post = `meetingNumber=123456789&userName=Ada&passWord=&signature=${token}&signatureType=sdk&cv=6.2.0&sdkOrigin=x&tk=`;
      const entry = {
        startedDateTime: '2026-11-30T09:00:00.000Z',
        time: 100,
        request: { method: 'POST', url: 'https://zoom.us/api/v1/wc/info', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: post } },
        response: { status: 200, headers: [], content: { size: 10, mimeType: 'application/json', text: JSON.stringify({ status: true, errorCode: 0 }) } },
        timings: { send: 0, wait: 98, receive: 2 },
      };
      const file = path.join(dir, 'ok.har');
      writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry] } }));
      const r = await runCli(['har', file], { env: { COLUMNS: '80' } });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\nhar-1 {2}\S+ {2}wc\/info {2}signature accepted by Zoom {2}OK\n/);
      expect(r.stdout).not.toContain('`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile exports', () => {
  it('an imported export whose text fields are not strings renders in every format instead of crashing (fast-check found method {"toString":""} and title null)', async () => {
    const exp = exportOf(await series('java', 6));
    const evil = JSON.parse(JSON.stringify(exp));
    evil.items[2].attempt.method = { toString: '' };
    evil.items[4].analysis.findings[0].title = null;
    evil.items[4].analysis.findings[0].fix = { toString: '' };
    for (const render of [renderMarkdown, renderHtml, renderCsv]) expect(() => render(evil)).not.toThrow();
    expect(renderHtml(evil)).toContain('{&quot;toString&quot;:&quot;&quot;}');
  });
});
