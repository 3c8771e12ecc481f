/**
 * Recognises the SDK's own join request in a HAR and reads both sides of it: the form fields
 * (POST body, or the query of the JSONP GET retry) and Zoom's answer, plain JSON or
 * `zoomsdkjsonpcallbackN({...})`.
 */
import type { EntryView, Header } from './entry';
import { viewOfFields, type SdkView } from '../zoom/wc-info-codes';

/**
 * The Meeting SDK posts to `https://<webEndpoint>/api/v1/wc/info`, the Video SDK to
 * `https://zoom.us/wc/lsdk`; proxies keep the path. Both are join requests.
 */
export function isWcInfoUrl(url: string): boolean {
  try {
    return /\/wc\/(info|lsdk)\/?$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

export function isJsonpRequest(e: EntryView): boolean {
  if (e.method !== 'GET') return false;
  try {
    return new URL(e.url).searchParams.has('callback');
  } catch {
    return false;
  }
}

function fromParams(params: readonly Header[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of params) {
    let v = p.value;
    // Some exporters keep params URL-encoded (Chrome), others decode them (Firefox).
    if (/%[0-9A-Fa-f]{2}/.test(v)) {
      try {
        v = decodeURIComponent(v.replace(/\+/g, ' '));
      } catch {
        /* keep as recorded */
      }
    }
    out[p.name] = v;
  }
  return out;
}

/** The join's form fields, or null when the HAR kept no request body. */
export function requestFields(e: EntryView): Record<string, string> | null {
  if (isJsonpRequest(e)) {
    try {
      return Object.fromEntries(new URL(e.url).searchParams);
    } catch {
      return null;
    }
  }
  if (e.postText !== null && e.postText !== '') {
    const t = e.postText.trim();
    if (t.startsWith('{')) {
      try {
        const o = JSON.parse(t) as unknown;
        if (typeof o === 'object' && o !== null) return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      } catch {
        /* fall through to form decoding */
      }
    }
    return Object.fromEntries(new URLSearchParams(e.postText));
  }
  if (e.postParams && e.postParams.length > 0) return fromParams(e.postParams);
  return null;
}

/** Which view sent a join request, from its form fields. */
export const viewOf: (fields: Record<string, string> | null) => SdkView = viewOfFields;

export interface WcInfoAnswer {
  status: boolean | null;
  errorCode: number | null;
  errorMessage: string | null;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/**
 * The argument text of a JSONP answer `callback.name ( … ) ;`, or null. By hand, not
 * `^\s*[A-Za-z_$][\w$.]*\s*\(([\s\S]*)\)\s*;?\s*$`: that pattern took 1.4 s on `cb()` and 32 KB
 * of spaces (its two `\s*` around `;?` split every run of spaces both ways), and a HAR body is
 * anybody's bytes. Only the last `)` can close the call: anything after it but `;` and spaces fails.
 */
export function jsonpArgument(body: string): string | null {
  const t = body.trim();
  if (t.length === 0 || !isIdentStart(t.charCodeAt(0))) return null;
  let i = 1;
  while (i < t.length && (isIdentStart(t.charCodeAt(i)) || (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) || t.charCodeAt(i) === 46)) i++;
  while (i < t.length && /\s/.test(t.charAt(i))) i++;
  if (t.charCodeAt(i) !== 40) return null;
  const close = t.lastIndexOf(')');
  if (close <= i) return null;
  const tail = t.slice(close + 1).trim();
  if (tail !== '' && tail !== ';') return null;
  return t.slice(i + 1, close);
}

/** Zoom's answer, or null when the body is not one (an HTML error page, an empty 500). */
export function parseAnswer(body: string): WcInfoAnswer | null {
  const t = body.trim();
  const arg = t.startsWith('{') ? null : jsonpArgument(t);
  const json = arg ?? t;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (!('status' in o) && !('errorCode' in o)) return null;
  const code = typeof o.errorCode === 'number' ? o.errorCode : typeof o.errorCode === 'string' && /^\d+$/.test(o.errorCode) ? Number(o.errorCode) : null;
  return {
    status: typeof o.status === 'boolean' ? o.status : null,
    errorCode: code,
    errorMessage: typeof o.errorMessage === 'string' ? o.errorMessage : null,
  };
}
