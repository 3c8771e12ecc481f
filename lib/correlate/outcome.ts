import type { Outcome } from '../model/attempt';
import type { OutcomeClass } from './types';

const INVALID_SIGNATURE = /^invalid signature\.?$/i;

/** 3712 is the SDK's code; a wire-only capture may carry only Zoom's raw "Invalid signature." text. */
export function classifyOutcome(outcome: Outcome | null | undefined): OutcomeClass {
  switch (outcome?.kind) {
    case 'success':
      return 'success';
    case 'failure': {
      const raw = typeof outcome.serverMessage === 'string' ? outcome.serverMessage.trim() : '';
      if (outcome.code === 3712 || (outcome.code == null && INVALID_SIGNATURE.test(raw))) return 'failure-3712';
      return 'failure-other';
    }
    case 'silent-refusal':
      return 'silent-refusal';
    case 'timeout':
      return 'timeout';
    case 'superseded':
      return 'superseded';
    default:
      return 'pending';
  }
}

export function isFailure(c: OutcomeClass): boolean {
  return c === 'failure-3712' || c === 'failure-other' || c === 'silent-refusal' || c === 'timeout';
}

export const OUTCOME_LABEL: Record<OutcomeClass, string> = {
  success: 'success',
  'failure-3712': '3712 Invalid signature',
  'failure-other': 'other failure',
  'silent-refusal': 'silent refusal',
  timeout: 'timeout',
  superseded: 'superseded (replaced by the next join)',
  pending: 'pending',
};
