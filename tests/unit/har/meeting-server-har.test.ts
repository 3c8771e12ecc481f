/**
 * `join-doctor har` and the meeting-server stage: Chrome records the SDK's RWG WebSocket with its
 * frames (`_webSocketMessages`). An unpublished app joining another account's meeting gets a
 * wc/info answer with status:true and then the meeting server's `{"evt":4098,"body":{"res":6601}}`
 * (measured with the real 6.2.0, docs/join-errors.md §7): the HAR names it 4011, not "signature
 * accepted". Built from the real client-view recording (client-3712.har) with Zoom accepting.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run-cli';
import { fixtureText } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'jd-har-ms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The recording with Zoom accepting, plus an RWG socket opened 1 s after wc/info with these frames. */
function withSocket(name: string, frames: unknown[] | null): string {
  const h = JSON.parse(fixtureText('client-3712.har'));
  const wc = h.log.entries.find((e: { request: { url: string } }) => e.request.url.endsWith('/wc/info'));
  wc.response.content.text = JSON.stringify({ status: true, errorCode: 0, errorMessage: '', result: { mid: 'M' } });
  const opened = new Date(Date.parse(wc.startedDateTime) + 1000);
  h.log.entries.push({
    startedDateTime: opened.toISOString(),
    time: 5,
    request: { method: 'GET', url: 'wss://rwg.example.zoom.us/wc/api/123456789?rwcAuth=x', headers: [] },
    response: { status: 101, headers: [], content: { size: 0, mimeType: 'x-unknown' } },
    timings: { send: 0, wait: 3, receive: 2 },
    _resourceType: 'websocket',
    ...(frames ? { _webSocketMessages: frames } : {}),
  });
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(h));
  return file;
}

async function read(file: string) {
  const j = JSON.parse((await runCli(['har', file, '--json'])).stdout);
  const item = j.items[0];
  return { attempt: item.attempt, ids: item.analysis.findings.map((f: { id: string }) => f.id).filter((id: string) => id !== 'page-not-isolated') };
}

describe('join-doctor har: the meeting server\'s answer after an accepted wc/info', () => {
  it('6601 on the RWG socket is 4011, answer-external-authorization, with the meeting server\'s code', async () => {
    const t = Date.now() / 1000;
    const r = await read(withSocket('6601.har', [
      { type: 'receive', time: t, opcode: 1, data: '{"evt":0,"seq":0,"body":{"status":"READY","conID":"c"}}' },
      { type: 'send', time: t + 0.01, opcode: 1, data: '{"evt":4301,"body":{"dn2":"ZTJl"},"seq":2}' },
      { type: 'receive', time: t + 0.2, opcode: 1, data: '{"evt":4098,"seq":1,"body":{"res":6601}}' },
    ]));
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 4011 });
    expect(r.attempt.wire.meetingServer).toMatchObject({ res: 6601 });
    expect(r.ids).toEqual(['answer-external-authorization']);
  });

  it('a socket without a recorded join answer (frames not kept, or none came) leaves "signature accepted"', async () => {
    const r = await read(withSocket('no-frames.har', null));
    expect(r.attempt.outcome).toEqual({ kind: 'success', acceptedOnly: true });
    expect(r.attempt.wire.meetingServer).toMatchObject({ res: null });
    expect(r.ids).toEqual([]);
  });
});
