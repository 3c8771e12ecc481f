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
  it('Zoom refused (registration) and the SDK opened its own dialog instead of calling error()', async () => {
    expect(await stage({ wire: { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: false } })).toEqual(['answer-no-answer:refused-no-callback']);
  });
  it('a settled join, or a failure with an answer, is not a no-answer', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: true };
    expect(await stage({ wire }, { kind: 'success' })).toEqual([]);
    expect(await stage({ wire: { ...wire, accepted: false } }, { kind: 'failure', code: 3712, message: 'x' })).toEqual(['answer-signature-rejected:web']);
  });
});
