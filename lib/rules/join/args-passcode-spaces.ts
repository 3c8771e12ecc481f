import { defineJoinRule } from './types';
import { argsOf } from './args-common';

/** Whitespace in the passcode: pasted with a trailing newline or space, or typed as Zoom displays it. */
export const argsPasscodeSpaces = defineJoinRule({
  id: 'args-passcode-spaces',
  severity: 'warning',
  title: "The passcode contains whitespace",
  origin: 'arguments',
  source: 'docs/join-errors.md §3 (3004 "Meeting Passcode wrong.")',
  produces: [3004],
  check({ attempt }) {
    const p = argsOf(attempt)?.passcodeShape;
    if (!p || (!p.edgeSpaces && !p.innerSpaces)) return null;
    const where = [p.edgeSpaces ? 'leading or trailing' : null, p.innerSpaces ? 'inside' : null].filter(Boolean).join(' and ');
    return {
      severity: p.edgeSpaces ? 'error' : 'warning',
      message: `The passcode (${p.length} characters) has whitespace ${where}. Zoom compares the passcode exactly (3004 "Meeting Passcode wrong.").`,
      fix: 'Trim the passcode (value.trim()) where it is read from a form, a query string or a config file.',
      data: { length: p.length, edgeSpaces: p.edgeSpaces, innerSpaces: p.innerSpaces },
    };
  },
});
