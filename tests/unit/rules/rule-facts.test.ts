/**
 * Each rule carries its facts (rank, SDK, phrase, the codes it produces, whether the secret verifies
 * it; lib/rules/types.ts RuleFacts), and the expert order, the Video SDK catalogue and the codes'
 * affinities are read from them. These tests catch what separate tables let drift: a rule without a
 * place in the order, a code no row of the code table has, a scope the rule's check does not keep.
 */
import { describe, expect, it } from 'vitest';
import { analyseDecodedToken } from '../../../lib/analyse';
import { decodeSignature } from '../../../lib/token/decode';
import { rules, videoCatalogue } from '../../../lib/rules/index';
import { joinRules } from '../../../lib/rules/join/index';
import { defineRule } from '../../../lib/rules/define';
import type { CatalogueRule } from '../../../lib/rules/types';
import { EXPERT_ORDER } from '../../../lib/rules/catalogue-facts';
import { codeAffinity, NOT_SENT_EXPLAINERS, producedCodes } from '../../../lib/rules/join/affinity';
import { codeFact } from '../../../lib/rules/join/code-table';
import { REF, TRIGGERS } from './rule-triggers';
import { handVideoToken } from './video-token-kit';
import { JOIN_TIME } from './token-helpers';
import { primaryCause } from '../../../lib/correlate/primary-cause';
import type { CorrelationItem, QuantizationEvidence } from '../../../lib/correlate/types';

describe('rules carry their own facts', () => {
  it('a Video SDK rule added without a rank once ranked after every other cause: every token rule has its own rank', () => {
    const ranks = rules.map((r) => r.rank);
    for (const r of rules) expect(Number.isInteger(r.rank) && r.rank > 0, `${r.id} rank ${r.rank}`).toBe(true);
    expect(new Set(ranks).size, 'two rules share a rank: their order would depend on the catalogue').toBe(ranks.length);
    expect([...EXPERT_ORDER].sort()).toEqual(rules.map((r) => r.id).sort());
    expect(EXPERT_ORDER[0]).toBe('token-malformed');
    // Never a cause on its own: last, so nothing it shares a failure with is ranked after it.
    expect(EXPERT_ORDER.at(-1)).toBe('iat-quantized');
  });

  it('a rule without its facts does not compile into a catalogue', () => {
    const bare = defineRule({ id: 'bare-rule', severity: 'info', title: 't', source: 's', check: () => null });
    // @ts-expect-error no rank and no SDK: `npm run typecheck` fails on a catalogue that holds it.
    const catalogue = [bare] as const satisfies readonly CatalogueRule<string>[];
    expect((catalogue[0] as Partial<CatalogueRule<string>>).rank).toBeUndefined();
  });

  it('a code a rule says it produces but the code table lacks would never be matched: every produced code is a row', () => {
    const missing: string[] = [];
    for (const r of [...rules, ...joinRules]) {
      const codes = r.produces ?? [];
      expect(new Set(codes).size, `${r.id} names a code twice`).toBe(codes.length);
      for (const code of codes) if (!codeFact(code)) missing.push(`${r.id} → ${code}`);
    }
    expect(missing).toEqual([]);
    // A code's own row must not restate the outcome (1, 200, 3712): such a code says only "it failed".
    expect(producedCodes().filter((c) => codeFact(c)?.restates)).toEqual([]);
  });

  it("a code's explainers lead by what is most decisive: token rules by rank, then join rules in catalogue order", () => {
    const joinIds = joinRules.map((r) => r.id as string);
    for (const code of producedCodes()) {
      const ids = codeAffinity(code) as readonly string[];
      const token = ids.filter((id) => !joinIds.includes(id));
      const join = ids.filter((id) => joinIds.includes(id));
      expect(ids, `code ${code}`).toEqual([...token, ...join]);
      expect(token, `code ${code}`).toEqual(EXPERT_ORDER.filter((id) => token.includes(id)));
      expect(join, `code ${code}`).toEqual(joinIds.filter((id) => join.includes(id)));
    }
    expect(codeAffinity(3705)).toEqual(['token-expired', 'exp-window-short', 'exp-window-long', 'tokenexp-invalid']);
    expect(codeAffinity(3712)).toEqual([]);
  });

  it('a rule said to explain a join that never asked Zoom produces only codes the SDK reports before asking', () => {
    expect(NOT_SENT_EXPLAINERS.length).toBeGreaterThan(0);
    for (const id of NOT_SENT_EXPLAINERS) {
      const rule = joinRules.find((r) => r.id === id)!;
      expect(rule.produces?.length, id).toBeGreaterThan(0);
      for (const code of rule.produces ?? []) expect(codeFact(code)?.stage, `${id} → ${code}`).toBe('browser');
    }
  });

  it('"no mn" on a Video SDK join: a rule scoped to the Meeting SDK is skipped for a Video SDK token, and only such a rule', () => {
    expect(videoCatalogue.map((r) => r.id)).toEqual(rules.filter((r) => r.sdk !== 'meeting').map((r) => r.id));
    // A Video SDK join whose JWT has no SDK claims at all: nothing in the token says which SDK it is for.
    const token = decodeSignature(handVideoToken({ iat: JOIN_TIME, exp: JOIN_TIME + 7200 }));
    const meetingIds = new Set<string>(rules.filter((r) => r.sdk === 'meeting').map((r) => r.id));
    // Run directly, the Meeting SDK's claim rules would ask it for appKey, mn and role...
    const direct = rules.filter((r) => meetingIds.has(r.id)).flatMap((r) => r.check({ token, ...REF, sdk: 'video' })).map((f) => f.id);
    expect(direct).toEqual(expect.arrayContaining(['app-key-missing', 'mn-missing', 'role-missing']));
    // ...which is why the Video SDK catalogue skips them: its own rules name the Video SDK's claims.
    const ids = analyseDecodedToken(token, { ...REF, sdk: 'video' }).findings.map((f) => f.id);
    expect(ids.filter((id) => meetingIds.has(id))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['vsdk-app-key-missing', 'vsdk-tpc-missing']));
    // Its times are fine: a rule scoped to any SDK that asks it for a Meeting SDK claim is scoped wrong.
    const videoIds = new Set<string>(rules.filter((r) => r.sdk === 'video').map((r) => r.id));
    expect(ids.filter((id) => !videoIds.has(id))).toEqual([]);
  });

  it('a rule scoped to the Video SDK stays silent on a token given to a Meeting SDK join', async () => {
    const video = rules.filter((r) => r.sdk === 'video');
    expect(video.length).toBeGreaterThan(0);
    for (const rule of video) {
      const ctx = await TRIGGERS[rule.id]!();
      expect(rule.check(ctx).length, `${rule.id} does not fire on its own trigger`).toBeGreaterThan(0);
      expect(rule.check({ ...ctx, sdk: 'meeting' }), rule.id).toEqual([]);
    }
  });

  it('a cause called "verified with your secret" comes only from a rule that needs the secret, and every such rule says so', async () => {
    for (const rule of rules) {
      const ctx = await TRIGGERS[rule.id]!();
      expect(rule.check(ctx).length, `${rule.id} does not fire on its own trigger`).toBeGreaterThan(0);
      const { verification: _, ...withoutSecret } = ctx;
      const needsSecret = rule.check(withoutSecret).length === 0 && ctx.verification !== undefined;
      expect(rule.verifiedBySecret === true, rule.id).toBe(needsSecret);
    }
  });

  it('a measured clock skew, or iat on a 128 s boundary alone, named "suspect" for a 3712 sent users after the wrong fix: such a rule is never a suspect, and says so itself', async () => {
    const neverSuspect = rules.filter((r) => r.neverSuspect === true);
    expect(neverSuspect.map((r) => r.id).sort()).toEqual(['clock-skew', 'iat-quantized']);
    for (const rule of neverSuspect) {
      // Its finding alone, as a warning, on a 3712: no suspect, the failure stays unexplained.
      const finding = rule.check(await TRIGGERS[rule.id]!())[0]!;
      const item = { attempt: { id: 'a', api: 'client-view', method: 'ZoomMtg.join', signature: 'x', calledAt: 0, settledAt: 1, outcome: { kind: 'failure', code: 3712 } }, analysis: { verdict: 'fail', token: decodeSignature('x'), findings: [{ ...finding, severity: 'warning' as const }] } } as unknown as CorrelationItem;
      expect(primaryCause(item, 'failure-3712', { verdict: 'none' } as unknown as QuantizationEvidence).kind, rule.id).toBe('unexplained');
    }
  });

  it('two causes said in the same words would read as one group: every phrase is its rule\'s own, without a final full stop', () => {
    const phrases = rules.flatMap((r) => (r.phrase === undefined ? [] : [r.phrase]));
    expect(phrases.length).toBeGreaterThan(0);
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const p of phrases) expect(p.endsWith('.') || p.trim() !== p, p).toBe(false);
  });
});
