export type * from './types';
export { probe, sampleFromResponse, MAX_PROBE_COUNT } from './run';
export { findSignature } from '../token/find-jwt';
export { summarize, impliedFailureRate, offsetDistribution, offsetHistogram, OFFSET_BIN_S, OFFSET_BINS_REACH_S, ruleRates } from './probe-stats';
