import type { Correlation, CorrelationItem, OutcomeClass } from './types';
import { OUTCOME_CLASSES } from './types';
import { classifyOutcome, isFailure } from './outcome';
import { countRulesByOutcome } from './rule-counts';
import { headlineText, primaryCauses } from './primary-cause';
import { bestOffsetSplit, offsetPoints } from './offsets';
import { quantizationEvidence } from './quantization';
import { endpointRates } from './endpoints';
import { unexplainedFailures } from './unexplained';
import { sdkBreakdown } from './sdks';

export type * from './types';
export { classifyOutcome, isFailure, OUTCOME_LABEL } from './outcome';
export { chanceText } from './quantization';
export { primaryCause, QUANTIZATION_THRESHOLD_TEXT, JAVA_ROUND_KEY } from './primary-cause';
export { endpointKey } from './endpoints';

/**
 * Correlates join attempts with their analyses: which findings go with failures, where the iat
 * offset splits failures from successes, whether iat is quantised across tokens, which issuing
 * endpoint fails, and what no rule explains. Deterministic: the same items in the same order give
 * the same result (no clocks, no randomness; every list has a defined order).
 */
export function correlate(items: ReadonlyArray<CorrelationItem>): Correlation {
  const classes: OutcomeClass[] = items.map((i) => classifyOutcome(i.attempt?.outcome));
  const counts = Object.fromEntries(OUTCOME_CLASSES.map((c) => [c, 0])) as Record<OutcomeClass, number>;
  for (const c of classes) counts[c] += 1;
  const failures = classes.filter(isFailure).length;
  const rules = countRulesByOutcome(items, classes);
  const quantization = quantizationEvidence(items);
  const { byAttempt, groups } = primaryCauses(items, classes, quantization);
  const points = offsetPoints(items, classes);
  return {
    counts,
    failures,
    rules,
    causes: groups,
    headline: headlineText(groups, failures),
    primary: byAttempt,
    offsets: { points, split: bestOffsetSplit(points) },
    quantization,
    endpoints: endpointRates(items, classes),
    unexplained: unexplainedFailures(items, classes, byAttempt, points),
    sdks: sdkBreakdown(items, classes),
  };
}
export { attemptAnswer, affectsJoin, topAffectingFinding, signatureRefused, CHECK_SECRET_CAUSE, CHECK_ACCOUNT_CAUSE } from './answer';
export type { AttemptAnswer, AnswerKind, AnswerInput, VerdictWord } from './answer';
export * from './words';
