import { fractionalTimeRule } from './time-claim-rules';

export const iatFractional = fractionalTimeRule('iat', { rank: 260, sdk: 'any' });
