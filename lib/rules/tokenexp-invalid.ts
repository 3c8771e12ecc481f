import { defineRule, type FindingInput } from './define';
import { MAX_WINDOW_S, MIN_WINDOW_S, claim, epochSeconds, isoTime, referenceLabel, seconds, show, sdkPayload } from './claim-values';
import { TOKEN_EXP } from './fixes';
import { langFix } from './lang';

export const tokenExpInvalid = defineRule({
  id: 'tokenexp-invalid',
  // The Web SDK does not need tokenExp (Zoom's own generateSDKSignature omitted it), so a wrong one is
  // risky, not known-fatal; an already-passed tokenExp is raised to error (3705 covers exp/tokenExp).
  severity: 'warning',
  title: 'tokenExp outside its documented window',
  source:
    'signature-facts §1 (tokenExp: samples set = exp; native "MIN:1800 seconds"; dev.to "exp value is greater than tokenExp"), §2 (3705)',
  rank: 370,
  sdk: 'meeting',
  produces: [3705],
  check(ctx) {
    const { token } = ctx;
    if (!sdkPayload(token)) return null;
    const c = claim(token, 'tokenExp');
    if (!c.present || typeof c.value === 'string') return null; // strings: time-as-string
    if (typeof c.value !== 'number' || !Number.isFinite(c.value)) {
      return {
        claim: 'tokenExp',
        message: `tokenExp is ${show(c.value)}, not epoch seconds.`,
        fix: langFix('Set tokenExp equal to exp as Zoom\'s sample does, or omit it (the Web SDK does not need it):', TOKEN_EXP, token),
      };
    }
    const tokenExp = epochSeconds(token, 'tokenExp');
    if (tokenExp === null) return null; // milliseconds: time-in-milliseconds
    const iat = epochSeconds(token, 'iat');
    const exp = epochSeconds(token, 'exp');
    const ref = ctx.referenceTime;
    const short = iat !== null && tokenExp - iat < MIN_WINDOW_S;
    const long = iat !== null && tokenExp - iat > MAX_WINDOW_S;
    const afterExp = exp !== null && tokenExp > exp;
    const passed = ref !== undefined && Number.isFinite(ref) && tokenExp <= ref;
    // The usual tokenExp (= exp) ends here, before any text is built.
    if (!short && !long && !afterExp && !passed) return null;
    const out: FindingInput[] = [];
    const fix = langFix('Set tokenExp equal to exp (Zoom\'s sample), with exp = iat + 1800…172800 s, or omit tokenExp for the Web SDK:', TOKEN_EXP, token);
    if (short) {
      out.push({
        claim: 'tokenExp',
        message: `tokenExp is ${seconds(tokenExp - iat)} after iat; Zoom documents a minimum of 1800 s.`,
        fix,
        data: { tokenExpMinusIat: tokenExp - iat },
      });
    }
    if (long) {
      out.push({
        claim: 'tokenExp',
        message: `tokenExp is ${seconds(tokenExp - iat)} after iat; signatures live at most 172800 s (48 h).`,
        fix,
        data: { tokenExpMinusIat: tokenExp - iat },
      });
    }
    if (afterExp) {
      out.push({
        claim: 'tokenExp',
        message: `tokenExp is ${seconds(tokenExp - exp)} after exp; Zoom's troubleshooting guide says "exp value is greater than tokenExp", and its sample sets them equal.`,
        fix,
        data: { tokenExpMinusExp: tokenExp - exp },
      });
    }
    if (passed) {
      out.push({
        claim: 'tokenExp',
        severity: 'error',
        message: `tokenExp passed at ${isoTime(tokenExp)}, ${seconds(ref - tokenExp)} before ${referenceLabel(ctx)}; Zoom answers 3705 "The signature has expired".`,
        fix,
        data: { tokenExpMinusReference: Math.round((tokenExp - ref) * 1000) / 1000 },
      });
    }
    return out;
  },
});
