/**
 * Joins per SDK: one session may hold Meeting SDK and Video SDK joins (an app that offers both),
 * and a cause ranked over all of them must not hide that one SDK's joins all fail.
 */
import type { CorrelationItem, OutcomeClass, SdkOutcomeCounts } from './types';
import { isFailure } from './outcome';

export function sdkBreakdown(items: ReadonlyArray<CorrelationItem>, classes: readonly OutcomeClass[]): SdkOutcomeCounts[] {
  const by = new Map<'meeting' | 'video', SdkOutcomeCounts>();
  for (let i = 0; i < items.length; i++) {
    const sdk = items[i]!.attempt?.sdk === 'video' ? 'video' : 'meeting';
    let row = by.get(sdk);
    if (!row) by.set(sdk, (row = { sdk, attempts: 0, failures: 0, successes: 0 }));
    row.attempts++;
    if (isFailure(classes[i]!)) row.failures++;
    else if (classes[i] === 'success') row.successes++;
  }
  return (['meeting', 'video'] as const).flatMap((k) => (by.has(k) ? [by.get(k)!] : []));
}
