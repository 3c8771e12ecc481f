/**
 * Fix lines shared by several rules, one per backend language (see lang.ts): the person reading a
 * finding usually has to change one line in a backend they did not write, in whatever language it is.
 */
import type { LangLines } from './lang';

export const WHOLE_SECONDS: LangLines = {
  js: '`Math.floor(Date.now() / 1000)`',
  python: "`int(time.time())`, not `float(...)` (PyJWT writes a float as `1795912284.0`)",
  java: '`Instant.now().getEpochSecond()` or `System.currentTimeMillis() / 1000` (a long, no Math.round)',
  php: '`time()`',
  go: '`time.Now().Unix()` in a jwt.MapClaims, or keep golang-jwt `jwt.TimePrecision = time.Second` (the default) for NumericDate',
  ruby: '`Time.now.to_i`',
  csharp: '`DateTimeOffset.UtcNow.ToUnixTimeSeconds()`',
};

export const JAVA_ROUND: LangLines = {
  java:
    'replace `Math.round(System.currentTimeMillis() / 1000)` (the long widens to float) with `System.currentTimeMillis() / 1000` ' +
    'or `Instant.now().getEpochSecond()`; drop any `(float)` cast (Kotlin: `Instant.now().epochSecond`, not `(ms / 1000f).roundToInt()`)',
  js: '`Math.floor(Date.now() / 1000)` (a JS number is a double: no quantisation)',
  python: '`int(time.time())`; numpy `float32` seconds quantise the same way, plain floats do not',
  php: '`time()`',
  go: '`time.Now().Unix()`, never `float32(...)`',
  ruby: '`Time.now.to_i`',
  csharp: '`DateTimeOffset.UtcNow.ToUnixTimeSeconds()`, never a `(float)` cast',
};

/** Zoom's sample payload (meetingsdk-auth-endpoint-sample) written out per language. */
export const SAMPLE_PAYLOAD: LangLines = {
  js: '`{ appKey: CLIENT_ID, sdkKey: CLIENT_ID, mn, role, iat, exp: iat + 7200, tokenExp: iat + 7200 }`',
  python: '`{"appKey": client_id, "sdkKey": client_id, "mn": mn, "role": role, "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200}`',
  java: '`Map.of("appKey", clientId, "sdkKey", clientId, "mn", mn, "role", role, "iat", iat, "exp", iat + 7200, "tokenExp", iat + 7200)`',
  php: "`['appKey' => $clientId, 'sdkKey' => $clientId, 'mn' => $mn, 'role' => $role, 'iat' => $iat, 'exp' => $iat + 7200, 'tokenExp' => $iat + 7200]`",
  go: '`jwt.MapClaims{"appKey": clientID, "sdkKey": clientID, "mn": mn, "role": role, "iat": iat, "exp": iat + 7200, "tokenExp": iat + 7200}`',
  ruby: '`{ appKey: client_id, sdkKey: client_id, mn: mn, role: role, iat: iat, exp: iat + 7200, tokenExp: iat + 7200 }`',
  csharp: '`new JwtPayload { { "appKey", clientId }, { "sdkKey", clientId }, { "mn", mn }, { "role", role }, { "iat", iat }, { "exp", iat + 7200 }, { "tokenExp", iat + 7200 } }`',
};

export const SIGN_WITH_LIBRARY: LangLines = {
  js: "jsonwebtoken `jwt.sign(payload, secret, { algorithm: 'HS256' })` or jsrsasign `KJUR.jws.JWS.sign('HS256', header, payload, secret)`",
  python: "PyJWT `jwt.encode(payload, secret, algorithm='HS256')`",
  java: 'jjwt `Jwts.builder().claims(payload).signWith(Keys.hmacShaKeyFor(secret.getBytes(UTF_8)), Jwts.SIG.HS256).compact()`',
  php: "firebase/php-jwt `JWT::encode($payload, $secret, 'HS256')`",
  go: 'golang-jwt `jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))`',
  ruby: "ruby-jwt `JWT.encode(payload, secret, 'HS256')`",
  csharp: '`new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new JwtHeader(new SigningCredentials(key, SecurityAlgorithms.HmacSha256)), payload))`',
};

export const BASE64URL: LangLines = {
  js: "`Buffer.from(x).toString('base64url')` (not `btoa`)",
  python: "`base64.urlsafe_b64encode(x).rstrip(b'=')`",
  java: '`Base64.getUrlEncoder().withoutPadding().encodeToString(x)` (not `getEncoder()` or `getMimeEncoder()`)',
  php: "`rtrim(strtr(base64_encode($x), '+/', '-_'), '=')` (no `chunk_split`)",
  go: '`base64.RawURLEncoding.EncodeToString(x)` (not `StdEncoding`)',
  ruby: '`Base64.urlsafe_encode64(x, padding: false)` (not `Base64.encode64`, which wraps lines)',
  csharp: '`Base64UrlEncoder.Encode(x)` (Microsoft.IdentityModel.Tokens), not `Convert.ToBase64String` or `HttpServerUtility.UrlTokenEncode` (which appends a padding digit)',
};

export const TRIM_SECRET: LangLines = {
  js: '`process.env.ZOOM_SECRET.trim()`',
  python: "`os.environ['ZOOM_SECRET'].strip()`",
  java: '`System.getenv("ZOOM_SECRET").strip()`',
  php: "`trim(getenv('ZOOM_SECRET'))`",
  go: '`strings.TrimSpace(os.Getenv("ZOOM_SECRET"))`',
  ruby: "`ENV.fetch('ZOOM_SECRET').strip`",
  csharp: '`Environment.GetEnvironmentVariable("ZOOM_SECRET")!.Trim()`',
};

/** The secret's bytes are the UTF-8 of the text shown in the Marketplace: no decoding step. */
export const SECRET_AS_TEXT: LangLines = {
  js: "`new TextEncoder().encode(secret)` / jsonwebtoken with the string itself, not `Buffer.from(secret, 'base64')`",
  python: "`secret.encode('utf-8')`, not `base64.b64decode(secret)`",
  java: '`secret.getBytes(StandardCharsets.UTF_8)`, not `Decoders.BASE64.decode(secret)` or `Base64.getDecoder().decode(secret)`',
  php: '`hash_hmac(\'sha256\', $data, $secret, true)` with `$secret` as it is, not `base64_decode($secret)`',
  go: '`[]byte(secret)`, not `base64.StdEncoding.DecodeString(secret)`',
  ruby: '`secret` as it is, not `Base64.decode64(secret)`',
  csharp: '`Encoding.UTF8.GetBytes(secret)`, not `Convert.FromBase64String(secret)`',
};

/** Where the signature endpoint reads the meeting number and role from the request. */
export const READ_REQUEST: LangLines = {
  js: '`const { meetingNumber, role } = req.body` (Express with `express.json()`)',
  python: "`data = request.get_json(); data['meetingNumber']` (Flask)",
  java: '`@RequestBody SignatureRequest req` then `req.getMeetingNumber()` (Spring)',
  php: "`$body = json_decode(file_get_contents('php://input'), true); $body['meetingNumber']`",
  go: '`json.NewDecoder(r.Body).Decode(&req)` then `req.MeetingNumber`',
  ruby: "`JSON.parse(request.body.read)['meetingNumber']`",
  csharp: '`[FromBody] SignatureRequest req` then `req.MeetingNumber`',
};

/** The signature endpoint's answer: the JWT string alone in a JSON field, as Zoom's sample returns it. */
export const RETURN_SIGNATURE: LangLines = {
  js: '`res.json({ signature: token })` (Express)',
  python: '`return jsonify(signature=token)` (Flask; with PyJWT 1.x decode the bytes first)',
  java: '`return Map.of("signature", token);` (Spring `@RestController`)',
  php: "`echo json_encode(['signature' => $jwt]);` with `header('Content-Type: application/json')`",
  go: '`json.NewEncoder(w).Encode(map[string]string{"signature": token})`',
  ruby: '`render json: { signature: token }` (Rails)',
  csharp: '`return Ok(new { signature = token });` (ASP.NET Core)',
};

/** Client ID in the claims, Client Secret as the HMAC key: the two settings a swapped backend has the wrong way round. */
export const KEY_AND_SECRET: LangLines = {
  js: "`jwt.sign({ appKey: process.env.ZOOM_MEETING_SDK_KEY, … }, process.env.ZOOM_MEETING_SDK_SECRET, { algorithm: 'HS256' })`",
  python: "`jwt.encode({\"appKey\": os.environ[\"ZOOM_MEETING_SDK_KEY\"], …}, os.environ[\"ZOOM_MEETING_SDK_SECRET\"], algorithm=\"HS256\")`",
  java: '`Jwts.builder().claim("appKey", clientId)…signWith(Keys.hmacShaKeyFor(clientSecret.getBytes(UTF_8)), Jwts.SIG.HS256)`',
  php: "`JWT::encode(['appKey' => getenv('ZOOM_MEETING_SDK_KEY'), …], getenv('ZOOM_MEETING_SDK_SECRET'), 'HS256')`",
  go: '`jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"appKey": os.Getenv("ZOOM_MEETING_SDK_KEY"), …}).SignedString([]byte(os.Getenv("ZOOM_MEETING_SDK_SECRET")))`',
  ruby: "`JWT.encode({ appKey: ENV['ZOOM_MEETING_SDK_KEY'], … }, ENV['ZOOM_MEETING_SDK_SECRET'], 'HS256')`",
  csharp: '`{ "appKey", config["Zoom:ClientId"] }` in the JwtPayload, `new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config["Zoom:ClientSecret"]))` for the SigningCredentials',
};

/** Back-dating iat absorbs small clock differences between the backend and Zoom. */
export const BACKDATE: LangLines = {
  js: '`Math.floor(Date.now() / 1000) - 30`',
  python: '`int(time.time()) - 30`',
  java: '`Instant.now().getEpochSecond() - 30`',
  php: '`time() - 30`',
  go: '`time.Now().Unix() - 30` (or `jwt.NewNumericDate(time.Now().Add(-30 * time.Second))`)',
  ruby: '`Time.now.to_i - 30`',
  csharp: '`DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30`',
};

/** mn as digits only. */
export const MN_DIGITS: LangLines = {
  js: '`String(meetingNumber).replace(/\\D/g, "")`',
  python: '`re.sub(r"\\D", "", str(meeting_number))`',
  java: '`meetingNumber.replaceAll("\\\\D", "")`',
  php: "`preg_replace('/\\D/', '', $meetingNumber)`",
  go: '`regexp.MustCompile(`\\D`).ReplaceAllString(meetingNumber, "")`',
  ruby: "`meeting_number.to_s.gsub(/\\D/, '')`",
  csharp: '`Regex.Replace(meetingNumber, @"\\D", "")`',
};

/** role as a JSON number 0 or 1. */
export const ROLE_NUMBER: LangLines = {
  js: '`role: parseInt(role, 10)` (as Zoom\'s auth sample does), checked to be 0 or 1',
  python: '`"role": int(role)`',
  java: '`claims.put("role", Integer.parseInt(role))` (an int, not a String)',
  php: "`'role' => (int) $role`",
  go: '`"role": role` with `role int` (strconv.Atoi of a form value)',
  ruby: '`role: Integer(role)`',
  csharp: '`{ "role", int.Parse(role) }`',
};

/** Times as JSON numbers, not strings. */
export const TIME_NUMBER: LangLines = {
  js: '`iat: Math.floor(Date.now() / 1000)`, a number, not a template string',
  python: '`"iat": int(time.time())`, not `str(...)`',
  java: '`claims.put("iat", epochSeconds)` with a long, not `String.valueOf(...)`',
  php: "`'iat' => time()`, or `(int)` a value read from a string",
  go: '`"iat": time.Now().Unix()` (int64), not `strconv.FormatInt(...)`',
  ruby: '`iat: Time.now.to_i`, not `Time.now.to_i.to_s`',
  csharp: '`{ "iat", DateTimeOffset.UtcNow.ToUnixTimeSeconds() }` (a long), not `.ToString()`',
};

/** exp = iat + 7200 (Zoom's sample default), within [1800, 172800]. */
export const EXP_WINDOW: LangLines = {
  js: '`exp: iat + 7200` (jsonwebtoken: `{ expiresIn: "2h" }`)',
  python: '`"exp": iat + 7200` (or `datetime.now(timezone.utc) + timedelta(hours=2)`)',
  java: '`claims.put("exp", iat + 7200)` (jjwt: `.expiration(Date.from(Instant.now().plusSeconds(7200)))`)',
  php: "`'exp' => $iat + 7200`",
  go: '`"exp": iat + 7200` (golang-jwt: `jwt.NewNumericDate(time.Now().Add(2 * time.Hour))`)',
  ruby: '`exp: iat + 7200`',
  csharp: '`{ "exp", iat + 7200 }` (or `expires: DateTime.UtcNow.AddHours(2)` in JwtSecurityToken)',
};

/** tokenExp equal to exp, as the sample sets it. */
export const TOKEN_EXP: LangLines = {
  js: '`tokenExp: exp`',
  python: '`"tokenExp": exp`',
  java: '`claims.put("tokenExp", exp)`',
  php: "`'tokenExp' => $exp`",
  go: '`"tokenExp": exp`',
  ruby: '`tokenExp: exp`',
  csharp: '`{ "tokenExp", exp }`',
};

/** video_webrtc_mode as a JSON number 0 or 1. */
export const WEBRTC_MODE: LangLines = {
  js: '`video_webrtc_mode: 1` (a number; `parseInt` a request value)',
  python: '`"video_webrtc_mode": 1`',
  java: '`claims.put("video_webrtc_mode", 1)`',
  php: "`'video_webrtc_mode' => 1`",
  go: '`"video_webrtc_mode": 1`',
  ruby: '`video_webrtc_mode: 1`',
  csharp: '`{ "video_webrtc_mode", 1 }`',
};

/** Explicit HS256 per library: some pick another algorithm by default or by key length. */
export const HS256: LangLines = {
  js: "jsonwebtoken `{ algorithm: 'HS256' }`, jsrsasign `KJUR.jws.JWS.sign('HS256', …)`, jose `.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })`",
  python: "PyJWT `algorithm='HS256'`",
  java: 'jjwt `signWith(key, Jwts.SIG.HS256)` (a bare `signWith(key)` picks HS384/HS512 for secrets of 48/64+ bytes)',
  php: "firebase/php-jwt `JWT::encode($payload, $secret, 'HS256')`",
  go: 'golang-jwt `jwt.NewWithClaims(jwt.SigningMethodHS256, claims)`',
  ruby: "ruby-jwt `JWT.encode(payload, secret, 'HS256')`",
  csharp: '`SecurityAlgorithms.HmacSha256`, not `HmacSha256Signature` or `HmacSha512`',
};

/** Build the claims as one object and serialise it once. */
export const CLAIMS_ONCE: LangLines = {
  js: 'one object literal passed to `jwt.sign`, no string concatenation onto `JSON.stringify` output',
  python: 'one dict passed to `jwt.encode`, no `json.dumps(a)[:-1] + …` splicing',
  java: 'one `Map`/jjwt builder, no appending to a serialised JSON string',
  php: 'one array passed to `JWT::encode`, no `json_encode` output spliced with more text',
  go: 'one `jwt.MapClaims` (a map cannot hold a key twice) or a struct without two fields tagged with the same JSON name',
  ruby: 'one Hash passed to `JWT.encode`',
  csharp: 'one `JwtPayload`, not `payload.Add` of a claim already present via `AddClaim`',
};
