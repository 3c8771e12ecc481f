import type { SdkOutcomeCounts } from '../lib/correlate/types';

/**
 * Joins per SDK, shown when the session holds more than one (a page that offers both Meeting SDK
 * meetings and Video SDK sessions): a cause ranked over all joins can hide that one SDK's all fail.
 */
export function SdkBreakdown({ sdks }: { sdks: readonly SdkOutcomeCounts[] | undefined }) {
  if (!sdks || sdks.length === 0) return null;
  return (
    <div className="banner info" data-testid="sdk-breakdown">
      {sdks.map((s) => (
        <span key={s.sdk} data-sdk={s.sdk} data-failures={s.failures} data-attempts={s.attempts}>
          <span className={`sdk-tag sdk-${s.sdk}`}>{s.sdk === 'video' ? 'V' : 'M'}</span>
          {s.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'}: {s.attempts} join{s.attempts === 1 ? '' : 's'}, {s.failures} failed
          {s.successes > 0 ? `, ${s.successes} succeeded` : ''}
          {'  '}
        </span>
      ))}
    </div>
  );
}
