import { describe, expect, it } from 'vitest';
import { runJoinRules } from '../../../lib/rules/join/run';
import { analyseTokenInput } from '../../../lib/analyse';
import type { JoinRule } from '../../../lib/rules/join/types';
import type { JoinAttempt } from '../../../lib/model/attempt';

const attempt: JoinAttempt = {
  id: 'a1',
  api: 'client-view',
  signature: 'not-a-token',
  calledAt: 1_700_000_000_000,
  outcome: { kind: 'failure', code: 3707, message: 'Meeting not found' },
};

describe('join rules runner', () => {
  it('stamps every finding with the rule id, title, default severity and origin', () => {
    const rule: JoinRule<string> = {
      id: 'code-3707',
      severity: 'error',
      title: 'Meeting number not found',
      origin: 'answer',
      source: 'test',
      check: ({ attempt: a }) => (a.outcome.kind === 'failure' && a.outcome.code === 3707 ? { message: 'Zoom answered 3707', fix: 'check mn' } : null),
    };
    const out = runJoinRules({ attempt, token: analyseTokenInput(attempt.signature) }, [rule]);
    expect(out).toEqual([{ id: 'code-3707', title: 'Meeting number not found', severity: 'error', origin: 'answer', message: 'Zoom answered 3707', fix: 'check mn' }]);
  });

  it('a join rule that throws on a hostile page value becomes an internal-error warning, not a crash', () => {
    const rule: JoinRule<string> = {
      id: 'page-thing',
      severity: 'warning',
      title: 'x',
      origin: 'page',
      source: 'test',
      check: () => {
        throw new TypeError('getter exploded');
      },
    };
    const out = runJoinRules({ attempt, token: analyseTokenInput(attempt.signature) }, [rule]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: 'internal-error', severity: 'warning', origin: 'page', data: { rule: 'page-thing' } });
    expect(out[0]!.message).toContain('getter exploded');
  });
});
