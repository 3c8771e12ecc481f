import { compactVerify } from 'jose';
import type { DecodedToken } from './token/types';
import { base64Bytes, bytesToBase64 } from './token/base64';
import type { SecretVerification } from './rules/types';
import { isSanitizedHmac } from './har/sanitize-text';

type Outcome = { ok: true; verifies: boolean } | { ok: false; reason: string };

const encoder = new TextEncoder();

/**
 * Checks only the HMAC-SHA256 over the token's own bytes (claims such as exp are not judged here:
 * an expired token signed with the right secret still "verifies"). The secret stays in this
 * function: nothing here logs, stores or returns it, and error texts are our own.
 */
async function verifyWith(jws: string, secret: string | Uint8Array): Promise<Outcome> {
  if (secret.length === 0) return { ok: true, verifies: false };
  try {
    await compactVerify(jws, typeof secret === 'string' ? encoder.encode(secret) : secret, { algorithms: ['HS256'] });
    return { ok: true, verifies: true };
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { ok: true, verifies: false };
    if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return { ok: false, reason: 'the header alg is not HS256' };
    if (code === 'ERR_JWS_INVALID') return { ok: false, reason: 'the token is not a valid compact JWS (segments or header)' };
    return { ok: false, reason: 'the signature could not be checked' };
  }
}

/** Whitespace variants worth trying: a backend's secret most often gains a trailing newline from a file or `echo`. */
function whitespaceVariants(secret: string): Array<[string, string]> {
  const trimmed = secret.trim();
  if (trimmed !== secret) return trimmed ? [['trimmed', trimmed]] : [];
  return [
    ['with a trailing newline', `${secret}\n`],
    ['with a trailing CRLF', `${secret}\r\n`],
    ['with a trailing space', `${secret} `],
    ['with a leading space', ` ${secret}`],
  ];
}

/**
 * Encoding variants: a backend that base64-decodes the secret before signing (jjwt
 * `Decoders.BASE64.decode(secret)`, PHP `base64_decode($secret)`, .NET `Convert.FromBase64String`),
 * or one that signs with a base64 encoding of it. Keys are bytes here: a decoded secret is binary.
 */
function encodingVariants(secret: string): Array<[string, Uint8Array]> {
  const out: Array<[string, Uint8Array]> = [];
  const clean = secret.trim();
  const std = /^[A-Za-z0-9+/]+={0,2}$/.test(clean) && clean.length % 4 !== 1;
  const url = /^[A-Za-z0-9_-]+={0,2}$/.test(clean) && clean.length % 4 !== 1;
  if (std || url) {
    const bytes = base64Bytes(clean);
    if (bytes && bytes.length > 0) out.push([url && !std ? 'base64url-decoded' : 'base64-decoded', bytes]);
  }
  const enc = encoder.encode(secret);
  out.push(['base64-encoded', encoder.encode(bytesToBase64(enc))]);
  if (/^[0-9a-fA-F]+$/.test(clean) && clean.length % 2 === 0) {
    const hex = new Uint8Array(clean.length / 2);
    for (let i = 0; i < hex.length; i++) hex[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
    out.push(['hex-decoded', hex]);
  }
  return out;
}


/** True when a key claim of the payload is the secret (exactly, or but for surrounding whitespace). */
function keyClaimIsSecret(token: DecodedToken, secret: string): string | null {
  for (const name of ['appKey', 'sdkKey']) {
    const v = token.payload?.[name];
    if (typeof v === 'string' && v.trim() !== '' && v.trim() === secret.trim()) return name;
  }
  return null;
}

function payloadKey(token: DecodedToken): string | undefined {
  const p = token.payload ?? {};
  return typeof p['appKey'] === 'string' && p['appKey'] ? p['appKey'] : typeof p['sdkKey'] === 'string' && p['sdkKey'] ? p['sdkKey'] : undefined;
}

/**
 * Verifies the token with the user's secret as given, with its whitespace and encoding variants,
 * and with key and secret swapped. The key for the swap is the one the user gave; without one it
 * is the payload's appKey (sdkKey), and the result says which was used, because in a swapped
 * token that claim is the secret itself. Never rejects.
 */
export async function verifySecret(token: DecodedToken, secret: string, key?: string): Promise<SecretVerification> {
  const secretHasWhitespace = typeof secret === 'string' && secret !== secret.trim();
  const base: SecretVerification = {
    verifies: false,
    verifiesTrimmed: null,
    verifiesSwapped: null,
    secretHasWhitespace,
    whitespaceVariant: null,
    encodingVariant: null,
    swapKeySource: null,
    keyClaimIsSecret: null,
    unverifiable: null,
  };
  if (typeof secret !== 'string') return { ...base, unverifiable: 'no secret was given' };
  const jws = token.token;
  if (jws === null || token.segments.length !== 3) {
    return { ...base, unverifiable: 'the token does not have three segments' };
  }
  if (isSanitizedHmac(token.segments[2]!)) {
    return { ...base, unverifiable: "its HMAC was removed when the HAR was sanitized (join-doctor har --sanitize): verify the token from the original HAR or from the backend" };
  }
  const asGiven = await verifyWith(jws, secret);
  if (!asGiven.ok) return { ...base, unverifiable: asGiven.reason };

  let variant: string | null = null;
  const variants = whitespaceVariants(secret);
  if (!asGiven.verifies) {
    for (const [label, candidate] of variants) {
      const r = await verifyWith(jws, candidate);
      if (r.ok && r.verifies) {
        variant = label;
        break;
      }
    }
  }

  let encodingVariant: string | null = null;
  const encodingsTried: string[] = [];
  if (!asGiven.verifies && variant === null) {
    for (const [label, bytes] of encodingVariants(secret)) {
      encodingsTried.push(label);
      const r = await verifyWith(jws, bytes);
      if (r.ok && r.verifies) {
        encodingVariant = label;
        break;
      }
    }
  }

  const givenKey = typeof key === 'string' && key.length > 0 ? key : undefined;
  const swapKey = givenKey ?? payloadKey(token);
  let verifiesSwapped: boolean | null = null;
  if (swapKey !== undefined && swapKey !== secret) {
    const r = await verifyWith(jws, swapKey);
    verifiesSwapped = r.ok ? r.verifies : null;
    if (!verifiesSwapped && swapKey.trim() !== swapKey && swapKey.trim()) {
      const t = await verifyWith(jws, swapKey.trim());
      if (t.ok && t.verifies) verifiesSwapped = true;
    }
  }

  return {
    ...base,
    verifies: asGiven.verifies,
    verifiesTrimmed: variants.length > 0 && !asGiven.verifies ? variant !== null : variants.length > 0 ? false : null,
    verifiesSwapped,
    whitespaceVariant: variant,
    encodingVariant,
    encodingsTried,
    swapKeySource: verifiesSwapped === null ? null : givenKey !== undefined ? 'given' : 'payload',
    keyClaimIsSecret: keyClaimIsSecret(token, secret),
  };
}
