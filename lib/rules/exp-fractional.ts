import { fractionalTimeRule } from './time-claim-rules';

export const expFractional = fractionalTimeRule('exp');
