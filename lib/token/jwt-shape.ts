/**
 * What a compact JWS looks like inside other text (a response body, a URL, a message): three
 * segments, the first a JSON object (`eyJ` is base64 of `{"`). Lenient on purpose: generators
 * that emit standard base64 (`+`, `/`, `=`) still write tokens Zoom may accept, so finding,
 * linking and redacting must all see them. The groups are header, payload and signature.
 */
const SEGMENT = '[A-Za-z0-9_\\-+/]*=*';
const SOURCE = `(eyJ${SEGMENT})\\.(${SEGMENT})\\.(${SEGMENT})`;

/** A fresh matcher (global by default, so callers never share lastIndex). */
export function jwtPattern(flags = 'g'): RegExp {
  return new RegExp(SOURCE, flags);
}

/** The first JWT-shaped substring of `text`, or null. */
export function firstJwtIn(text: string): string | null {
  return jwtPattern('').exec(text)?.[0] ?? null;
}
