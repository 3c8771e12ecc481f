/**
 * SANITIZER HOOK (issue 22). The triage page's "Sanitize HAR" button calls `sanitizeHarFile` and
 * only this: it is the one import between the page and the HAR sanitizer (lib/har, built beside
 * `join-doctor har --sanitize`). While it is null the button is not shown (no control that does
 * nothing); wiring the sanitizer is this file alone.
 *
 * Contract: the HAR the user opened last, in; a HAR with credentials removed, out (as a Blob the
 * page offers to save as <name>.sanitized.har), plus a one-line summary of what was removed.
 */
export interface SanitizedHar {
  blob: Blob;
  /** "Removed 14 values: 3 cookies, 2 Authorization headers, 9 JWT signatures". */
  summary: string;
}

export type HarSanitizer = (file: File) => Promise<SanitizedHar>;

export const sanitizeHarFile: HarSanitizer | null = null;
