/**
 * Limits and texts shared by the Video SDK rules (vsdk-*). Sources: docs/zoom-facts.md "Video SDK"
 * (the 2.5.0 bundle, the package's skill/references/auth.md, zoom/videosdk-auth-endpoint-sample).
 */
import type { LangLines } from './lang';

/** `tpc` and the join topic: at most 200 characters (auth.md; `client.join` rejects a longer topic with 5013). */
export const TPC_MAX = 200;
/** `session_key`, `user_key` / `user_identity`: at most 36 characters (auth.md). */
export const VIDEO_KEY_MAX = 36;

/** What the Video SDK shows for a JWT Zoom refuses (server code 124, generic message). */
export const VERIFY_JWT_FAILED = 'errorCode 200 "Verify JWT failed" (server code 124)';

/**
 * The payload Zoom's Video SDK auth endpoint sample signs (zoom/videosdk-auth-endpoint-sample: HS256
 * with the Video SDK secret), written out per language.
 */
export const VIDEO_PAYLOAD: LangLines = {
  js: "`{ app_key: process.env.ZOOM_VIDEO_SDK_KEY, tpc: sessionName, role_type: parseInt(role, 10), version: 1, iat, exp: iat + 7200 }` (Zoom's sample)",
  python: '`{"app_key": os.environ["ZOOM_VIDEO_SDK_KEY"], "tpc": session_name, "role_type": int(role), "version": 1, "iat": iat, "exp": iat + 7200}`',
  java: '`Map.of("app_key", videoSdkKey, "tpc", sessionName, "role_type", roleType, "version", 1, "iat", iat, "exp", iat + 7200)` (roleType an int)',
  php: "`['app_key' => getenv('ZOOM_VIDEO_SDK_KEY'), 'tpc' => $sessionName, 'role_type' => (int) $role, 'version' => 1, 'iat' => $iat, 'exp' => $iat + 7200]`",
  go: '`jwt.MapClaims{"app_key": os.Getenv("ZOOM_VIDEO_SDK_KEY"), "tpc": sessionName, "role_type": roleType, "version": 1, "iat": iat, "exp": iat + 7200}` (roleType an int)',
  ruby: "`{ app_key: ENV['ZOOM_VIDEO_SDK_KEY'], tpc: session_name, role_type: Integer(role), version: 1, iat: iat, exp: iat + 7200 }`",
  csharp: '`new JwtPayload { { "app_key", config["Zoom:VideoSdkKey"] }, { "tpc", sessionName }, { "role_type", int.Parse(role) }, { "version", 1 }, { "iat", iat }, { "exp", iat + 7200 } }`',
};

/** role_type as a JSON number 0 or 1. */
export const ROLE_TYPE_NUMBER: LangLines = {
  js: "`role_type: parseInt(role, 10)` (as Zoom's auth sample does), checked to be 0 or 1",
  python: '`"role_type": int(role)`',
  java: '`claims.put("role_type", Integer.parseInt(role))` (an int, not a String)',
  php: "`'role_type' => (int) $role`",
  go: '`"role_type": roleType` with `roleType int` (strconv.Atoi of a form value)',
  ruby: '`role_type: Integer(role)`',
  csharp: '`{ "role_type", int.Parse(role) }`',
};

/** version as the JSON number 1. */
export const VERSION_ONE: LangLines = {
  js: '`version: 1`',
  python: '`"version": 1`',
  java: '`claims.put("version", 1)`',
  php: "`'version' => 1`",
  go: '`"version": 1`',
  ruby: '`version: 1`',
  csharp: '`{ "version", 1 }`',
};

/** tpc read from the token request: the session name the page will pass to `client.join`. */
export const READ_TOPIC: LangLines = {
  js: "`const { sessionName } = req.body` then `tpc: sessionName` (Express, as Zoom's sample does)",
  python: "`\"tpc\": request.get_json()['sessionName']` (Flask)",
  java: '`claims.put("tpc", req.getSessionName())` with `@RequestBody TokenRequest req` (Spring)',
  php: "`'tpc' => json_decode(file_get_contents('php://input'), true)['sessionName']`",
  go: '`"tpc": req.SessionName` after `json.NewDecoder(r.Body).Decode(&req)`',
  ruby: "`tpc: JSON.parse(request.body.read)['sessionName']`",
  csharp: '`{ "tpc", req.SessionName }` with `[FromBody] TokenRequest req` (ASP.NET Core)',
};

/** Refuse a request value longer than `max` before signing it into `claim` (camel: JS/Java/PHP/Go/C# name, snake: Python/Ruby). */
function maxLength(claim: string, camel: string, snake: string, max: number): LangLines {
  return {
    js: `\`if (${camel}.length > ${max}) return res.status(400).end()\` before \`${claim}: ${camel}\``,
    python: `\`if len(${snake}) > ${max}: abort(400)\` before \`"${claim}": ${snake}\``,
    java: `\`if (${camel}.length() > ${max}) throw new ResponseStatusException(HttpStatus.BAD_REQUEST)\``,
    php: `\`if (mb_strlen($${camel}) > ${max}) { http_response_code(400); exit; }\``,
    go: `\`if utf8.RuneCountInString(${camel}) > ${max} { http.Error(w, "${claim} too long", http.StatusBadRequest); return }\``,
    ruby: `\`halt 400 if ${snake}.length > ${max}\``,
    csharp: `\`if (${camel}.Length > ${max}) return BadRequest();\``,
  };
}

export const TPC_LENGTH = maxLength('tpc', 'sessionName', 'session_name', TPC_MAX);
export const SESSION_KEY_LENGTH = maxLength('session_key', 'sessionKey', 'session_key', VIDEO_KEY_MAX);
export const USER_IDENTITY_LENGTH = maxLength('user_identity', 'userIdentity', 'user_identity', VIDEO_KEY_MAX);
export const USER_KEY_LENGTH = maxLength('user_key', 'userKey', 'user_key', VIDEO_KEY_MAX);

const hasOwn = Object.prototype.hasOwnProperty;

/** A claim of the payload, or undefined when absent. */
export function videoClaim(payload: Record<string, unknown>, name: string): unknown {
  return hasOwn.call(payload, name) ? payload[name] : undefined;
}
