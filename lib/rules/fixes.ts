/**
 * Fix texts shared by several rules. Each names the call to use per generator language, because
 * the person reading a finding usually has to change a line in a backend they did not write.
 */
export const WHOLE_SECONDS_FIX =
  'Issue iat and exp as whole epoch seconds (JSON integers): ' +
  'JS `Math.floor(Date.now() / 1000)`; Python `int(time.time())` (not `float(...)`, which PyJWT writes as `1795912284.0`); ' +
  'Java `Instant.now().getEpochSecond()` or `System.currentTimeMillis() / 1000`; PHP `time()`; ' +
  'C# `DateTimeOffset.UtcNow.ToUnixTimeSeconds()`; Go `time.Now().Unix()`; Ruby `Time.now.to_i`.';

export const JAVA_ROUND_FIX =
  'Java: replace `Math.round(System.currentTimeMillis() / 1000)` (which widens the long to float) with ' +
  '`System.currentTimeMillis() / 1000` or `Instant.now().getEpochSecond()`; drop any `(float)` cast. ' +
  'Other languages: `Math.floor(Date.now() / 1000)` (JS), `int(time.time())` (Python).';

export const SAMPLE_PAYLOAD =
  '{appKey: SDK_KEY, sdkKey: SDK_KEY, mn: meetingNumber, role, iat, exp: iat + 7200, tokenExp: exp} ' +
  '(Zoom meetingsdk-auth-endpoint-sample)';
