/**
 * Saves text or a Blob as a file from the panel or the triage page. An anchor with `download`
 * works in a DevTools panel without the downloads permission. The object URL is revoked after the
 * click has been handled.
 */
export function saveTextFile(fileName: string, mime: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/** A Blob as it is (a sanitized HAR of hundreds of MB is never turned into one string first). */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
