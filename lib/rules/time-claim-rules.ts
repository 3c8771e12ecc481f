import { defineRule, type FindingInput } from './define';
import type { CatalogueRule, RuleFacts } from './types';
import { claim, show, signaturePayload } from './claim-values';
import { EXP_WINDOW, WHOLE_SECONDS } from './fixes';
import { langFix } from './lang';
import { CLAIM_NAMES, misnamedClaim, spellingText } from './claim-names';

/** iat-missing and exp-missing differ only in the claim and what Zoom does without it. */
export function missingTimeRule<const N extends 'iat' | 'exp'>(name: N, title: string, why: string, facts: RuleFacts): CatalogueRule<`${N}-missing`> {
  return defineRule({
    id: `${name}-missing` as const,
    severity: 'error',
    title,
    source: 'signature-facts §1 (iat and exp required; exp − iat in [1800, 172800]), dev.to/zoom troubleshooting',
    ...facts,
    check({ token }) {
      if (!signaturePayload(token)) return null;
      const c = claim(token, name);
      if (c.present && c.value !== null) return null;
      // Iat, Exp (a Go struct without json tags, a C# PascalCase class): there, under a name Zoom does not read.
      const payload = signaturePayload(token)!;
      const spelled = c.present ? null : misnamedClaim(payload, name);
      const hint =
        name === 'exp' && claim(token, 'tokenExp').present
          ? ' tokenExp is present, but Zoom\'s window check is on exp.'
          : '';
      return {
        claim: name,
        message: spelled
          ? `The payload has no ${name}: ${spellingText(spelled, name)}. ${why}`
          : `${c.present ? `${name} is null` : `The payload has no ${name}`}. ${why}${hint}`,
        fix: spelled
          ? langFix(`Write the claim names exactly as Zoom reads them (${spelled} → ${name}):`, CLAIM_NAMES, token)
          : langFix(`Add ${name} in whole epoch seconds${name === 'exp' ? ', 7200 s after iat' : ''}:`, name === 'exp' ? EXP_WINDOW : WHOLE_SECONDS, token),
        ...(spelled ? { data: { misnamedKey: spelled } } : {}),
      };
    },
  });
}

/**
 * iat-fractional and exp-fractional. Severity `warning`, not `error`: no public report shows Zoom
 * rejecting a fractional or `.0` time (signature-facts §4.14 lists fractional iat as unverified), but Zoom asks
 * for "long format", RFC 7519 NumericDate allows fractions, and strict integer parsers reject them.
 */
export function fractionalTimeRule<const N extends 'iat' | 'exp'>(name: N, facts: RuleFacts): CatalogueRule<`${N}-fractional`> {
  return defineRule({
    id: `${name}-fractional` as const,
    severity: 'warning',
    title: `${name} is fractional or written as a decimal literal`,
    source: 'signature-facts §1 ("long format"), §4.14 (fractional iat unverified), §4.14 (Python json.dumps, PyJWT included, writes a float iat as 1795912284.0)',
    ...facts,
    check({ token }): FindingInput | null {
      if (!signaturePayload(token)) return null;
      const c = claim(token, name);
      if (typeof c.value !== 'number' || !Number.isFinite(c.value)) return null;
      if (!Number.isInteger(c.value)) {
        return {
          claim: name,
          message:
            `${name} is ${c.raw ?? show(c.value)}: fractional seconds (typically \`Date.now() / 1000\` without ` +
            'flooring, or Python `time.time()`). Zoom documents iat as "long format"; whether its server accepts ' +
            'fractions is unverified.',
          fix: langFix('Issue iat and exp as whole epoch seconds (JSON integers):', WHOLE_SECONDS, token),
          data: { value: c.value, fraction: Math.round((c.value - Math.floor(c.value)) * 1000) / 1000 },
        };
      }
      if (c.raw !== null && /[.eE]/.test(c.raw)) {
        return {
          claim: name,
          message:
            `${name} is written as \`${c.raw}\` in the payload JSON: a decimal/exponent literal of a whole number ` +
            '(JSON.parse shows it as an integer). PyJWT writes this for `float(int(time.time()))`, as in Zoom\'s ' +
            'published Python example. Zoom asks for "long format"; a strict integer parser rejects it.',
          fix: langFix('Issue iat and exp as whole epoch seconds (JSON integers):', WHOLE_SECONDS, token),
          data: { value: c.value, literal: c.raw },
        };
      }
      return null;
    },
  });
}
