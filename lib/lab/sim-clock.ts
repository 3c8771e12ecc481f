/**
 * The lab's clock, shared by its signature endpoints and its Zoom stand-in. Real joins of one
 * person seconds apart all fall into the same 128 s window of a quantised iat, so a run of N
 * quick joins would fail 0% or 100% of the time. With `jumpPerJoinS` set, the clock jumps a
 * random 0..jumpPerJoinS s forward before each signature of a time-sampling scenario, so N joins
 * sample N moments as joins spread over hours would. The offset wraps at jumpPerJoinS (it only
 * matters modulo the 128 s quantum), so it never grows into hours of apparent clock skew, and
 * other scenarios reset it to 0. Both sides read the same clock and the stand-in stamps it in its
 * `Date` header, so the extension's clock-offset measurement stays truthful.
 */
export interface SimClock {
  /** Milliseconds since the epoch on the lab's clock. */
  nowMs(): number;
  /** Lab clock minus the real clock, ms. */
  offsetMs(): number;
  /** Called once per issued signature: jumps (wrapping) when sampling, back to the real clock when not. */
  advanceForJoin(sampleOverTime?: boolean): void;
}

export interface SimClockOptions {
  /** 0 (default): the lab clock is the real clock. */
  jumpPerJoinS?: number;
  random?: () => number;
  realNow?: () => number;
}

export function createSimClock(opts: SimClockOptions = {}): SimClock {
  const jump = Math.max(0, opts.jumpPerJoinS ?? 0);
  const random = opts.random ?? Math.random;
  const realNow = opts.realNow ?? Date.now;
  let offset = 0;
  return {
    nowMs: () => realNow() + offset,
    offsetMs: () => offset,
    advanceForJoin(sampleOverTime = true) {
      if (!sampleOverTime || jump === 0) offset = 0;
      else offset = (offset + Math.floor(random() * jump * 1000)) % (jump * 1000);
    },
  };
}
