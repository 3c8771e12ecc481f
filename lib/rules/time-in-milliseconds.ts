import { defineRule, type FindingInput } from './define';
import { claimValue, isoTime, MILLISECONDS_THRESHOLD, signaturePayload } from './claim-values';
import { WHOLE_SECONDS } from './fixes';
import { GUESS, langFix, type LangLines } from './lang';
import { hoursMinutes } from './time-zone';

const TIME_CLAIMS = ['iat', 'exp', 'tokenExp'] as const;

const NS_PER_S = 1e9;
/** A Go time.Duration window Zoom would accept, in ns: 1800 s … 48 h. Wider bounds catch a wrong window too. */
const DURATION_MIN_NS = 60 * NS_PER_S;
const DURATION_MAX_NS = 30 * 86400 * NS_PER_S;

/** The Go lines lead with the Duration mistake; the rest are the whole-seconds calls. */
const GO_DURATION: LangLines = {
  ...WHOLE_SECONDS,
  go: '`time.Now().Add(2 * time.Hour).Unix()`, or `iat + int64((2 * time.Hour).Seconds())`: a time.Duration is nanoseconds, so `2*time.Hour` is 7200000000000',
};

interface Unit {
  kind: 'milliseconds' | 'microseconds' | 'nanoseconds' | 'go-duration' | 'iat-plus-go-duration';
  /** What the value is, for the message. */
  what: string;
  asSeconds: number;
}

function unitOf(value: number, iat: unknown): Unit {
  const isInt = Number.isSafeInteger(value);
  if (isInt && value % NS_PER_S === 0 && value >= DURATION_MIN_NS && value <= DURATION_MAX_NS) {
    const s = value / NS_PER_S;
    return { kind: 'go-duration', what: `a Go time.Duration: ${value} ns = ${hoursMinutes(s)} (e.g. \`${s % 3600 === 0 ? `${s / 3600}*time.Hour` : `${s}*time.Second`}\`), not a time`, asSeconds: s };
  }
  if (isInt && typeof iat === 'number' && Number.isInteger(iat) && Math.abs(iat) < MILLISECONDS_THRESHOLD) {
    const d = value - iat;
    if (d % NS_PER_S === 0 && d >= DURATION_MIN_NS && d <= DURATION_MAX_NS) {
      const s = d / NS_PER_S;
      return { kind: 'iat-plus-go-duration', what: `iat + a Go time.Duration in nanoseconds: ${iat} + ${d} (${hoursMinutes(s)} as ns, e.g. \`iat + int64(2*time.Hour)\`)`, asSeconds: iat + s };
    }
  }
  const abs = Math.abs(value);
  if (abs >= 1e17) return { kind: 'nanoseconds', what: `nanoseconds (${isoTime(value / NS_PER_S)}; Go \`time.Now().UnixNano()\`, Python \`time.time_ns()\`)`, asSeconds: Math.floor(value / NS_PER_S) };
  if (abs >= 1e14) return { kind: 'microseconds', what: `microseconds (${isoTime(value / 1e6)}; Go \`UnixMicro()\`, a database timestamp)`, asSeconds: Math.floor(value / 1e6) };
  return { kind: 'milliseconds', what: `milliseconds (${isoTime(value / 1000)})`, asSeconds: Math.floor(value / 1000) };
}

export const timeInMilliseconds = defineRule({
  id: 'time-in-milliseconds',
  severity: 'error',
  title: 'iat, exp or tokenExp is in milliseconds, micro- or nanoseconds (or a Go time.Duration)',
  source: 'signature-facts §1 (integer seconds), §1 version history (pre-JWT signatures used milliseconds); Go time.Duration is int64 nanoseconds',
  rank: 200,
  sdk: 'any',
  phrase: 'times in milliseconds, not seconds',
  check({ token }) {
    if (!signaturePayload(token)) return null;
    const out: FindingInput[] = [];
    const iat = claimValue(token, 'iat');
    for (const name of TIME_CLAIMS) {
      const value = claimValue(token, name);
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) < MILLISECONDS_THRESHOLD) continue;
      const unit = unitOf(value, iat);
      const year = new Date(Math.min(value * 1000, 8.64e15)).getUTCFullYear();
      const go = unit.kind === 'go-duration' || unit.kind === 'iat-plus-go-duration';
      out.push({
        claim: name,
        severity: name === 'tokenExp' ? 'warning' : 'error',
        message: `${name} is ${value}, which is ${unit.what}; read as seconds it is ${value * 1000 > 8.64e15 ? 'beyond the year 275760' : `the year ${year}`}.`,
        fix: go
          ? langFix('Use whole epoch seconds; convert durations to seconds before adding them:', GO_DURATION, token, GUESS.goDuration)
          : langFix(`Use whole epoch seconds, not ${unit.kind} (e.g. C# \`ToUnixTimeSeconds()\`, not \`ToUnixTimeMilliseconds()\`):`, WHOLE_SECONDS, token),
        data: { value, unit: unit.kind, asSeconds: unit.asSeconds },
      });
    }
    return out;
  },
});
