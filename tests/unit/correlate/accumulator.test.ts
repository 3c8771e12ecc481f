/**
 * The panel keeps a session's correlation up to date join by join (lib/correlate/accumulator.ts)
 * instead of correlating 100,000 joins again for each new one. A running sum that misses one
 * case (a pending join settling into a failure, the session's quantisation evidence crossing its
 * threshold and re-judging earlier failures, the last join of an endpoint replaced) would show a
 * headline, group counts or offset split that `join-doctor har` on the same session contradicts.
 * So: random sessions, grown one join at a time with random settles in between, compared with the
 * full correlate() on the same list after every step.
 */
import { describe, expect, it } from 'vitest';
import { correlate, type CorrelationItem } from '../../../lib/correlate';
import { CorrelationAccumulator } from '../../../lib/correlate/accumulator';
import { QUANTIZATION_EVIDENCE } from '../../../lib/correlate/primary-cause';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';
import { isJoinDoctorError } from '../../../lib/errors';
import { samplePayload, signClaims } from '../rules/token-helpers';
import { INVALID_SIGNATURE, iatFor } from './series';
import { prng } from '../seeded-random';

const START = 1_795_912_284_000;

const OUTCOMES: Outcome[] = [
  { kind: 'success' },
  INVALID_SIGNATURE,
  { kind: 'failure', code: 3705, message: 'The signature has expired.' },
  { kind: 'failure', code: 3707, message: 'Meeting number not found' },
  { kind: 'failure', code: null, message: null, serverMessage: 'Invalid signature.' },
  { kind: 'silent-refusal', reason: 'join called twice' },
  { kind: 'silent-refusal', reason: 'no meeting number' },
  { kind: 'timeout', afterMs: 30_000 },
  { kind: 'pending' },
  { kind: 'superseded', by: 'j0', reason: 'the next identical join replaced it' },
];

const ISSUERS = ['https://api.example.com/java/signature?user=a', 'https://api.example.com/node/signature', null];

interface Template {
  signature: string;
  iat: number;
  extra: Partial<JoinAttempt>;
}

/** Tokens a Java backend (iat a multiple of 128 s, often in the future), a Node one, and broken ones issued. */
async function templates(random: () => number): Promise<Template[]> {
  const out: Template[] = [];
  for (let i = 0; i < 14; i++) {
    const nowMs = START + Math.floor(random() * 3_600_000);
    const java = i % 3 !== 0;
    const iat = iatFor(java ? 'java' : 'node', nowMs);
    const claims: Record<string, unknown> =
      i === 4 ? { iat, exp: iat + 600, tokenExp: iat + 600 } : i === 7 ? { iat, exp: iat - 10, tokenExp: iat - 10, mn: undefined } : { iat, exp: iat + 7200, tokenExp: iat + 7200 };
    out.push({ signature: await signClaims(samplePayload(claims)), iat, extra: i === 9 ? { sdk: 'video', api: 'video-sdk', topic: 'room' } : {} });
  }
  return out;
}

function joinOf(t: Template, id: string, random: () => number): CorrelationItem {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  // Joined around the token's iat: some iats are ahead of the join (the Java 3712s), some behind.
  const calledAt = t.iat * 1000 + Math.floor((random() - 0.6) * 120_000);
  const issuer = pick(ISSUERS);
  const video = t.extra.sdk === 'video';
  const outcome: Outcome = video && random() < 0.5 ? { kind: 'failure', code: 3712, serverCode: 124, message: 'Verify JWT failed' } : pick(OUTCOMES);
  const attempt: JoinAttempt = {
    id,
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature: t.signature,
    meetingNumber: '123456789',
    calledAt,
    settledAt: calledAt + 1500,
    outcome,
    pageUrl: 'https://app.example.com/meeting',
    ...(issuer ? { issuer: { url: issuer, method: 'POST', receivedAt: calledAt - 400 } } : {}),
    ...(random() < 0.3 ? { clockOffsetMs: Math.round((random() - 0.5) * 4000), clockOffsetSource: 'the Date of its own join answer (zoom.us)' } : {}),
    ...t.extra,
  };
  const analysis = analyseAttempt(attempt, {});
  // Some tokens were checked with the session's secret and verify: their 3712s no longer ask for the secret.
  return { attempt, analysis: random() < 0.3 ? { ...analysis, secretChecked: true } : analysis };
}

describe('the running correlation (what the panel shows for a long session)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('never drifts from correlate() as joins arrive and settle (seed %i)', async (seed) => {
    const random = prng(seed);
    const tpl = await templates(random);
    const acc = new CorrelationAccumulator();
    const list: CorrelationItem[] = [];
    const evidenceSeen = new Set<boolean>();
    let replaced = 0;
    for (let step = 0; step < 160; step++) {
      if (list.length > 3 && random() < 0.3) {
        // A join settling (or re-analysed): same id, new outcome and possibly another token.
        const at = Math.floor(random() * list.length);
        const next = joinOf(tpl[Math.floor(random() * tpl.length)]!, list[at]!.attempt.id, random);
        list[at] = next;
        acc.replace(at, next);
        replaced++;
      } else {
        const next = joinOf(tpl[Math.floor(random() * tpl.length)]!, `j${step}`, random);
        list.push(next);
        acc.push(next);
      }
      const full = correlate(list);
      evidenceSeen.add(QUANTIZATION_EVIDENCE.includes(full.quantization.verdict));
      expect(acc.result(), `seed ${seed}, step ${step}`).toEqual(full);
    }
    // The random walk must have exercised what it is for: settles, and the evidence on both sides.
    expect(replaced).toBeGreaterThan(20);
    expect(evidenceSeen).toEqual(new Set([true, false]));
  });

  it('refuses a second join with an id it holds (per-id causes cannot be summed)', async () => {
    const random = prng(9);
    const tpl = await templates(random);
    const acc = new CorrelationAccumulator();
    acc.push(joinOf(tpl[0]!, 'same', random));
    let caught: unknown;
    try {
      acc.push(joinOf(tpl[1]!, 'same', random));
    } catch (e) {
      caught = e;
    }
    expect(isJoinDoctorError(caught, 'ERR_DUPLICATE_ID')).toBe(true);
  });
});
