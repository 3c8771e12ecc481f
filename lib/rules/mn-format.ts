import { defineRule } from './define';
import { claimValue, sdkPayload, show } from './claim-values';
import { isBlank } from './mn-missing';
import { MN_DIGITS } from './fixes';
import { langFix } from './lang';

const DIGITS = /^\d+$/;

function problemsOf(mn: unknown): string[] {
  if (typeof mn === 'string' && DIGITS.test(mn)) return [];
  if (typeof mn === 'number') {
    if (!Number.isSafeInteger(mn) || mn < 0) return ['is not a whole non-negative number'];
    return [];
  }
  if (typeof mn !== 'string') return [`is ${Array.isArray(mn) ? 'an array' : typeof mn === 'object' ? 'an object' : `a ${typeof mn}`}, not a string or number`];
  const out: string[] = [];
  if (/\s/.test(mn)) out.push('contains spaces');
  if (/-/.test(mn)) out.push('contains dashes');
  if (/[^\d\s-]/.test(mn)) out.push('contains other non-digits');
  return out;
}

export const mnFormat = defineRule({
  id: 'mn-format',
  // Warning: 6.2.0 rejects a 12+ character meetingNumber join argument (4003), but no report ties a formatted mn claim to 3712.
  severity: 'warning',
  title: 'mn has spaces, dashes or non-digits',
  source: 'signature-facts §4.13 (spaces/dashes break joins; no thread ties it to 3712), §2 (4003 over 12 characters)',
  rank: 330,
  sdk: 'meeting',
  produces: [3706, 3707],
  check({ token }) {
    if (!sdkPayload(token)) return null;
    const mn = claimValue(token, 'mn');
    if (isBlank(mn)) return null;
    const problems = problemsOf(mn);
    if (problems.length === 0) return null;
    return {
      claim: 'mn',
      message: `mn ${show(mn)} ${problems.join(' and ')}; meeting numbers are 9–11 digits.`,
      fix: langFix('Strip everything but digits before signing:', MN_DIGITS, token),
      data: { length: typeof mn === 'string' ? mn.length : typeof mn === 'number' ? String(mn).length : null },
    };
  },
});
