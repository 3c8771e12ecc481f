import { defineJoinRule } from './types';
import { argsOf } from './args-common';

/** A passcode with %XX in it: taken from a URL without decoding (`%40` for `@`), so Zoom compares other characters. */
export const argsPasscodeEncoded = defineJoinRule({
  id: 'args-passcode-encoded',
  severity: 'warning',
  title: "The passcode looks URL-encoded (%XX)",
  origin: 'arguments',
  source: 'docs/join-errors.md §3 (3004); devforum #59739 (every user told "Passcode wrong")',
  produces: [3004],
  check({ attempt }) {
    const p = argsOf(attempt)?.passcodeShape;
    if (!p?.percentEncoded) return null;
    return {
      message: `The passcode (${p.length} characters) contains a %XX sequence, the URL encoding of a character (e.g. %40 for @). Zoom compares the passcode as given, so an encoded one is wrong (3004 "Meeting Passcode wrong.").`,
      fix: 'Decode the passcode before joining: decodeURIComponent(value), or read it with URLSearchParams.get(), which decodes. (A passcode that really contains % followed by two hex digits is rare.)',
      data: { length: p.length },
    };
  },
});
