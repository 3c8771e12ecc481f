/**
 * A join that never settles, told apart by where it stopped: init failed or assets missing (no
 * wc/info), an ad blocker or proxy (sent, no answer / status 0), an accepted answer and then the
 * meeting-server stage, and a refusal the SDK turned into its own dialog.
 */
import { describe, expect, it } from 'vitest';
import { correlate } from '../../../../lib/correlate';
import { AT, analyseAttempt, joinWith } from './join-kit';

const TIMEOUT = { kind: 'timeout', afterMs: 45_000 } as const;
const stage = async (extra: Parameters<typeof joinWith>[1], outcome: Parameters<typeof joinWith>[0] = TIMEOUT) => {
  const a = analyseAttempt(await joinWith(outcome, extra));
  return a.findings.filter((f) => f.origin === 'answer').map((f) => `${f.id}:${String(f.data?.stage)}`);
};

describe('no answer: where the join stopped', () => {
  it('init failed or assets missing: no wc/info was ever sent', async () => {
    expect(await stage({})).toEqual(['answer-no-answer:not-sent']);
  });
  it('6.x refusing a signature without appKey in the console only (silent refusal): not-sent, and the token cause stays the primary cause', async () => {
    const attempt = await joinWith({ kind: 'silent-refusal', reason: 'please check your signature and please add appKey' }, {}, { appKey: undefined, sdkKey: undefined });
    const a = analyseAttempt(attempt);
    expect(a.findings.filter((f) => f.origin === 'answer').map((f) => `${f.id}:${String(f.data?.stage)}`)).toEqual(['answer-no-answer:not-sent']);
    expect(a.findings.find((f) => f.id === 'answer-no-answer')!.message).toContain('please add appKey');
    expect(correlate([{ attempt, analysis: a }]).causes[0]?.ruleIds[0]).toBe('app-key-missing');
  });
  it('StrictMode double join in the component view: the second join paired with the request the SDK cancelled (status 0) still failed with Zoom\'s 3707, so it is no network failure', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2010, http: 0, accepted: null };
    expect(await stage({ api: 'component-view', wire }, { kind: 'failure', code: 3707, message: 'The meeting number is not found.', type: 'JOIN_MEETING_FAILED' } as Parameters<typeof joinWith>[0])).toEqual(['answer-signature-rejected:web']);
    expect(await stage({ api: 'component-view', wire }, { kind: 'failure', code: 200, message: 'connection error', type: 'JOIN_MEETING_FAILED' } as Parameters<typeof joinWith>[0])).toContain('answer-no-answer:network-failure');
  });
  it('a proxy that swallows wc/info: sent, no answer', async () => {
    expect(await stage({ wire: { sentAt: AT + 2000, answeredAt: null, http: null, accepted: null } })).toEqual(['answer-no-answer:no-answer']);
  });
  it('an ad blocker (status 0) before the SDK gave up, and after its "Fail to join" (1)', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2010, http: 0, accepted: null };
    expect(await stage({ wire })).toEqual(['answer-no-answer:network-failure']);
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 1, message: 'Fail to join the meeting.' }, { wire }));
    expect(a.findings.map((f) => [f.id, f.severity])).toEqual([['answer-no-answer', 'error'], ['answer-generic-failure', 'warning']]);
  });
  it('Zoom accepted the signature, then nothing: the meeting-server stage', async () => {
    const attempt = await joinWith(TIMEOUT, { wire: { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: true } });
    const a = analyseAttempt(attempt);
    expect(a.findings.map((f) => f.id)).toEqual(['answer-no-answer']);
    expect(a.findings[0]!.message).toContain('wc/info left 2.0 s after join(), its answer came 0.0 s later');
    expect(correlate([{ attempt, analysis: a }]).causes[0]).toMatchObject({ key: 'answer-no-answer:answered-then-nothing', title: 'accepted by Zoom, then stuck at the meeting-server stage' });
  });
  it('accepted, then the meeting server never answered: the message says whether the SDK opened its WebSocket', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: true };
    const opened = analyseAttempt(await joinWith(TIMEOUT, { wire: { ...wire, meetingServer: { openedAt: AT + 2540, answeredAt: null, res: null } } })).findings[0]!;
    expect(opened.data).toMatchObject({ stage: 'answered-then-nothing', rwgOpened: true });
    expect(opened.message).toContain("opened its meeting-server WebSocket 0.5 s after Zoom's answer; the meeting server never answered the join");
    const never = analyseAttempt(await joinWith(TIMEOUT, { wire })).findings[0]!;
    expect(never.data).toMatchObject({ stage: 'answered-then-nothing', rwgOpened: false });
    expect(never.message).toContain('never opened its meeting-server WebSocket');
  });
  it('the component view gives up on a silent meeting server (OPERATION_CANCELLED "RECONNECTING_MEETING", 3): the meeting-server stage, not the client view\'s NOT_SUPPORT 3', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: true, meetingServer: { openedAt: AT + 2300, answeredAt: null, res: null } };
    const attempt = await joinWith({ kind: 'failure', code: 3, message: 'RECONNECTING_MEETING', type: 'OPERATION_CANCELLED' }, { api: 'component-view', method: 'client.join', wire, settledAt: AT + 62_000 });
    const a = analyseAttempt(attempt);
    expect(a.findings.filter((f) => f.origin === 'answer').map((f) => `${f.id}:${String(f.data?.stage)}`)).toEqual(['answer-no-answer:answered-then-nothing']);
    expect(a.findings[0]!.message).toContain('gave up 62 s after join() with OPERATION_CANCELLED "RECONNECTING_MEETING" (errorCode 3)');
  });
  it('the component view cannot reach the meeting server (RWC ping blocked): "connection error" 200 after an accepted answer is not a refusal by Zoom', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: true };
    const attempt = await joinWith({ kind: 'failure', code: 200, message: 'connection error', type: 'JOIN_MEETING_FAILED' }, { api: 'component-view', method: 'client.join', wire });
    const a = analyseAttempt(attempt);
    expect(a.findings.filter((f) => f.origin === 'answer').map((f) => `${f.id}:${String(f.data?.stage)}`)).toEqual(['answer-no-answer:meeting-server-unreachable']);
    expect(a.findings[0]!.data).toMatchObject({ rwgOpened: false });
    // The same rejection before Zoom accepted anything stays the generic failure it is.
    const refused = analyseAttempt(await joinWith({ kind: 'failure', code: 200, message: 'connection error', type: 'JOIN_MEETING_FAILED' }, { api: 'component-view', method: 'client.join', wire: { ...wire, accepted: false } }));
    expect(refused.findings.map((f) => f.id)).not.toContain('answer-no-answer');
  });
  it('Zoom refused (registration) and the SDK opened its own dialog instead of calling error()', async () => {
    expect(await stage({ wire: { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: false } })).toEqual(['answer-no-answer:refused-no-callback']);
  });
  it('a settled join, or a failure with an answer, is not a no-answer', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: true };
    expect(await stage({ wire }, { kind: 'success' })).toEqual([]);
    expect(await stage({ wire: { ...wire, accepted: false } }, { kind: 'failure', code: 3712, message: 'x' })).toEqual(['answer-signature-rejected:web']);
  });
});
