import { describe, expect, it } from 'vitest';
import { createSimClock } from '../../../lib/lab/sim-clock';

describe('lab simulated clock', () => {
  it('is the real clock unless jumping is on', () => {
    const c = createSimClock({ realNow: () => 1000 });
    c.advanceForJoin();
    expect(c.nowMs()).toBe(1000);
  });
  it('jumps 0..127 s per join so quick joins land in different 128 s windows', () => {
    let r = 0;
    const seq = [0.5, 0.999, 0];
    const c = createSimClock({ jumpPerJoinS: 128, realNow: () => 0, random: () => seq[r++ % 3]! });
    c.advanceForJoin();
    expect(c.offsetMs()).toBe(64_000);
    c.advanceForJoin();
    expect(c.offsetMs()).toBe((64_000 + 127_872) % 128_000); // wraps: never hours of apparent skew
    c.advanceForJoin();
    expect(c.nowMs()).toBe((64_000 + 127_872) % 128_000);
    c.advanceForJoin(false);
    expect(c.offsetMs()).toBe(0); // scenarios that do not sample over time use the real clock
  });
});
