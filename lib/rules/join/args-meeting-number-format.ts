import { defineJoinRule } from './types';

/**
 * meetingNumber as people write it ("123 4567 8901", "123-4567-8901"): the client view refuses one
 * over 12 characters with 4003, and Zoom looks up digits. (`mn` in the token: mn-format/mn-mismatch.)
 */
export const argsMeetingNumberFormat = defineJoinRule({
  id: 'args-meeting-number-format',
  severity: 'warning',
  title: "meetingNumber has spaces, dashes or other non-digits",
  origin: 'arguments',
  source: 'docs/join-errors.md §6 (4003: meetingNumber over 12 characters); signature-facts §4.13',
  produces: [3706, 3707, 4003],
  check({ attempt }) {
    if (attempt.sdk === 'video') return null;
    const m = attempt.meetingNumber;
    if (typeof m !== 'string' || /^\d+$/.test(m)) return null;
    const digits = m.replace(/\D/g, '');
    const long = m.length > 12;
    return {
      severity: long ? 'error' : 'warning',
      message: `meetingNumber is ${JSON.stringify(m.slice(0, 40))} (${m.length} characters${digits ? `, digits ${digits}` : ''}).${long ? ' The client view refuses a meetingNumber over 12 characters (4003 INVALID_PARAMETER).' : ' Zoom looks up the digits only.'}`,
      fix: "Pass the digits only: String(meetingNumber).replace(/\\D/g, '') (and sign the same digits as mn).",
      data: { length: m.length, digits },
    };
  },
});
