import type { JoinRule } from './types';

/**
 * The join-rule catalogue, in the order findings of equal severity are listed after the token's:
 * Zoom's answer, then the arguments, then the page and the assets.
 */
export const joinRules: readonly JoinRule[] = [];
