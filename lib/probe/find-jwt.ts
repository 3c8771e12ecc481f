/** A compact JWS: three base64url(ish) parts, the first a JSON object (`eyJ` = `{"`). */
const JWT_SHAPE = /eyJ[A-Za-z0-9_\-+/]+=*\.[A-Za-z0-9_\-+/]*=*\.[A-Za-z0-9_\-+/]*=*/;
const JWT_SHAPE_G = new RegExp(JWT_SHAPE.source, 'g');

function firstJwtIn(value: unknown, depth = 0): string | null {
  if (depth > 16) return null;
  if (typeof value === 'string') return JWT_SHAPE.exec(value)?.[0] ?? null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = firstJwtIn(v, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const hit = firstJwtIn(v, depth + 1);
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
  if (typeof parsed === 'string' && parsed.trim() !== '') return JWT_SHAPE.exec(parsed)?.[0] ?? parsed.trim();
  if (parsed !== undefined) {
    const hit = firstJwtIn(parsed);
    if (hit) return hit;
  }
  JWT_SHAPE_G.lastIndex = 0;
  return JWT_SHAPE_G.exec(body)?.[0] ?? null;
}
