import { defineRule } from './define';
import { claimValue, sdkPayload, show } from './claim-values';
import { isBlank } from './mn-missing';
import { READ_REQUEST } from './fixes';
import { langFix } from './lang';

/** Meeting numbers compare as digits: "123 4567 8901", "123-4567-8901" and 12345678901 are one meeting. */
export function normaliseMeetingNumber(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  // The usual meeting number has neither: one scan instead of a replace (this runs on every analysed token).
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 45 || c <= 32 || c > 126) return value.replace(/[\s-]/g, '');
  }
  return value;
}

export const mnMismatch = defineRule({
  id: 'mn-mismatch',
  severity: 'error',
  title: 'mn is not the meeting number being joined',
  source: 'signature-facts §2 (3706 "The meeting number is wrong", 3707), §4.8',
  rank: 280,
  sdk: 'meeting',
  phrase: '`mn` is not the meeting joined',
  produces: [3706, 3707],
  check({ token, join }) {
    if (!sdkPayload(token) || join?.meetingNumber === undefined || join.meetingNumber === null) return null;
    const mn = claimValue(token, 'mn');
    if (isBlank(mn)) return null;
    const a = normaliseMeetingNumber(mn);
    const b = normaliseMeetingNumber(join.meetingNumber);
    if (a === null || b === null || b === '' || a === b) return null;
    return {
      claim: 'mn',
      message:
        `mn is ${show(mn)} but the join is for meeting ${show(join.meetingNumber)} ` +
        `(compared as ${a} vs ${b}). Zoom checks the signature against the meeting being joined.`,
      fix: langFix('Request the signature with the same meeting number the page joins (a cached signature from an earlier meeting, or a default meeting number in the backend, are the usual causes); sign the number the request carries:', READ_REQUEST, token),
      data: { mn: a, meetingNumber: b },
    };
  },
});
