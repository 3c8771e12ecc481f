import { compactVerify } from 'jose';
import type { DecodedToken } from './token/types';
import type { SecretVerification } from './rules/types';

type Outcome = { ok: true; verifies: boolean } | { ok: false; reason: string };

const encoder = new TextEncoder();

/**
 * Checks only the HMAC-SHA256 over the token's own bytes (claims such as exp are not judged here:
 * an expired token signed with the right secret still "verifies"). The secret stays in this
 * function: nothing here logs, stores or returns it, and error texts are our own.
 */
async function verifyWith(jws: string, secret: string): Promise<Outcome> {
  if (secret.length === 0) return { ok: true, verifies: false };
  try {
    await compactVerify(jws, encoder.encode(secret), { algorithms: ['HS256'] });
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
 * Verifies the token with the user's secret as given, with its whitespace variants, and with key and
 * secret swapped (when a key is given). Never rejects.
 */
export async function verifySecret(token: DecodedToken, secret: string, key?: string): Promise<SecretVerification> {
  const secretHasWhitespace = typeof secret === 'string' && secret !== secret.trim();
  const base: SecretVerification = {
    verifies: false,
    verifiesTrimmed: null,
    verifiesSwapped: null,
    secretHasWhitespace,
    whitespaceVariant: null,
    unverifiable: null,
  };
  if (typeof secret !== 'string') return { ...base, unverifiable: 'no secret was given' };
  const jws = token.token;
  if (jws === null || token.segments.length !== 3) {
    return { ...base, unverifiable: 'the token does not have three segments' };
  }
  const asGiven = await verifyWith(jws, secret);
  if (!asGiven.ok) return { ...base, unverifiable: asGiven.reason };

  let variant: string | null = null;
  const variants = whitespaceVariants(secret);
  for (const [label, candidate] of variants) {
    const r = await verifyWith(jws, candidate);
    if (r.ok && r.verifies) {
      variant = label;
      break;
    }
  }

  let verifiesSwapped: boolean | null = null;
  if (typeof key === 'string' && key.length > 0) {
    const r = await verifyWith(jws, key);
    verifiesSwapped = r.ok ? r.verifies : null;
    if (!verifiesSwapped && key.trim() !== key && key.trim()) {
      const t = await verifyWith(jws, key.trim());
      if (t.ok && t.verifies) verifiesSwapped = true;
    }
  }

  return {
    ...base,
    verifies: asGiven.verifies,
    verifiesTrimmed: variants.length > 0 ? variant !== null : null,
    verifiesSwapped,
    whitespaceVariant: variant,
  };
}
