/**
 * Tells a HAR from a Join Doctor export by the first key of the top-level object, read from the
 * file's first bytes: a HAR opens with "log" (every exporter writes log first: it is the only
 * key), an export with "schemaVersion" (lib/report/build.ts writes it first). One linear pass over
 * at most SNIFF_CHARS characters; the readers themselves still validate the whole file.
 */
export type DroppedFileKind = 'har' | 'export';

/** Enough for any whitespace and a key; a file whose first key starts later is read as a HAR. */
export const SNIFF_CHARS = 4096;

export function firstKey(text: string): string | null {
  const n = Math.min(text.length, SNIFF_CHARS);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipWs = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  skipWs();
  if (text[i] !== '{') return null;
  i++;
  skipWs();
  if (text[i] !== '"') return null;
  const start = ++i;
  while (i < n && text[i] !== '"') {
    // A key with escapes is neither "log" nor "schemaVersion".
    if (text[i] === '\\') return null;
    i++;
  }
  return i < n ? text.slice(start, i) : null;
}

/** Anything that is not clearly an export goes to the HAR reader, which says what is wrong with it. */
export function droppedFileKind(head: string): DroppedFileKind {
  return firstKey(head) === 'schemaVersion' ? 'export' : 'har';
}
