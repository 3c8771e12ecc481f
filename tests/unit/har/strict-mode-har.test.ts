/**
 * A HAR recorded while Zoom's Video SDK sample ran under `npm start` (React StrictMode runs the join
 * effect twice): Chrome's HAR keeps the first wc/lsdk request the SDK aborted (status 0, `_error`
 * net::ERR_ABORTED) and, a millisecond later, the same token sent again. Times are the ones measured
 * with the real @zoom/videosdk 2.5.0 (tests/e2e/strict-mode-double-join): second join() 85 ms after
 * the first, the abort 2 ms after it, the new request 1 ms after the abort. The HAR must say what
 * the live panel says: superseded, not a failure.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run-cli';
import { entry, har } from './helpers';
import { sampleVideoToken } from '../rules/video-token-kit';

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const DATE = [{ name: 'Date', value: 'Wed, 30 Nov 2026 20:31:29 GMT' }];
const T0 = Date.parse('2026-11-30T20:31:21.006Z');
const iso = (ms: number) => new Date(ms).toISOString();

function lsdk(at: number, token: string, o: { aborted?: boolean; time: number; pageref?: string }) {
  const body = new URLSearchParams({ topic: b64u('support session 42'), password: '', userName: 'Ada', zlk: token, lang: 'en-US', cv: '2.5.0' }).toString();
  const e = entry({ at: iso(at), method: 'POST', url: 'https://zoom.us/wc/lsdk', post: body, status: o.aborted ? 0 : 200, headers: o.aborted ? [] : DATE, time: o.time, ...(o.aborted ? {} : { body: JSON.stringify({ status: true, errorCode: 0, errorMessage: '', result: {} }) }) }) as Record<string, any>;
  if (o.aborted) e.response._error = 'net::ERR_ABORTED';
  if (o.pageref) e.pageref = o.pageref;
  return e;
}

async function cliOn(entries: unknown[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jd-strict-har-')), 'session.har');
  writeFileSync(file, har(entries));
  const r = await runCli(['har', file, '--json']);
  return { code: r.code, items: JSON.parse(r.stdout).items as Array<{ attempt: Record<string, any> }> };
}

describe('a HAR of React StrictMode\'s double join', () => {
  it('the wc/lsdk request the SDK aborted for the same token 1 ms later is superseded, not a failure', async () => {
    const token = sampleVideoToken({ sessionName: 'Support Session 42' });
    const { code, items } = await cliOn([lsdk(T0, token, { aborted: true, time: 81 }), lsdk(T0 + 82, token, { time: 143 })]);
    expect(items.map((i) => i.attempt.outcome.kind)).toEqual(['superseded', 'success']);
    expect(items[0]!.attempt.outcome.reason).toMatch(/join\(\) again 82 ms later with the same token.*cancelled this wc\/lsdk request.*React StrictMode/);
    expect(code).toBe(0);
  });

  it('an aborted request the page retried only after it failed stays a failure (a network error is not StrictMode)', async () => {
    const token = sampleVideoToken({ sessionName: 'Support Session 42' });
    const { items } = await cliOn([lsdk(T0, token, { aborted: true, time: 81 }), lsdk(T0 + 2000, token, { time: 143 })]);
    expect(items.map((i) => i.attempt.outcome.kind)).toEqual(['failure', 'success']);
  });

  it('the same token sent from another document (another tab, a reload) does not supersede', async () => {
    const token = sampleVideoToken({ sessionName: 'Support Session 42' });
    const { items } = await cliOn([lsdk(T0, token, { aborted: true, time: 81, pageref: 'page_1' }), lsdk(T0 + 82, token, { time: 143, pageref: 'page_2' })]);
    expect(items[0]!.attempt.outcome.kind).toBe('failure');
  });
});
