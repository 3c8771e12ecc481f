import { fractionalTimeRule } from './time-claim-rules';

export const expFractional = fractionalTimeRule('exp', { rank: 270, sdk: 'any' });
