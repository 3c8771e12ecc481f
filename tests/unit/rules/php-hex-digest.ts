/**
 * Tokens made the way hand-rolled PHP backends make them (forum code, not a library):
 *
 *   function base64url($x) { return rtrim(strtr(base64_encode($x), '+/', '-_'), '='); }
 *   $header  = base64url(json_encode(['alg' => 'HS256', 'typ' => 'JWT']));
 *   $payload = base64url(json_encode($claims));
 *   $sig     = base64url(hash_hmac('sha256', "$header.$payload", $secret));   // no `true`: 64 hex chars
 *
 * `hash_hmac` without its 4th argument returns the lowercase hex digest, so the signature part is
 * base64url of 64 ASCII characters: 86 characters instead of 43.
 */
import { createHmac } from 'node:crypto';

const base64url = (x: string | Buffer) => Buffer.from(x).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function phpHandRolled(claims: Record<string, unknown>, secret: string, binary = false): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const mac = createHmac('sha256', secret).update(`${header}.${payload}`);
  const sig = binary ? base64url(mac.digest()) : base64url(mac.digest('hex'));
  return `${header}.${payload}.${sig}`;
}
