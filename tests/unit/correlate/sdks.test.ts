import { describe, expect, it } from 'vitest';
import { correlate } from '../../../lib/correlate';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt } from '../../../lib/model/attempt';

const attempt = (id: string, sdk: JoinAttempt['sdk'], ok: boolean): JoinAttempt => ({
  id,
  api: sdk === 'video' ? 'video-sdk' : 'client-view',
  ...(sdk ? { sdk } : {}),
  signature: 'x.y.z',
  calledAt: 1_795_912_284_000,
  outcome: ok ? { kind: 'success' } : { kind: 'failure', code: sdk === 'video' ? 200 : 3712, message: 'm' },
});

describe('correlation per SDK', () => {
  it('a session with both SDKs counts each; an attempt without sdk (older capture) is a Meeting SDK join', () => {
    const attempts = [attempt('a', undefined, false), attempt('b', 'meeting', true), attempt('c', 'video', false), attempt('d', 'video', false)];
    const c = correlate(attempts.map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    expect(c.sdks).toEqual([
      { sdk: 'meeting', attempts: 2, failures: 1, successes: 1 },
      { sdk: 'video', attempts: 2, failures: 2, successes: 0 },
    ]);
  });
});
