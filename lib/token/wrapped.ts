/**
 * Inputs that hold a token but are not one: the signature endpoint's whole JSON response
 * (devforum #4005), an `Authorization` header value (`Bearer eyJ…`), or an object turned into
 * text (`[object Object]`). Recognised from the string as passed, so the finding can say what
 * happened instead of "the header segment contains `{`".
 */
import { findSignature } from './find-jwt';

export type WrappedToken =
  | { kind: 'json-body'; field: string | null; inner: string; keys: string[] }
  | { kind: 'bearer'; prefix: string; inner: string }
  | { kind: 'object-string'; inner: null };

const BEARER = /^\s*["']?((?:authorization\s*:\s*)?bearer\s+)(\S+?)["']?\s*$/i;

function fieldHolding(value: unknown, inner: string, path = '', depth = 0): string | null {
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${k}` : k;
    if (typeof v === 'string' && v.includes(inner)) return here;
    const deeper = fieldHolding(v, inner, here, depth + 1);
    if (deeper) return deeper;
  }
  return null;
}

/** What the token was wrapped in; null for anything that is not one of these wrappers. */
export function unwrapToken(original: string | null): WrappedToken | null {
  if (original === null) return null;
  const text = original.trim();
  if (text === '[object Object]') return { kind: 'object-string', inner: null };
  const bearer = BEARER.exec(text);
  if (bearer && bearer[2]!.split('.').length >= 2) return { kind: 'bearer', prefix: bearer[1]!, inner: bearer[2]! };
  if (!text.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const inner = findSignature(text);
  if (inner === null) return null;
  return { kind: 'json-body', field: fieldHolding(parsed, inner), inner, keys: Object.keys(parsed).slice(0, 8) };
}
