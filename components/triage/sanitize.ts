/**
 * The one import between the triage page and the HAR sanitizer that `join-doctor har --sanitize`
 * uses (lib/har/sanitize.ts): the page's worker (har.worker.ts) streams the opened HAR through it
 * and hands back the sanitized file as a Blob, so the page and the CLI remove exactly the same values.
 */
import type { HarInput } from '../../lib/har/read';
import { sanitizeHar } from '../../lib/har/sanitize';

/** lib/har/sanitize.ts's sanitizeHar: chunks in, sanitized HAR text out through `write`, a summary at the end. */
export type HarSanitizer = (
  input: HarInput,
  write: (chunk: string) => unknown,
  opts?: { signal?: { aborted: boolean } },
) => Promise<{ entries: number; removed: Record<string, number> }>;

export const harSanitizer: HarSanitizer | null = sanitizeHar;

/** "14 values removed: 3 cookie, 9 jwt-hmac, …" from the sanitizer's counts. */
export function removedSummary(entries: number, removed: Record<string, number>): string {
  const kinds = Object.entries(removed).filter(([, n]) => n > 0);
  const total = kinds.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return `${entries} entries; nothing needed removing.`;
  return `${total} value${total === 1 ? '' : 's'} removed from ${entries} entries: ${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}.`;
}
