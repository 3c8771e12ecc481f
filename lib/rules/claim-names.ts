/**
 * Claim names written another way than Zoom reads them. Claim names are case-sensitive: a Go struct
 * without `json:"…"` tags (encoding/json writes the field names: AppKey, Mn, Role, Iat, Exp,
 * TokenExp), a C# class or anonymous object serialised without a camelCase policy, or a Jackson
 * bean with PascalCase getters write PascalCase; Python, Ruby and Rust (serde) code, or a payload
 * copied from the Video SDK, write snake_case (`app_key`, `sdk_key`). Zoom reads none of them.
 */
import type { LangLines } from './lang';

const hasOwn = Object.prototype.hasOwnProperty;

/** The name folded for comparison: lower case, `_` and `-` dropped (AppKey, app_key, APPKEY → appkey). Linear. */
export function foldClaimName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length && i < 64; i++) {
    const c = name[i]!;
    if (c !== '_' && c !== '-') out += c.toLowerCase();
  }
  return out;
}

/**
 * The payload key that spells `name` another way (`AppKey`, `app_key`, `MN`), else the first of
 * `aliases` present (`meetingNumber` for mn); null when none is. `name` itself never counts.
 */
export function misnamedClaim(payload: Record<string, unknown>, name: string, aliases: readonly string[] = []): string | null {
  const folded = foldClaimName(name);
  for (const key of Object.keys(payload)) {
    if (key !== name && key.length <= 64 && foldClaimName(key) === folded) return key;
  }
  return aliases.find((k) => k !== name && hasOwn.call(payload, k)) ?? null;
}

/** Whether `key` is `name` spelled another way (case or separators), as opposed to another word for it. */
export function sameNameOtherSpelling(key: string, name: string): boolean {
  return key !== name && foldClaimName(key) === foldClaimName(name);
}

/** "AppKey is present but Zoom reads appKey (claim names are case-sensitive)", or the snake_case variant. */
export function spellingText(key: string, name: string): string {
  if (key.includes('_') || key.includes('-')) {
    const video = key === 'app_key' ? ": app_key is the Video SDK's spelling" : '';
    return `${key} is present but Zoom reads ${name} (camelCase, not snake_case${video})`;
  }
  return `${key} is present but Zoom reads ${name} (claim names are case-sensitive)`;
}

/** The Meeting SDK claims whose spelling is checked, in the order the sample writes them. */
export const MEETING_CLAIM_NAMES = ['appKey', 'sdkKey', 'mn', 'role', 'iat', 'exp', 'tokenExp'] as const;

/** Every Meeting SDK claim the payload spells another way, as `[written, expected]` pairs (absent expected claims only). */
export function misspelledMeetingClaims(payload: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of MEETING_CLAIM_NAMES) {
    if (hasOwn.call(payload, name)) continue;
    const key = misnamedClaim(payload, name);
    if (key !== null) out.push([key, name]);
  }
  return out;
}

/** Exact claim names per backend language. */
export const CLAIM_NAMES: LangLines = {
  js: '`{ appKey, sdkKey, mn, role, iat, exp, tokenExp }`: exactly these keys, camelCase',
  python: '`{"appKey": client_id, "sdkKey": client_id, "mn": mn, "role": role, "iat": iat, "exp": exp, "tokenExp": exp}`, not `app_key` / `sdk_key`',
  java: 'Jackson `@JsonProperty("appKey")` (and `"mn"`, `"role"`, `"iat"`, `"exp"`, `"tokenExp"`) on each field, or a `Map` with exactly these keys',
  php: "`['appKey' => $clientId, 'sdkKey' => $clientId, 'mn' => $mn, 'role' => $role, 'iat' => $iat, 'exp' => $exp, 'tokenExp' => $exp]`",
  go: 'a json tag on every field, e.g. `json:"appKey"`, `json:"mn"`, `json:"role"`, `json:"iat"`, `json:"exp"`, `json:"tokenExp"` (without tags encoding/json writes the field names AppKey, Mn, Role)',
  ruby: '`{ appKey: client_id, sdkKey: client_id, mn: mn, role: role, iat: iat, exp: exp, tokenExp: exp }`, not `app_key:`',
  csharp:
    '`[JsonPropertyName("appKey")]` on each property (Newtonsoft: `[JsonProperty("appKey")]`), or `JsonNamingPolicy.CamelCase`; a `JwtPayload` with the keys "appKey", "mn", "role", "iat", "exp"',
};
