import { missingTimeRule } from './time-claim-rules';

export const expMissing = missingTimeRule(
  'exp',
  'No exp in the payload',
  'Zoom requires exp between iat + 1800 s and iat + 48 h and rejects a signature without it.',
  { rank: 190, sdk: 'any', phrase: 'no `exp` in the signature' },
);
