/**
 * The one client-side check 6.x makes on a signature: does its payload carry appKey or sdkKey?
 * Without either, the client view logs a console error and calls nothing. Kept here (not in the
 * analyser) because capture uses it only to name an unsettled join a silent refusal.
 */
function base64UrlToText(seg: string): string | null {
  try {
    const b64 = seg.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function payloadHasAppKey(signature: unknown): boolean {
  if (typeof signature !== 'string') return false;
  const seg = signature.trim().split('.')[1];
  if (!seg) return false;
  const text = base64UrlToText(seg);
  if (text === null) return false;
  try {
    const p = JSON.parse(text) as Record<string, unknown>;
    return typeof p === 'object' && p !== null && (Boolean(p.appKey) || Boolean(p.sdkKey));
  } catch {
    return false;
  }
}
