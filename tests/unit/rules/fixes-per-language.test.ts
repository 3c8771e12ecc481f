/**
 * Every rule's fix has a line for each common backend language, and the language of the generator
 * that made the token comes first when the token shows it. Tokens are made the way each generator
 * makes them (its header, claim order and number formatting), by the arithmetic written out here.
 */
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { rules } from '../../../lib/rules/index';
import { LANGS, LANG_LABEL, inferGenerator, type Lang } from '../../../lib/rules/lang';
import type { RuleContext } from '../../../lib/rules/types';
import { verifySecret } from '../../../lib/verify-secret';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { JOIN_TIME, KEY, SECRET, decode, samplePayload, signClaims, signJson, tokenFor } from './token-helpers';
import { phpHandRolled } from './php-hex-digest';
import { handVideoToken, sampleVideoToken } from './video-token-kit';

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
/** A compact HS256 JWT from exact header and payload JSON text, as a generator wrote them. */
function jwtFromText(headerJson: string, payloadJson: string, secret = SECRET): string {
  const input = `${b64u(headerJson)}.${b64u(payloadJson)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const REF = { referenceTime: JOIN_TIME };
type Trigger = () => Promise<RuleContext>;
const ctx = async (tokenText: unknown, extra: Omit<RuleContext, 'token'> = REF): Promise<RuleContext> => ({ token: decode(tokenText as string), ...extra });
const claims = async (o: Record<string, unknown>, extra: Omit<RuleContext, 'token'> = REF) => ({ token: await tokenFor(o), ...extra });

/** One context per rule id in which that rule fires. A new rule without one fails the coverage test below. */
const TRIGGERS: Record<string, Trigger> = {
  'token-malformed': () => ctx('not-a-token'),
  'token-wrapped': async () => ctx(`Bearer ${await signClaims(samplePayload())}`),
  'token-whitespace': async () => ctx(`${await signClaims(samplePayload())}\n`),
  'token-not-base64url': async () => ctx((await signClaims(samplePayload({ mn: '>>>??>' }))).replace(/-/g, '+').replace(/_/g, '/')),
  'token-legacy-format': () => ctx(b64u(`${KEY}.123456789.1583169538773.0.${b64u('x'.repeat(32))}`)),
  'token-not-sdk-jwt': async () => ctx(await signClaims({ iss: 'apikey', exp: JOIN_TIME + 60 })),
  'header-alg': async () => ctx(jwtFromText('{"alg":"HS512","typ":"JWT"}', JSON.stringify(samplePayload()))),
  'signature-length': async () => ctx(phpHandRolled(samplePayload(), SECRET)),
  'json-duplicate-key': async () => ctx(await signJson(JSON.stringify(samplePayload()).replace('{', '{"role":1,'))),
  'app-key-missing': () => claims({ appKey: undefined, sdkKey: undefined }),
  'app-key-legacy-only': () => claims({ appKey: undefined }),
  'app-key-mismatch': () => claims({ sdkKey: 'otherKey' }),
  'mn-missing': () => claims({ mn: undefined }),
  'role-missing': () => claims({ role: undefined }),
  'mn-mismatch': () => claims({}, { ...REF, join: { meetingNumber: '987654321' } }),
  'mn-format': () => claims({ mn: '123 456 789' }),
  'role-invalid': () => claims({ role: 2 }),
  'iat-missing': () => claims({ iat: undefined }),
  'exp-missing': () => claims({ exp: undefined }),
  'iat-fractional': () => claims({ iat: JOIN_TIME - 0.5 }),
  'exp-fractional': () => claims({ exp: JOIN_TIME + 7200.5 }),
  'time-as-string': () => claims({ iat: String(JOIN_TIME) }),
  'time-in-milliseconds': () => claims({ iat: JOIN_TIME * 1000 }),
  'iat-future': () => claims({ iat: JOIN_TIME + 20, exp: JOIN_TIME + 7220 }),
  'iat-quantized': () => claims({ iat: 1795912192, exp: 1795912192 + 7200 }),
  'exp-window-short': () => claims({ exp: JOIN_TIME + 600 }),
  'exp-window-long': () => claims({ exp: JOIN_TIME + 200000 }),
  'token-expired': () => claims({ iat: JOIN_TIME - 9000, exp: JOIN_TIME - 1800, tokenExp: JOIN_TIME - 1800 }),
  'tokenexp-invalid': () => claims({ tokenExp: JOIN_TIME + 600 }),
  'webrtc-mode-invalid': () => claims({ video_webrtc_mode: 2 }),
  'clock-skew': () => claims({}, { ...REF, clockOffset: -120 }),
  'secret-mismatch': async () => {
    const t = await tokenFor();
    return { token: t, ...REF, verification: await verifySecret(t, 'wrong-secret-0123456789', KEY) };
  },
  'secret-swapped': async () => {
    const t = decode(await signClaims(samplePayload(), KEY));
    return { token: t, ...REF, verification: await verifySecret(t, SECRET, KEY) };
  },
  'secret-whitespace': async () => {
    const t = decode(await signClaims(samplePayload(), `${SECRET}\n`));
    return { token: t, ...REF, verification: await verifySecret(t, SECRET, KEY) };
  },
  'secret-encoding': async () => {
    const t = decode(await signClaims(samplePayload(), Buffer.from(SECRET).toString('base64')));
    return { token: t, ...REF, verification: await verifySecret(t, SECRET, KEY) };
  },
  // Video SDK JWTs as zoom/videosdk-auth-endpoint-sample makes them ({app_key, tpc, role_type, version: 1, iat, exp, …}).
  'vsdk-app-key-missing': () => ctx(sampleVideoToken({}, { app_key: undefined })),
  'vsdk-tpc-missing': () => ctx(handVideoToken({ app_key: 'k', topic: 'room', role_type: 0, version: 1, iat: JOIN_TIME, exp: JOIN_TIME + 7200 })),
  'vsdk-tpc-mismatch': () => ctx(sampleVideoToken({ sessionName: 'room-a' }), { ...REF, sdk: 'video', join: { topic: 'room-b' } }),
  'vsdk-tpc-too-long': () => ctx(sampleVideoToken({ sessionName: 'x'.repeat(201) })),
  'vsdk-role-type-invalid': () => ctx(sampleVideoToken({}, { role_type: '1' })),
  'vsdk-version-missing': () => ctx(sampleVideoToken({}, { version: undefined })),
  'vsdk-session-key-too-long': () => ctx(sampleVideoToken({ sessionKey: 'sess-123e4567-e89b-12d3-a456-426614174000' })),
  'vsdk-user-identity-too-long': () => ctx(sampleVideoToken({ userIdentity: 'someone.with.a.long.address@example.com' })),
};

describe('every rule has a fix line for each backend language', () => {
  it('every rule in the catalogue has a trigger here (a new rule must add one)', () => {
    expect(rules.map((r) => r.id).filter((id) => !TRIGGERS[id])).toEqual([]);
  });

  for (const lang of LANGS) {
    it(`${LANG_LABEL[lang]}: each rule's fix has a "${LANG_LABEL[lang]}:" line`, async () => {
      const missing: string[] = [];
      for (const rule of rules) {
        const trigger = TRIGGERS[rule.id];
        if (!trigger) continue;
        const findings = rule.check(await trigger());
        if (findings.length === 0) missing.push(`${rule.id} (did not fire)`);
        for (const f of findings) if (!f.fix.includes(`${LANG_LABEL[lang]}: `)) missing.push(rule.id);
      }
      expect(missing).toEqual([]);
    });
  }
});

/** The language whose line comes first in the fix. */
function firstLanguage(fix: string): Lang | null {
  let best: { lang: Lang; at: number } | null = null;
  for (const l of LANGS) {
    const at = fix.indexOf(`${LANG_LABEL[l]}: `);
    if (at >= 0 && (best === null || at < best.at)) best = { lang: l, at };
  }
  return best?.lang ?? null;
}

describe('the fix leads with the language of the generator that made the token', () => {
  it('PyJWT: jwt.encode({..., "iat": float(int(time.time()))}) writes 1795912284.0 → Python first', async () => {
    // PyJWT: header json.dumps(sort_keys=True, separators=(",", ":")), payload json.dumps(separators=(",", ":")); a float prints as 1795912284.0
    const token = jwtFromText('{"alg":"HS256","typ":"JWT"}', `{"appKey":"${KEY}","sdkKey":"${KEY}","mn":"123456789","role":0,"iat":${JOIN_TIME}.0,"exp":${JOIN_TIME + 7200}.0}`);
    const t = decode(token);
    expect(inferGenerator(t)?.lang).toBe('python');
    const f = rules.find((r) => r.id === 'iat-fractional')!.check({ token: t, ...REF })[0]!;
    expect(firstLanguage(f.fix)).toBe('python');
    expect(f.fix.startsWith('Likely a Python backend')).toBe(true);
  });

  it('Java Math.round((System.currentTimeMillis() - 30000) / 1000): iat quantised to 128 s → Java first', async () => {
    const iat = javaRoundLongIat(JOIN_TIME * 1000, 30_000);
    const t = await tokenFor({ iat, exp: iat + 7200, tokenExp: iat + 7200 });
    expect(inferGenerator(t)?.lang).toBe('java');
    const f = rules.find((r) => r.id === 'iat-quantized')!.check({ token: t, ...REF })[0]!;
    expect(firstLanguage(f.fix)).toBe('java');
  });

  it('jsonwebtoken jwt.sign({appKey, sdkKey, mn, role}, secret): iat appended last → JS first', async () => {
    // jsonwebtoken copies the payload and then sets payload.iat = Math.floor(Date.now() / 1000) when absent.
    const payload: Record<string, unknown> = { appKey: KEY, sdkKey: KEY, mn: '123 456 789', role: 0 };
    payload['iat'] = JOIN_TIME;
    const t = decode(jwtFromText('{"alg":"HS256","typ":"JWT"}', JSON.stringify(payload)));
    expect(inferGenerator(t)?.lang).toBe('js');
    const f = rules.find((r) => r.id === 'mn-format')!.check({ token: t, ...REF })[0]!;
    expect(firstLanguage(f.fix)).toBe('js');
  });

  it('golang-jwt with jwt.TimePrecision = time.Millisecond: NumericDate writes FormatFloat(t, \'f\', 3) → Go first', () => {
    const ms = JOIN_TIME * 1000 + 120; // time.Now().Truncate(time.Millisecond)
    const fmt = (m: number) => (m / 1000).toFixed(3); // strconv.FormatFloat(float64(UnixNano)/1e9, 'f', 3, 64)
    const t = decode(jwtFromText('{"alg":"HS256","typ":"JWT"}', `{"appKey":"${KEY}","mn":"123456789","role":0,"iat":${fmt(ms)},"exp":${fmt(ms + 7_200_000)}}`));
    expect(inferGenerator(t)?.lang).toBe('go');
    const f = rules.find((r) => r.id === 'iat-fractional')!.check({ token: t, ...REF })[0]!;
    expect(firstLanguage(f.fix)).toBe('go');
  });

  it('golang-jwt with jwt.MapClaims: encoding/json writes map keys sorted → Go first', () => {
    const m: Record<string, unknown> = { sdkKey: KEY, appKey: KEY, mn: 'abc', role: 0, iat: JOIN_TIME, exp: JOIN_TIME + 7200 };
    const sorted = Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]])); // json.Marshal(map[string]interface{})
    const t = decode(jwtFromText('{"alg":"HS256","typ":"JWT"}', JSON.stringify(sorted)));
    expect(inferGenerator(t)?.lang).toBe('go');
  });

  it("PHP hash_hmac without true (hex digest) and firebase/php-jwt's typ-first header → PHP first", async () => {
    expect(inferGenerator(decode(phpHandRolled(samplePayload({ role: 3 }), SECRET)))?.lang).toBe('php');
    // firebase/php-jwt: $header = ['typ' => 'JWT', 'alg' => $alg]; json_encode keeps insertion order.
    const t = decode(jwtFromText('{"typ":"JWT","alg":"HS256"}', JSON.stringify(samplePayload({ role: 3 }))));
    expect(inferGenerator(t)?.lang).toBe('php');
    const f = rules.find((r) => r.id === 'role-invalid')!.check({ token: t, ...REF })[0]!;
    expect(firstLanguage(f.fix)).toBe('php');
  });

  it("Zoom's sample (jsrsasign, claims in the sample's order) infers nothing: the default order starts with JS", async () => {
    const t = await tokenFor({ role: 3 });
    expect(inferGenerator(t)).toBeNull();
    const f = rules.find((r) => r.id === 'role-invalid')!.check({ token: t, ...REF })[0]!;
    expect(f.fix.startsWith('Likely')).toBe(false);
  });
});
