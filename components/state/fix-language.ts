/**
 * Which backend language a fix is shown in: the one the token's bytes give away (lib/rules/lang.ts),
 * else the one most of the session's tokens give away, else the reader's last choice (kept in the
 * panel's localStorage), else JS/TS.
 */
import { inferGenerator, LANGS, type Lang } from '../../lib/rules/lang';
import type { JoinAttempt } from '../../lib/model/attempt';
import { analysisOf } from './analysis';
import { cachedCorrelation, SYNC_CORRELATE_MAX } from './correlation';

const KEY = 'join-doctor.fix-language';

export function savedFixLanguage(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Lang | null {
  try {
    const v = storage?.getItem(KEY);
    return v && (LANGS as readonly string[]).includes(v) ? (v as Lang) : null;
  } catch {
    return null;
  }
}

export function saveFixLanguage(lang: Lang, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, lang);
  } catch {
    // A panel without storage (private profile) just forgets the choice.
  }
}

const sessionCache = new WeakMap<readonly JoinAttempt[], Lang | null>();

/** The language most of the session's tokens point to; null when none points anywhere. */
export function sessionLanguage(attempts: readonly JoinAttempt[]): Lang | null {
  if (sessionCache.has(attempts)) return sessionCache.get(attempts)!;
  // A long session is analysed in the background; counting before that lands would analyse every
  // attempt here and block the inspector for seconds. Until then the fix reads without the session's hint.
  if (attempts.length > SYNC_CORRELATE_MAX && !cachedCorrelation(attempts)) return null;
  const counts = new Map<Lang, number>();
  for (const a of attempts) {
    const g = inferGenerator(analysisOf(a).token);
    if (g) counts.set(g.lang, (counts.get(g.lang) ?? 0) + 1);
  }
  let best: Lang | null = null;
  for (const [lang, n] of counts) if (best === null || n > counts.get(best)!) best = lang;
  sessionCache.set(attempts, best);
  return best;
}
