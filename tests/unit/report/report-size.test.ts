/**
 * The ticket report's size and first lines for each of the lab's five scenarios, 40 joins each,
 * spread over one 128 s step as the lab does: the lab's own generators issue the tokens and its
 * Zoom stand-in judges them, so outcomes are what the real run produces. Markdown exports of 40
 * joins were 30–104 KB (every attempt repeated every explanation); a ticket takes them under 20 KB.
 */
import { describe, expect, it } from 'vitest';
import { analyseAttempt } from '../../../lib/attempt-context';
import { LAB_CREDENTIALS } from '../../../lab/credentials';
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from '../../../lab/scenarios';
import { judgeWcInfo } from '../../../lab/wc-info-judge';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { buildExport, renderHtml, renderMarkdown } from '../../../lib/report';
import { answerHeadline } from '../../../lib/report/report-facts';

const START = Date.UTC(2026, 10, 30, 19, 0, 7);
const ORIGIN = 'http://127.0.0.1:39765';

function labSession(s: ScenarioName, joins = 40): JoinAttempt[] {
  const out: JoinAttempt[] = [];
  for (let i = 0; i < joins; i++) {
    const t = START + Math.round((i * 128_000) / joins);
    const signature = SCENARIOS[s].issue(t - 300, LAB_CREDENTIALS, 0);
    const answer = judgeWcInfo({ signature, meetingNumber: LAB_CREDENTIALS.meetingNumber }, LAB_CREDENTIALS, t);
    out.push({
      id: `lab-${s}-${i}`,
      api: 'client-view',
      method: 'ZoomMtg.join',
      signature,
      meetingNumber: LAB_CREDENTIALS.meetingNumber,
      sdkVersion: '6.2.0',
      calledAt: t,
      settledAt: t + 40,
      outcome: answer.body.status
        ? { kind: 'success' }
        : { kind: 'failure', code: answer.body.errorMessage === 'The signature has expired.' ? 3705 : 3712, message: answer.body.errorMessage, serverMessage: answer.body.errorMessage, serverCode: 200 },
      issuer: { url: `${ORIGIN}/api/signature/${s}`, method: 'POST', receivedAt: t - 300, serverDate: Math.floor((t - 300) / 1000) * 1000 },
      clockOffsetMs: 0,
      clockOffsetSource: 'the Date of its own join answer (zoom.us)',
      pageUrl: `${ORIGIN}/`,
    });
  }
  return out;
}

describe('the Markdown ticket report for 40 joins of each lab scenario', () => {
  for (const s of SCENARIO_NAMES) {
    it(`${s}: under 20 KB, and it opens with the answer`, () => {
      const attempts = labSession(s);
      const exp = buildExport(
        attempts.map((attempt) => ({ attempt, analysis: analyseAttempt(attempt) })),
        { source: 'lab', pageHost: '127.0.0.1:39765', createdAt: new Date(START + 200_000) },
      );
      const md = renderMarkdown(exp);
      const bytes = new TextEncoder().encode(md).length;
      expect(bytes).toBeLessThan(20 * 1024);
      const [title, , answer] = md.split('\n');
      expect(title).toMatch(/^# Join Doctor: /);
      expect(title).toContain('127.0.0.1:39765');
      if (exp.correlation.failures > 0) {
        expect(title).toContain(`${exp.correlation.failures} of 40 joins`);
        expect(answer).toBe(`**${answerHeadline(exp)}**`);
      } else expect(title).toContain('no failed join');
      // Per-attempt tokens stay in the JSON.
      expect(md).not.toContain(String(attempts[0]!.signature).split('.')[1]);
      // The HTML names the host, not a file-name form of it, and carries no token either.
      const html = renderHtml(exp);
      expect(html).toContain('127.0.0.1:39765');
      expect(html).not.toContain(String(attempts[0]!.signature).split('.')[1]);
    });
  }
});
