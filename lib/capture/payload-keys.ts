/**
 * The one client-side check 6.x makes on a signature: does its payload carry appKey or sdkKey?
 * Without either, the client view logs a console error and calls nothing. Kept here (not in the
 * analyser) because capture uses it only to name an unsettled join a silent refusal.
 */
import { segmentObject } from '../token/base64';

export function payloadHasAppKey(signature: unknown): boolean {
  if (typeof signature !== 'string') return false;
  const seg = signature.trim().split('.')[1];
  if (!seg) return false;
  const p = segmentObject(seg);
  return p !== null && (Boolean(p['appKey']) || Boolean(p['sdkKey']));
}
