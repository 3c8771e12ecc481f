import { decodeSegment } from './base64';

/** The pre-JWT (SDK 1.x–2.6) signature, decoded: base64(apiKey.mn.tsMillis.role.base64(hmac)). */
export interface LegacySignature {
  apiKey: string;
  meetingNumber: string;
  timestampMs: number;
  role: string;
  /** Length of the HMAC part (the hash itself is never shown: it is the credential). */
  hashLength: number;
}

const LEGACY_SHAPE = /^([A-Za-z0-9_-]{8,64})\.(\d{8,13})\.(\d{10,16})\.([^.]{1,3})\.([A-Za-z0-9+/_=-]{20,})$/;

/**
 * Recognises the millisecond signature by decoding it: the sample README's example decodes to
 * `xu3JPaA_RJW2-9l5_HAaLA.123456789.1583169538773.0.BL4K…=`. Null when `token` is anything else.
 */
export function parseLegacySignature(token: string | null): LegacySignature | null {
  // Such tokens have no dots and are 80–200 characters; skip anything else without decoding.
  if (token === null || token.length < 40 || token.length > 512 || token.indexOf('.') >= 0) return null;
  const decoded = decodeSegment(token);
  if (!decoded.ok) return null;
  const m = LEGACY_SHAPE.exec(decoded.text);
  if (!m) return null;
  return {
    apiKey: m[1]!,
    meetingNumber: m[2]!,
    timestampMs: Number(m[3]),
    role: m[4]!,
    hashLength: m[5]!.length,
  };
}
