import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { droppedFileKind, firstKey } from '../../../lib/triage/file-kind';
import { pastedTokenAttempt } from '../../../lib/triage/pasted-token';
import { exportSession } from '../../../lib/triage/export-session';
import { countedChunks } from '../../../lib/har/progress';
import { readHar } from '../../../lib/har';
import { diagnoseHar } from '../../../lib/cli/commands/har';
import { analyseAttempt } from '../../../lib/attempt-context';
import { correlate } from '../../../lib/correlate';
import { parseExport, serializeExport } from '../../../lib/report';
import { isJoinDoctorError } from '../../../lib/errors';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/unit/har/fixtures', name), 'utf8');
const b64u = (s: string) => Buffer.from(s).toString('base64url');
function jwt(payload: Record<string, unknown>, secret = 's'): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('a dropped file is a HAR or an export by its first key', () => {
  it('a DevTools HAR (log first), with a BOM and pretty-printed, goes to the HAR reader', () => {
    expect(droppedFileKind(fixture('client-3712.har'))).toBe('har');
    expect(firstKey('\uFEFF{\n  "log": {')).toBe('log');
  });

  it('a Join Doctor export (schemaVersion first) goes to the export reader', () => {
    expect(droppedFileKind('{\n  "schemaVersion": 3,\n  "tool": {}')).toBe('export');
  });

  it('anything else goes to the HAR reader, which says what is wrong with it', () => {
    for (const head of ['', '[1,2]', '{}', '{"hello": 1}', '{"schema\\u0056ersion": 3}', '   ', 'not json']) expect(droppedFileKind(head)).toBe('har');
  });

  it('a hostile head (megabytes of whitespace, an endless key) is read only as far as the sniff window', () => {
    expect(firstKey(' '.repeat(5_000_000) + '{"schemaVersion":1}')).toBeNull();
    expect(firstKey('{"' + 'a'.repeat(5_000_000))).toBeNull();
  });
});

describe('a pasted token', () => {
  it('is judged at paste time against the meeting number and key typed beside it, trimmed as a copy-paste needs', () => {
    const now = Date.UTC(2026, 11, 7, 12, 0, 0);
    const iat = now / 1000 - 30;
    const token = jwt({ appKey: 'KEY', mn: '111222333', role: 0, iat, exp: iat + 7200 });
    const a = pastedTokenAttempt({ token: `  ${token}\n`, meetingNumber: ' 999888777 ', sdkKey: 'KEY', topic: '' }, 1, now);
    expect(a).toMatchObject({ id: 'token-1', signature: token, meetingNumber: '999888777', sdkKey: 'KEY', calledAt: now, outcome: { kind: 'pending' } });
    expect(a.sdk).toBeUndefined();
    const ids = analyseAttempt(a).findings.map((f) => f.id);
    expect(ids).toContain('mn-mismatch');
    expect(ids).not.toContain('iat-future');
  });

  it('with a topic is a Video SDK join (the topic kept as typed)', () => {
    const a = pastedTokenAttempt({ token: 'x.y.z', topic: 'My Session ' }, 2, 0);
    expect(a).toMatchObject({ sdk: 'video', topic: 'My Session ' });
  });
});

describe('an export opened on the page', () => {
  it('redacted: the findings and headline are the ones it was written with, not "not a JWT" from the <redacted> HMAC segment', async () => {
    const exp = diagnoseHar(await readHar(fixture('java-endpoint.har')));
    expect(exp.redacted).toBe(true);
    const reread = parseExport(serializeExport(exp));
    const s = exportSession(reread);
    expect(s.attempts.map((a) => a.id)).toEqual(exp.items.map((i) => i.attempt.id));
    expect(s.attempts.every((a) => !('signatureType' in a))).toBe(true);
    expect(s.analyses).not.toBeNull();
    // Decoded claims stay available to the claim table; the redaction itself is no problem.
    expect(s.analyses![1]!.token.payload).toMatchObject({ appKey: 'e2eAppKey' });
    expect(s.analyses!.every((a) => a.token.problems.every((p) => p.part !== 'signature'))).toBe(true);
    const c = correlate(s.attempts.map((attempt, i) => ({ attempt, analysis: s.analyses![i]! })));
    expect(c.headline).toBe(exp.correlation.headline);
    expect(s.warnings.join(' ')).toMatch(/redacted/);
    // Analysed again instead, the redacted tokens would all read as malformed: why the export's analyses are kept.
    const again = correlate(s.attempts.map((attempt) => ({ attempt, analysis: analyseAttempt(attempt) })));
    expect(again.headline).not.toBe(exp.correlation.headline);
  });

  it('with full tokens: analysed again by these rules, to the same headline', async () => {
    const exp = diagnoseHar(await readHar(fixture('java-endpoint.har')), { includeFullTokens: true });
    const s = exportSession(parseExport(serializeExport(exp)));
    expect(s.analyses).toBeNull();
    expect(s.warnings).toEqual([]);
    const c = correlate(s.attempts.map((attempt) => ({ attempt, analysis: analyseAttempt(attempt) })));
    expect(c.headline).toBe(exp.correlation.headline);
  });
});

describe("a file's chunks with progress and Cancel", () => {
  const streamOf = (chunks: Uint8Array[]) => {
    let i = 0;
    let released = false;
    return {
      released: () => released,
      getReader: () => ({ read: async () => (i < chunks.length ? { done: false, value: chunks[i++] } : { done: true }), releaseLock: () => void (released = true) }),
    };
  };

  it('reports the bytes read every N bytes and once at the end, and the reader gets every chunk', async () => {
    const chunks = Array.from({ length: 10 }, () => new Uint8Array(300));
    const seen: number[] = [];
    const s = streamOf(chunks);
    let n = 0;
    for await (const c of countedChunks(s, { onBytes: (b) => seen.push(b), everyBytes: 1000 })) n += c.length;
    expect(n).toBe(3000);
    expect(seen).toEqual([1200, 2400, 3000]);
    expect(s.released()).toBe(true);
  });

  it('Cancel stops before the next chunk with ERR_CANCELLED, and the stream is released', async () => {
    const signal = { aborted: false };
    const s = streamOf(Array.from({ length: 10 }, () => new Uint8Array(10)));
    let got = 0;
    const run = (async () => {
      for await (const _ of countedChunks(s, { onBytes: () => undefined, signal })) if (++got === 3) signal.aborted = true;
    })();
    const e = await run.catch((x: unknown) => x);
    expect(isJoinDoctorError(e, 'ERR_CANCELLED')).toBe(true);
    expect(got).toBe(3);
    expect(s.released()).toBe(true);
  });
});
