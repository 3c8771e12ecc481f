import { missingTimeRule } from './time-claim-rules';

export const iatMissing = missingTimeRule(
  'iat',
  'No iat in the payload',
  'Zoom measures the validity window (exp − iat, 1800–172800 s) from iat and rejects a signature without it.',
  { rank: 180, sdk: 'any', phrase: 'no `iat` in the signature' },
);
