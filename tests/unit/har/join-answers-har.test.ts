/**
 * `join-doctor har` names what is not the token from a HAR: Zoom's answer (a deleted meeting's
 * 3707), the join arguments read from the wc/info form (a URL-encoded passcode), and a request
 * that never got an answer. Built from the real client-view recording (client-3712.har, recorded
 * from the real SDK 6.2.0 by `npm run fixtures:har`) with only the answer or a form field changed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run-cli';
import { fixtureText } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'jd-har-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function variant(name: string, change: (wc: any) => void): string {
  const h = JSON.parse(fixtureText('client-3712.har'));
  const wc = h.log.entries.find((e: { request: { url: string } }) => e.request.url.endsWith('/wc/info'));
  change(wc);
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(h));
  return file;
}

const answer = (errorCode: number, errorMessage: string) => (wc: any) => {
  wc.response.content.text = JSON.stringify({ status: false, errorCode, errorMessage });
};

async function findings(file: string): Promise<{ ids: string[]; out: string; text: string }> {
  const r = await runCli(['har', file, '--json']);
  const j = JSON.parse(r.stdout);
  const t = await runCli(['har', file]);
  return { ids: j.items.flatMap((i: any) => i.analysis.findings.map((f: any) => f.id)), out: r.stdout, text: t.stdout };
}

describe('join-doctor har: Zoom\'s answer, the arguments, no answer', () => {
  it('a deleted meeting (3707) is named as Zoom\'s answer, with the headline on it', async () => {
    const f = await findings(variant('3707.har', answer(200, 'The meeting number is not found.')));
    // The recorded page has no COOP/COEP: its page-not-isolated warning stands beside the answer.
    expect(f.ids).toEqual(['answer-signature-rejected', 'page-not-isolated']);
    expect(f.text).toContain('Zoom has no meeting with this number (3707)');
  });

  it('a URL-encoded passcode in the wc/info form with Zoom\'s 3004: the argument and the code, no passcode in the export', async () => {
    const f = await findings(variant('3004.har', (wc) => {
      wc.request.postData.text = wc.request.postData.text.replace('passWord=&', 'passWord=Pa%2540ss&');
      answer(3004, 'Wrong passcode')(wc);
    }));
    expect(f.ids.sort()).toEqual(['answer-meeting-refused', 'args-passcode-encoded', 'page-not-isolated']);
    expect(f.out).not.toContain('Pa%40ss');
    expect(f.out, f.out.slice(f.out.indexOf('"args"'), f.out.indexOf('"args"') + 400)).toContain('"percentEncoded": true');
  });

  it('a wc/info the network refused (status 0, an ad blocker) is answer-no-answer at stage network-failure', async () => {
    const f = await findings(variant('blocked.har', (wc) => {
      wc.response.status = 0;
      wc.response.content = { size: 0, mimeType: 'x-unknown' };
      wc.response._error = 'net::ERR_BLOCKED_BY_CLIENT';
    }));
    expect(f.ids).toContain('answer-no-answer');
    expect(f.out).toContain('"stage": "network-failure"');
  });
});
