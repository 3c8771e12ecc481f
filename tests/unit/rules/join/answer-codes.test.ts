/**
 * Zoom's answer as a named cause: every row of the code table, in the view that reports it, gives
 * exactly one answer-* finding, even with a perfect token; a token finding that produces the code
 * keeps the headline.
 */
import { describe, expect, it } from 'vitest';
import { codeFacts } from '../../../../lib/rules/join/code-table';
import { correlate } from '../../../../lib/correlate';
import { AT, analyseAttempt, ids, joinWith } from './join-kit';

const ANSWER_RULES = ['answer-signature-rejected', 'answer-meeting-refused', 'answer-host-start', 'answer-external-authorization', 'answer-sdk-refused', 'answer-meeting-server', 'answer-generic-failure', 'answer-code-unknown'];

describe('Zoom\'s answer, code by code', () => {
  it('every row of the code table gives exactly one answer finding naming that code, with a perfect token', async () => {
    const seen = new Set<string>();
    for (const f of codeFacts()) {
      const api = f.views === 'component-view' ? 'component-view' : 'client-view';
      const a = analyseAttempt(await joinWith({ kind: 'failure', code: f.code, message: f.meaning }, { api }));
      const answer = a.findings.filter((x) => x.origin === 'answer');
      expect(answer, `code ${f.code}`).toHaveLength(1);
      expect(answer[0]!.data?.meaningCode, `code ${f.code}`).toBe(f.code);
      expect(ids(a, 'token'), `code ${f.code}`).toEqual([]);
      seen.add(answer[0]!.id);
    }
    expect([...seen].sort()).toEqual(ANSWER_RULES.filter((r) => r !== 'answer-code-unknown').sort());
  });

  it('a deleted meeting (3707) with a perfect token: the code finding is an error and the primary cause', async () => {
    const attempt = await joinWith({ kind: 'failure', code: 3707, message: 'The meeting number is not found.', serverCode: 200, serverMessage: 'The meeting number is not found.' });
    const a = analyseAttempt(attempt);
    expect(a.findings.map((f) => [f.id, f.severity])).toEqual([['answer-signature-rejected', 'error']]);
    expect(a.findings[0]!.message).toContain("Zoom answered errorCode 200 \"The meeting number is not found.\"");
    expect(a.findings[0]!.message).toContain("at Zoom's join answer (wc/info)");
    expect(correlate([{ attempt, analysis: a }]).causes[0]!.key).toBe('answer-signature-rejected:3707');
  });

  it('an expired signature (3705) is explained by token-expired: the code finding steps back to info', async () => {
    const attempt = await joinWith({ kind: 'failure', code: 3705, message: 'The signature has expired.' }, {}, { exp: Math.floor(1_795_912_284) - 60, iat: 1_795_912_284 - 7260 });
    const a = analyseAttempt(attempt);
    const code = a.findings.find((f) => f.id === 'answer-signature-rejected')!;
    expect(code.severity).toBe('info');
    expect(code.data?.explainedBy).toContain('token-expired');
    expect(correlate([{ attempt, analysis: a }]).causes[0]!.key).toBe('token-expired');
  });

  it('3712 from a future iat: iat-future keeps the headline, the code finding says it is explained', async () => {
    const attempt = await joinWith({ kind: 'failure', code: 3712, message: 'Signature is invalid.', serverCode: 200, serverMessage: 'Invalid signature.' }, {}, { iat: 1_795_912_284 + 40, exp: 1_795_912_284 + 7240, tokenExp: 1_795_912_284 + 7240 });
    const a = analyseAttempt(attempt);
    expect(a.findings.find((f) => f.id === 'answer-signature-rejected')).toMatchObject({ severity: 'info', data: { explainedBy: 'iat-future' } });
    expect(correlate([{ attempt, analysis: a }]).causes[0]!.key).toBe('iat-future');
  });

  it('3712 with a perfect token (S2S OAuth credentials) only restates the outcome: a warning, and the failure stays unexplained', async () => {
    const attempt = await joinWith({ kind: 'failure', code: 3712, message: 'Signature is invalid.', serverCode: 200, serverMessage: 'Invalid signature.' });
    const a = analyseAttempt(attempt);
    expect(a.findings.map((f) => [f.id, f.severity])).toEqual([['answer-signature-rejected', 'warning']]);
    expect(correlate([{ attempt, analysis: a }]).causes[0]!.key).toBe('unexplained:3712');
  });

  it('a wrong passcode (3004) names the passcode and both spellings of its key', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 3004, message: 'Meeting Passcode wrong.', serverCode: 3004, serverMessage: 'Wrong passcode' }));
    expect(ids(a)).toEqual(['answer-meeting-refused']);
    expect(a.findings[0]!.fix).toContain('passWord');
    expect(a.findings[0]!.fix).toContain('password');
  });

  it('the component view\'s 200 for a meeting that does not exist is read through Zoom\'s own code 3001', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 200, message: 'Meeting does not exist', serverCode: 3001, serverMessage: 'Meeting does not exist', type: 'JOIN_MEETING_FAILED' }, { api: 'component-view', method: 'client.join' }));
    expect(ids(a)).toEqual(['answer-meeting-refused']);
    expect(a.findings[0]!.data).toMatchObject({ code: 200, meaningCode: 3610, serverCode: 3001 });
    expect(a.findings[0]!.message).toContain("Zoom's own code 3001");
  });

  it('4011 captured from the meeting server\'s answer (client view, no callback) names the meeting server\'s 6601 after the accepted wc/info', async () => {
    const wire = { sentAt: AT + 2000, answeredAt: AT + 2040, http: 200, accepted: true, meetingServer: { openedAt: AT + 2300, answeredAt: AT + 2500, res: 6601 } };
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 4011, message: 'To join a meeting hosted by an external Zoom account…', serverCode: null, serverMessage: null }, { wire }));
    expect(ids(a)).toEqual(['answer-external-authorization']);
    expect(a.findings[0]!.message).toContain('Zoom accepted the signature (wc/info status:true); the meeting server then answered the join with result code 6601');
    expect(a.findings[0]!.data).toMatchObject({ code: 4011, stage: 'meeting-server', meetingServerCode: 6601 });
  });

  it('an unpublished app joining another account\'s meeting (4011) names the 2026 authorization rule', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 4011, message: 'To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom Marketplace.' }));
    expect(ids(a)).toEqual(['answer-external-authorization']);
    expect(a.findings[0]!.fix).toContain('2026');
    expect(a.findings[0]!.message).toContain('at the meeting server');
  });

  it('React StrictMode calling join twice (3633) and zak with obfToken (3636) are the SDK\'s own refusals', async () => {
    for (const code of [3633, 3636]) {
      const a = analyseAttempt(await joinWith({ kind: 'failure', code, message: 'x' }));
      expect(ids(a)).toEqual(['answer-sdk-refused']);
      expect(a.findings[0]!.message).toContain('before Zoom was asked');
    }
  });

  it('"Fail to join the meeting." (client view 1) shows Zoom\'s own words and stays a warning', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 1, message: 'Fail to join the meeting.', serverCode: 200, serverMessage: 'Your app is not authorized.' }));
    expect(a.findings.map((f) => [f.id, f.severity])).toEqual([['answer-generic-failure', 'warning']]);
    expect(a.findings[0]!.message).toContain('"Your app is not authorized."');
  });

  it('an unknown code says it is unknown and shows the server\'s own words', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 98765, message: 'A new thing', serverCode: 98765, serverMessage: 'A brand-new server error' }));
    expect(ids(a)).toEqual(['answer-code-unknown']);
    expect(a.findings[0]!.message).toContain('not in the 6.2.0 SDK\'s tables');
    expect(a.findings[0]!.message).toContain('"A brand-new server error"');
  });

  it('a component-view rejection with a plain Error (no code) is unknown and quotes its message', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: null, message: 'appKey can not empty in the signature' }, { api: 'component-view' }));
    expect(ids(a)).toEqual(['answer-code-unknown']);
    expect(a.findings[0]!.message).toContain('without an error code');
  });

  it('the component view\'s plain Error for zak + obfToken (no code, measured) is the SDK\'s 3636 refusal', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: null, message: 'zak and obfToken are mutually exclusive. Please provide only one.' }, { api: 'component-view' }));
    expect(ids(a)).toEqual(['answer-sdk-refused']);
    expect(a.findings[0]!.data?.meaningCode).toBe(3636);
  });

  it('a clean join gives no answer finding', async () => {
    for (const outcome of [{ kind: 'success' } as const, { kind: 'success', acceptedOnly: true } as const, { kind: 'pending' } as const]) {
      expect(ids(analyseAttempt(await joinWith(outcome)))).toEqual([]);
    }
  });

  it('Zoom\'s words are cut at 200 characters (a hostile or huge answer stays one line)', async () => {
    const a = analyseAttempt(await joinWith({ kind: 'failure', code: 98765, message: null, serverCode: 98765, serverMessage: 'x'.repeat(100_000) }));
    expect(a.findings[0]!.message.length).toBeLessThan(600);
  });
});
