import { defineJoinRule } from './types';
import { argsOf, has } from './args-common';

/**
 * The passcode under the other view's name: the client view's join takes `passWord` (and rejects
 * unknown keys with 3 "Join parameters: password are invalid!"), the component view's takes
 * `password` (index.d.ts:806 vs embedded.d.ts:837).
 */
export const argsPasscodeKey = defineJoinRule({
  id: 'args-passcode-key',
  severity: 'error',
  title: "The passcode is passed under the other view's name (passWord vs password)",
  origin: 'arguments',
  source: 'docs/join-errors.md §6 (index.d.ts passWord, embedded.d.ts password; "Join parameters: X are invalid!")',
  produces: [3004, 3],
  check({ attempt }) {
    const args = argsOf(attempt);
    if (!args || args.from !== 'call') return null;
    const client = attempt.api === 'client-view';
    const wrong = client ? 'password' : 'passWord';
    const right = client ? 'passWord' : 'password';
    if (attempt.api !== 'client-view' && attempt.api !== 'component-view') return null;
    if (!has(args, wrong) || has(args, right)) return null;
    return {
      message: `The ${client ? 'client view (ZoomMtg.join)' : 'component view (client.join)'} was given \`${wrong}\`; it reads \`${right}\`. ${client ? 'The client view refuses unknown keys (code 3, "Join parameters: password are invalid!").' : 'The component view ignores it, so the meeting sees no passcode (3004 or a passcode prompt).'}`,
      fix: `Rename the argument to \`${right}\` (ZoomMtg.join: passWord; ZoomMtgEmbedded client.join: password).`,
      data: { given: wrong, expected: right },
    };
  },
});
