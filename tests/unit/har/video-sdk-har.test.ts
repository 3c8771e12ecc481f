/**
 * A customer's HAR with a Video SDK join: the POST to https://zoom.us/wc/lsdk exactly as
 * @zoom/videosdk 2.5.0 sends it (fields topic, password, userName, zlk, lang, cv; measured in
 * Chromium, tests/e2e/video-sdk.e2e.test.ts), next to a Meeting SDK join in the same session.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run-cli';
import { clockText } from '../../../lib/har/har-section';
import type { JoinAttempt } from '../../../lib/model/attempt';
import type { HarClock } from '../../../lib/har/types';
import { entry, har } from './helpers';
import { sampleVideoToken } from '../rules/video-token-kit';
import { sampleSignature } from '../rules/token-helpers';

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const DATE = [{ name: 'Date', value: 'Wed, 30 Nov 2026 20:31:29 GMT' }];

/** The HAR reader streams from disk: write the session to a file. */
async function sessionFile(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jd-vsdk-har-')), 'session.har');
  writeFileSync(file, await session());
  return file;
}

async function session(): Promise<string> {
  const video = sampleVideoToken({ sessionName: 'Support Session 42', expirationSeconds: 600 });
  const meeting = await sampleSignature();
  const lsdkBody = new URLSearchParams({ topic: b64u('support session 42'), password: '', userName: 'Ada', zlk: video, lang: 'en-US', cv: '2.5.0' }).toString();
  return har([
    entry({ at: '2026-11-30T20:31:20.000Z', method: 'POST', url: 'https://app.example/api/video-token', status: 200, headers: DATE, body: JSON.stringify({ signature: video }) }),
    entry({ at: '2026-11-30T20:31:21.000Z', method: 'POST', url: 'https://zoom.us/wc/lsdk', post: lsdkBody, status: 200, headers: DATE, body: JSON.stringify({ status: false, errorCode: 124, errorMessage: 'The java web token is expired or more than 2 days or ineffective.' }) }),
    entry({ at: '2026-11-30T20:31:25.000Z', method: 'POST', url: 'https://zoom.us/api/v1/wc/info', post: `meetingNumber=123456789&userName=Ada&passWord=&signature=${meeting}&signatureType=sdk&cv=6.2.0&sdkOrigin=x&tk=`, status: 200, headers: DATE, body: JSON.stringify({ status: false, errorCode: 200, errorMessage: 'Invalid signature.' }) }),
  ]);
}

describe('join-doctor har with a Video SDK join', () => {
  it('reads the wc/lsdk join: zlk, the decoded topic, the SDK\'s own rejection and the Video SDK findings', async () => {
    const r = await runCli(['har', await sessionFile(), '--json']);
    expect(r.code).toBe(1);
    const items = JSON.parse(r.stdout).items as Array<{ attempt: Record<string, any>; analysis: { findings: Array<{ id: string; message: string }> } }>;
    expect(items.map((i) => [i.attempt.sdk, i.attempt.method])).toEqual([['video', 'wc/lsdk'], ['meeting', 'wc/info']]);
    const v = items[0]!;
    expect(v.attempt).toMatchObject({ topic: 'support session 42', sdkVersion: '2.5.0', issuer: { url: 'https://app.example/api/video-token' } });
    expect(v.attempt.outcome).toMatchObject({ kind: 'failure', code: 200, message: 'The token has expired, is over 2 days old, or is ineffective.', serverCode: 124, type: 'JOIN_MEETING_FAILED' });
    expect(v.analysis.findings.map((f) => f.id)).toContain('exp-window-short');
    expect(v.analysis.findings.map((f) => f.id)).not.toContain('mn-missing');
    expect(items[1]!.attempt.outcome).toMatchObject({ code: 3712 });
  });

  it('the Markdown report names each attempt\'s SDK and the session topic', async () => {
    const r = await runCli(['har', await sessionFile(), '--format', 'md']);
    // The compact attempts table names the SDK of each row in a session holding both.
    expect(r.stdout).toContain('support session 42 (Video SDK 2.5.0)');
    expect(r.stdout).toContain('(Meeting SDK 6.2.0)');
  });

  it("the clock line of a Video SDK session says its joins are timed by their wc/lsdk answers, not by a wc/info it never sent", async () => {
    const clock: HarClock = { offsetMs: 0, samples: 1, source: 'zoom.us', minMs: 0, maxMs: 0 };
    const video = { sdk: 'video' } as JoinAttempt;
    const meeting = { sdk: 'meeting' } as JoinAttempt;
    expect(clockText({ clock, attempts: [video] })).toContain('timed by the answer to its own wc/lsdk request');
    expect(clockText({ clock, attempts: [meeting] })).toContain('timed by the answer to its own wc/info request');
    const r = await runCli(['har', await sessionFile()]);
    expect(r.stdout).toContain('wc/info or wc/lsdk request');
  });
});
