import { fractionalTimeRule } from './time-claim-rules';

export const iatFractional = fractionalTimeRule('iat');
