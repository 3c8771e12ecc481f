/**
 * The join arguments, not the token: each args-* rule named after the mistake people make, fed
 * the masked facts the relay makes from the hook's argument object (no secret reaches a rule).
 */
import { describe, expect, it } from 'vitest';
import { joinArgFacts } from '../../../../lib/model/join-args';
import type { JoinAttempt } from '../../../../lib/model/attempt';
import { runJoinRules } from '../../../../lib/rules/join/run';
import { analyseAttempt, AT, ids, joinWith } from './join-kit';

const args = (o: Record<string, unknown>) => joinArgFacts(o, 'call');
const BASE = { meetingNumber: '123456789', userName: 'Ada', signature: 'x', success: '[function]' };

async function argIds(extra: Partial<JoinAttempt>, tokenOverrides: Record<string, unknown> = {}, outcome: JoinAttempt['outcome'] = { kind: 'pending' }, previous: JoinAttempt | null = null): Promise<string[]> {
  const a = await joinWith(outcome, extra, tokenOverrides);
  return ids(analyseAttempt(a, { previous }), 'arguments');
}

describe('join arguments', () => {
  it('masking keeps key names and the passcode shape, never a secret value', () => {
    const f = args({ ...BASE, passWord: 'p%40ss word', zak: 'eyJzak.secret', obfToken: '', tk: 'TK-secret', onZak: '[function]' });
    expect(f).toEqual({ from: 'call', keys: ['meetingNumber', 'passWord', 'signature', 'tk', 'userName', 'zak'], passcodeShape: { length: 11, percentEncoded: true, edgeSpaces: false, innerSpaces: true } });
    expect(JSON.stringify(f)).not.toMatch(/secret|p%40ss|TK-/);
    expect(args(null as unknown as Record<string, unknown>)).toBeNull();
    expect(joinArgFacts('[too large]', 'call')).toBeNull();
  });

  it('a host start with role 1 and no zak (the react sample\'s missing ZAK) is args-host-without-zak', async () => {
    expect(await argIds({ args: args(BASE) }, { role: 1 })).toEqual(['args-host-without-zak']);
    expect(await argIds({ args: args({ ...BASE, zak: 'z' }) }, { role: 1 })).toEqual([]);
    expect(await argIds({ args: args(BASE) }, { role: 0 })).toEqual([]);
  });

  it('a HAR of a host start: the SDK sends the zak as zsk (measured, both views), so an empty zsk with role 1 is args-host-without-zak', async () => {
    const wire = (f: Record<string, string>) => joinArgFacts({ meetingNumber: '123456789', userName: 'Ada', signature: 'x', zsk: '', tk: '', ...f }, 'wire');
    expect(await argIds({ api: 'wire', args: wire({}) }, { role: 1 })).toEqual(['args-host-without-zak']);
    expect(await argIds({ api: 'wire', args: wire({ zsk: 'ZAK', ulsm: '1' }) }, { role: 1 })).toEqual([]);
    expect(await argIds({ api: 'wire', args: wire({}) }, { role: 0 })).toEqual([]);
  });

  it('the component view\'s password given to ZoomMtg.join, and passWord given to client.join', async () => {
    expect(await argIds({ args: args({ ...BASE, password: 'abc' }) })).toEqual(['args-passcode-key']);
    expect(await argIds({ api: 'component-view', args: args({ ...BASE, passWord: 'abc' }) })).toEqual(['args-passcode-key']);
    expect(await argIds({ args: args({ ...BASE, passWord: 'abc' }) })).toEqual([]);
    expect(await argIds({ api: 'component-view', args: args({ ...BASE, password: 'abc' }) })).toEqual([]);
  });

  it('a passcode copied from a query string without decoding (%40) and one with a trailing space', async () => {
    expect(await argIds({ args: args({ ...BASE, passWord: 'a%40b' }) })).toEqual(['args-passcode-encoded']);
    const a = analyseAttempt(await joinWith({ kind: 'pending' }, { args: args({ ...BASE, passWord: 'abc ' }) }));
    expect(a.findings.filter((f) => f.origin === 'arguments').map((f) => [f.id, f.severity])).toEqual([['args-passcode-spaces', 'error']]);
  });

  it('meetingNumber typed as Zoom shows it ("123 4567 8901") is flagged; over 12 characters it is an error (4003)', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'pending' }, { meetingNumber: '123 4567 8901' }, { mn: '12345678901' }));
    expect(a.findings.filter((f) => f.origin === 'arguments').map((f) => [f.id, f.severity])).toEqual([['args-meeting-number-format', 'error']]);
    expect(ids(a, 'token')).toEqual([]);
    expect(await argIds({ meetingNumber: '1234-5678' }, { mn: '12345678' })).toEqual(['args-meeting-number-format']);
  });

  it('a webinar asking for an email (3005) and a registration-required meeting (3099) name the missing argument', async () => {
    expect(await argIds({ args: args(BASE) }, {}, { kind: 'failure', code: 3005, message: 'User email is required.' })).toEqual(['args-webinar-email-missing']);
    expect(await argIds({ args: args({ ...BASE, userEmail: 'a@b.c' }) }, {}, { kind: 'failure', code: 3005, message: 'x' })).toEqual([]);
    expect(await argIds({ args: args(BASE) }, {}, { kind: 'failure', code: 3099, message: 'This meeting requires registration.' })).toEqual(['args-registration-tk-missing']);
    expect(await argIds({ args: args({ ...BASE, tk: 't' }) }, {}, { kind: 'failure', code: 3099, message: 'x' })).toEqual([]);
  });

  it('React StrictMode joining twice within 10 s: the second join (3633) is args-join-repeated, an error', async () => {
    const first = await joinWith({ kind: 'pending' }, { id: 'a', pageUrl: 'http://127.0.0.1/' });
    const second = await joinWith({ kind: 'failure', code: 3633, message: 'You have reached the API limit for this call.' }, { id: 'b', calledAt: AT + 40, pageUrl: 'http://127.0.0.1/' });
    const a = analyseAttempt(second, { previous: first });
    expect(a.findings.map((f) => [f.id, f.severity])).toEqual([['answer-sdk-refused', 'error'], ['args-join-repeated', 'error']]);
    const later = await joinWith({ kind: 'pending' }, { id: 'c', calledAt: AT + 10_000, pageUrl: 'http://127.0.0.1/' });
    expect(ids(analyseAttempt(later, { previous: first }), 'arguments')).toEqual([]);
  });

  it('a retry button calling ZoomMtg.join 1 s after a failed join: the 6.2.0 client view drops it (no request, no callback), so it never settles and args-join-repeated leads', async () => {
    const first = await joinWith({ kind: 'failure', code: 3712, message: 'Signature is invalid.' }, { id: 'a', pageUrl: 'http://127.0.0.1/' });
    // The hook reports a join with no request and no callback as a silent refusal (measured).
    const second = await joinWith({ kind: 'silent-refusal', reason: 'No request to Zoom and no callback within 12 s.' }, { id: 'b', calledAt: AT + 1_000, pageUrl: 'http://127.0.0.1/', wire: null });
    const a = analyseAttempt(second, { previous: first });
    expect(a.findings[0]?.id).toBe('args-join-repeated');
    expect(a.findings[0]?.message).toContain('dropped it: no wc/info request and no callback');
    const noAnswer = a.findings.find((f) => f.id === 'answer-no-answer')!;
    expect([noAnswer.severity, noAnswer.data?.stage, noAnswer.data?.explainedBy]).toEqual(['info', 'not-sent', 'args-join-repeated']);
    // The component view sends both joins (measured): a timeout there is not this cause.
    const comp = await joinWith({ kind: 'timeout', afterMs: 30_000 }, { id: 'c', api: 'component-view', calledAt: AT + 1_000, pageUrl: 'http://127.0.0.1/', wire: null });
    expect(ids(analyseAttempt(comp, { previous: { ...first, api: 'component-view' } }), 'arguments')).toEqual([]);
  });

  it('zak and obfToken both set (3636) is args-zak-and-obf-token', async () => {
    expect(await argIds({ args: args({ ...BASE, zak: 'z', obfToken: 'o' }) })).toEqual(['args-zak-and-obf-token']);
  });

  it('a clean join with its usual arguments gives no argument finding; no arguments captured gives none either', async () => {
    expect(await argIds({ args: args({ ...BASE, passWord: 'Pa55word', userEmail: 'a@b.c', tk: '', zak: '' }) })).toEqual([]);
    expect(await argIds({})).toEqual([]);
  });

  it('a wrong passcode caused by %40 headlines the argument, not the bare code', async () => {
    const a = await joinWith({ kind: 'failure', code: 3004, message: 'Meeting Passcode wrong.' }, { args: args({ ...BASE, passWord: 'a%40b' }) });
    const out = runJoinRules({ attempt: a, token: analyseAttempt(a) });
    expect(out.map((f) => f.id).sort()).toEqual(['answer-meeting-refused', 'args-passcode-encoded']);
  });
});
