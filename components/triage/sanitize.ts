/** What the triage page says after `join-doctor har --sanitize`'s sanitizer (lib/har/sanitize.ts) ran in its worker. */

/** "14 values removed: 3 cookie, 9 jwt-hmac, …" from the sanitizer's counts. */
export function removedSummary(entries: number, removed: Record<string, number>): string {
  const kinds = Object.entries(removed).filter(([, n]) => n > 0);
  const total = kinds.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return `${entries} entries; nothing needed removing.`;
  return `${total} value${total === 1 ? '' : 's'} removed from ${entries} entries: ${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}.`;
}
