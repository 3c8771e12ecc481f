import { firstJwtIn } from './jwt-shape';

function firstJwtInValue(value: unknown, depth = 0): string | null {
  if (depth > 16) return null;
  if (typeof value === 'string') return firstJwtIn(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = firstJwtInValue(v, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const hit = firstJwtInValue(v, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * The signature in a signature endpoint's response. Zoom's sample answers `{signature, sdkKey}`,
 * others `{token}`, `{data:{jwt}}`, a bare JSON string or plain text. A top-level `signature`
 * string wins even when it is not JWT-shaped (a pre-JWT signature is worth analysing); otherwise
 * the first JWT-shaped string anywhere. Null when there is none.
 */
export function findSignature(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const sig = (parsed as Record<string, unknown>)['signature'];
    if (typeof sig === 'string' && sig.trim() !== '') return sig;
  }
  if (typeof parsed === 'string' && parsed.trim() !== '') return firstJwtIn(parsed) ?? parsed.trim();
  if (parsed !== undefined) {
    const hit = firstJwtInValue(parsed);
    if (hit) return hit;
  }
  return firstJwtIn(body);
}
