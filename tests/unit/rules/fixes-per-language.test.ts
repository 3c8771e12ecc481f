/**
 * Every rule's fix has a line for each common backend language, and the language of the generator
 * that made the token comes first when the token shows it. Tokens are made the way each generator
 * makes them (its header, claim order and number formatting), by the arithmetic written out here.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../../lib/rules/index';
import { LANGS, LANG_LABEL, inferGenerator, type Lang } from '../../../lib/rules/lang';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { JOIN_TIME, KEY, SECRET, decode, samplePayload, tokenFor } from './token-helpers';
import { phpHandRolled } from './php-hex-digest';
import { REF, TRIGGERS, jwtFromText } from './rule-triggers';

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
