import { defineRule } from './define';
import { claim, claimValue, sdkPayload, show } from './claim-values';
import { SAMPLE_PAYLOAD } from './fixes';
import { langFix } from './lang';
import { CLAIM_NAMES, misnamedClaim, misspelledMeetingClaims, sameNameOtherSpelling, spellingText } from './claim-names';

/** A key claim counts only as a non-empty string: the SDK rejects "" the same as absence. */
export function usableKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.trim().length > 0;
}

export const appKeyMissing = defineRule({
  id: 'app-key-missing',
  severity: 'error',
  title: 'Neither appKey nor sdkKey in the payload',
  source: 'signature-facts §1 (appKey required since 5.0.0), §3a (6.x silent refusal), §4.7–4.8',
  rank: 130,
  sdk: 'meeting',
  phrase: 'no `appKey` (or `sdkKey`) in the signature',
  produces: [3704, 3710],
  check({ token }) {
    if (usableKey(claimValue(token, 'appKey')) || usableKey(claimValue(token, 'sdkKey'))) return null;
    const payload = sdkPayload(token);
    if (!payload) return null;
    const appKey = claim(token, 'appKey');
    const sdkKey = claim(token, 'sdkKey');
    const described = [appKey, sdkKey]
      .map((c, i) => `${i === 0 ? 'appKey' : 'sdkKey'} ${c.present ? `is ${show(c.value)}` : 'is absent'}`)
      .join(' and ');
    const claims = Object.keys(payload).slice(0, 12).join(', ') || 'none';
    // AppKey, app_key, SdkKey: the key is there, spelled as Zoom does not read it.
    const written = appKey.present ? null : (misnamedClaim(payload, 'appKey') ?? (sdkKey.present ? null : misnamedClaim(payload, 'sdkKey')));
    const misspelled = misspelledMeetingClaims(payload);
    const spelled = written === null ? null : spellingText(written, sameNameOtherSpelling(written, 'appKey') ? 'appKey' : 'sdkKey');
    const others = misspelled.filter(([k]) => k !== written);
    const also = others.length > 0 ? ` Also misnamed: ${others.map(([k, n]) => `${k} (Zoom reads ${n})`).join(', ')}.` : '';
    return {
      claim: 'appKey',
      message:
        (spelled ? `${spelled}, so to Zoom ${described} (claims present: ${claims}).${also}` : `${described} (claims present: ${claims}).`) +
        ' Web SDK 6.x then refuses the join without calling ' +
        'success or error: client view only logs "please check your signature and please add appKey", ' +
        'component view rejects with "appKey can not empty in the signature".',
      fix: spelled
        ? langFix(`Write the claim names exactly as Zoom reads them (${misspelled.map(([k, n]) => `${k} → ${n}`).join(', ')}):`, CLAIM_NAMES, token)
        : langFix("Add appKey set to the Meeting SDK app's Client ID (SDK Key), as in Zoom's sample payload:", SAMPLE_PAYLOAD, token),
      data: {
        appKeyPresent: appKey.present,
        sdkKeyPresent: sdkKey.present,
        // The cause as Correlation and the answer line name it (lib/correlate/primary-cause.ts causeTitle).
        ...(written !== null ? { misnamedKey: written, headline: `claim names Zoom does not read (${misspelled.slice(0, 3).map(([k, n]) => `${k}, not ${n}`).join('; ')})` } : {}),
      },
    };
  },
});
