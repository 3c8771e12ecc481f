/**
 * What the sanitizer's tests, round-trip table and bench share: the diagnosis of a HAR as
 * `join-doctor har --json` writes it (minus the one field that measures the file itself), a leak
 * search for removed values in every form a HAR can carry them, and a HAR built from a recorded
 * fixture with a customer's credentials planted where real sessions carry them.
 */
import { readHar } from '../../lib/har/read';
import type { HarInput } from '../../lib/har/read';
import { diagnoseHar, harJson } from '../../lib/cli/commands/har';
import { createHmac } from 'node:crypto';

/**
 * The engine's JSON output for a HAR, as `join-doctor har --json` prints it with a fixed clock.
 * `har.stats.characters` is the file's length, which every removal changes; nothing else may differ.
 */
export async function diagnosisOf(input: HarInput): Promise<string> {
  const imp = await readHar(input);
  const exp = diagnoseHar(imp, { createdAt: new Date(0) });
  const json = JSON.parse(harJson(exp, imp)) as { har: { stats: { characters?: number } } };
  delete json.har.stats.characters;
  return JSON.stringify(json, null, 1);
}

/** The forms a value can take inside a HAR's text: as is, JSON-escaped, URL-encoded (once and twice), base64 and base64url at each byte alignment. */
export function leakForms(value: string): { form: string; needle: string }[] {
  const out: { form: string; needle: string }[] = [];
  const add = (form: string, needle: string) => {
    if (needle.length >= 4 && !out.some((o) => o.needle === needle)) out.push({ form, needle });
  };
  add('text', value);
  add('json-escaped', JSON.stringify(value).slice(1, -1));
  // A body written by PHP's json_encode (`/` as `\/`), then stored in the HAR's own JSON.
  add('php-escaped', JSON.stringify(value.replace(/\//g, '\\/')).slice(1, -1));
  add('php-escaped body', value.replace(/\//g, '\\/'));
  add('url-encoded', encodeURIComponent(value));
  add('url-encoded twice', encodeURIComponent(encodeURIComponent(value)));
  add('form-encoded', encodeURIComponent(value).replace(/%20/g, '+'));
  const bytes = Buffer.from(value, 'utf8');
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    // Only the characters that depend on the value's bytes alone: skip the group holding the
    // prefix, stop before the group the next byte would change.
    const needle = b64.slice(k > 0 ? 4 : 0, Math.floor((k + bytes.length) / 3) * 4);
    if (needle.length >= 8) {
      add(`base64 (+${k})`, needle);
      add(`base64url (+${k})`, needle.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return out;
}

export interface Leak {
  value: string;
  form: string;
  at: number;
}

/**
 * Every removed value still in `text`, in any of its forms. One pass per needle length with a
 * rolling hash (linear in the text, whatever the number of values: the 200 MB bench HAR has
 * tens of thousands), each hit confirmed by comparison.
 */
export function findLeaks(text: string, values: Iterable<string>, minLength = 4): Leak[] {
  const byLength = new Map<number, Map<number, { value: string; form: string; needle: string }[]>>();
  for (const value of new Set(values)) {
    if (value.length < minLength) continue;
    for (const f of leakForms(value)) {
      let table = byLength.get(f.needle.length);
      if (!table) byLength.set(f.needle.length, (table = new Map()));
      const h = hashOf(f.needle, 0, f.needle.length);
      const list = table.get(h);
      if (list) list.push({ value, ...f });
      else table.set(h, [{ value, ...f }]);
    }
  }
  const leaks: Leak[] = [];
  for (const [len, table] of byLength) {
    if (text.length < len) continue;
    // h = Σ c[i]·B^(len-1-i) mod 2^32
    let pow = 1;
    for (let i = 1; i < len; i++) pow = Math.imul(pow, B);
    let h = hashOf(text, 0, len);
    for (let i = 0; ; i++) {
      const hits = table.get(h >>> 0);
      if (hits) for (const x of hits) if (text.startsWith(x.needle, i)) leaks.push({ value: x.value, form: x.form, at: i });
      if (i + len >= text.length) break;
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), pow), B) + text.charCodeAt(i + len)) | 0;
    }
  }
  return leaks;
}

const B = 257;
function hashOf(s: string, from: number, len: number): number {
  let h = 0;
  for (let i = from; i < from + len; i++) h = (Math.imul(h, B) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}

const b64u = (s: string) => Buffer.from(s).toString('base64url');

/** A JWT signed with a made-up secret (never a real credential). */
export function plantedJwt(payload: Record<string, unknown>, opts: { standardBase64?: boolean } = {}): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify(payload))}`;
  const mac = createHmac('sha256', 'planted-secret').update(input).digest(opts.standardBase64 ? 'base64' : 'base64url');
  return `${input}.${mac}`;
}

/**
 * A customer's credentials as real sessions carry them, each a value no sanitizer could meet by
 * chance, so a test can search the output for every one of them, not only for what the sanitizer
 * said it removed. Keys name the leak.
 */
export const PLANTED = {
  cookieHeader: 'PLANTEDssid0aw1c4f2e9b7',
  cookieHeader2: 'PLANTEDzmaid77e31c0d',
  setCookie: 'PLANTEDcsrf5a1b9f0c3e',
  cookiesArray: 'PLANTEDarraycookie8d7e',
  bearer: 'PLANTEDbearer0eyKq9xZ3v',
  apiKeyHeader: 'PLANTEDapikey33ab90c1',
  authTokenHeader: 'PLANTEDauthtok71c0e2f4',
  zmHeader: 'PLANTEDzmaid55f0e1b2c3',
  proxyAuth: 'PLANTEDproxyauth9d3c2b',
  zak: 'PLANTEDzak.eyJzYWx0IjoiMSJ9.zakzak0a1',
  tk: 'PLANTEDtk0ff1e2d3c4b5',
  obfToken: 'PLANTEDobf4e5f6a7b8c9',
  pagePwd: 'PLANTEDpwd8f7e6d5c4',
  email: 'alice.planted@customer.example',
  formEmail: 'bob.planted@customer.example',
  bodyZak: 'PLANTEDbodyzak1a2b3c4d',
  bodySecret: 'PLANTEDsecret9e8d7c6b',
  bodyEmail: 'carol.planted@customer.example',
  base64Tk: 'PLANTEDb64tk0c1d2e3f4a',
  base64Email: 'dave.planted@customer.example',
  jsonpZak: 'PLANTEDjsonpzak5f6e7d',
  wsPassword: 'PLANTEDwspass3c4d5e6f',
  rwcToken: 'PLANTEDrwc9a8b7c6d5e4f',
  claimEmail: 'erin.planted@customer.example',
  phpSignature: '',
  standardSignature: '',
  claimJwtHmac: '',
};

type Obj = Record<string, any>;

/**
 * client-3712.har (a real recorded join) with PLANTED's values added where a customer's HAR has
 * them: Cookie/Set-Cookie/Authorization/x-zm-* headers, zak/tk/obfToken/userEmail in the wc/info
 * form, a passcode and an e-mail in the page URL and Referer, a backend body with a secret and an
 * e-mail, a base64 body, a JSONP answer, WebSocket frames and the meeting server's rwcToken URL, a JWT with an e-mail claim, a PHP-style
 * body (`\/`) and a standard-base64 token in a form. The join itself is left as recorded.
 */
export function credentialHar(recorded: string): { har: string; planted: Record<string, string> } {
  const h = JSON.parse(recorded) as Obj;
  const entries = h.log.entries as Obj[];
  const planted: typeof PLANTED & Record<string, string> = { ...PLANTED };
  const pageUrl = `https://app.customer.example/meeting?mn=123456789&pwd=${planted.pagePwd}&email=${encodeURIComponent(planted.email)}`;
  for (const e of entries) {
    e.request.headers.push({ name: 'Cookie', value: `_zm_ssid=${planted.cookieHeader}; zm_aid=${planted.cookieHeader2}` });
    e.request.cookies = [{ name: '_zm_ssid', value: planted.cookiesArray }];
    e.response.headers.push({ name: 'Set-Cookie', value: `_zm_csrf=${planted.setCookie}; Path=/; Secure` });
    e.response.headers.push({ name: 'x-zm-trackingid', value: 'WEB_kept_tracking_id' });
    for (const r of e.request.headers as Obj[]) if (r.name === 'Referer') r.value = pageUrl;
  }
  const wc = entries.find((e) => String(e.request.url).includes('/wc/info'))!;
  const extra = `&zak=${encodeURIComponent(planted.zak)}&tk=${planted.tk}&obfToken=${planted.obfToken}&userEmail=${encodeURIComponent(planted.formEmail)}`;
  wc.request.postData.text += extra;
  wc.request.postData.params.push({ name: 'zak', value: encodeURIComponent(planted.zak) }, { name: 'tk', value: planted.tk }, { name: 'obfToken', value: planted.obfToken }, { name: 'userEmail', value: encodeURIComponent(planted.formEmail) });
  wc.request.headers.push({ name: 'x-zm-aid', value: planted.zmHeader });
  const backend = entries.find((e) => String(e.request.url).includes('/api/signature'))!;
  backend.request.headers.push({ name: 'Authorization', value: `Bearer ${planted.bearer}` }, { name: 'X-Api-Key', value: planted.apiKeyHeader }, { name: 'X-Auth-Token', value: planted.authTokenHeader }, { name: 'Proxy-Authorization', value: `Basic ${planted.proxyAuth}` });
  const body = JSON.parse(backend.response.content.text) as Obj;
  body.zak = planted.bodyZak;
  body.sdk = { client_secret: planted.bodySecret, contact: planted.bodyEmail };
  backend.response.content.text = JSON.stringify(body);
  const t0 = Date.parse(backend.startedDateTime);
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const idToken = plantedJwt({ sub: 'u1', email: planted.claimEmail, iat: 1 });
  planted.claimJwtHmac = idToken.split('.')[2]!;
  // A PHP backend: standard base64 HMAC (with / and +) and json_encode's `\/`.
  let php = plantedJwt({ appKey: 'phpKey', mn: '987654321', role: 0, iat: 2, exp: 7202 }, { standardBase64: true });
  for (let salt = 0; !/[/]/.test(php.split('.')[2]!); salt++) php = plantedJwt({ appKey: 'phpKey', mn: '987654321', role: 0, iat: 2 + salt, exp: 7202 }, { standardBase64: true });
  planted.phpSignature = php.split('.')[2]!;
  let std = plantedJwt({ appKey: 'stdKey', mn: '55555', role: 0, iat: 3, exp: 7203 }, { standardBase64: true });
  for (let salt = 0; !/[+/]/.test(std.split('.')[2]!); salt++) std = plantedJwt({ appKey: 'stdKey', mn: '55555', role: 0, iat: 3 + salt, exp: 7203 }, { standardBase64: true });
  planted.standardSignature = std.split('.')[2]!;
  const extraEntry = (ms: number, url: string, content: Obj, request: Obj = {}): Obj => ({
    startedDateTime: at(ms),
    time: 20,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [{ name: 'Referer', value: pageUrl }], queryString: [], cookies: [], headersSize: -1, bodySize: 0, ...request },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: content.mimeType }], cookies: [], content, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { send: 1, wait: 10, receive: 9 },
  });
  const b64Body = Buffer.from(JSON.stringify({ tk: planted.base64Tk, owner: planted.base64Email, note: 'é ✓' })).toString('base64');
  entries.push(
    extraEntry(-5000, `https://app.customer.example/meeting?mn=123456789&pwd=${planted.pagePwd}`, { size: 20, mimeType: 'text/html', text: `<a href="mailto:${planted.email}">host</a>` }),
    extraEntry(-4000, 'https://api.customer.example/me', { size: 200, mimeType: 'application/json', encoding: 'base64', text: b64Body }),
    extraEntry(-3000, 'https://zoom.us/wc/profile?callback=cb1', { size: 40, mimeType: 'application/javascript', text: `cb1({"zak":"${planted.jsonpZak}","user":{"id_token":"x"}})` }),
    extraEntry(-2500, 'https://login.customer.example/userinfo', { size: 40, mimeType: 'application/json', text: JSON.stringify({ id: idToken }) }),
    extraEntry(-2000, 'https://php.customer.example/token.php', { size: 40, mimeType: 'application/json', text: `{"signature":"${php.replace(/\//g, '\\/')}"}` }),
    extraEntry(-1500, 'https://api.customer.example/log', { size: 0, mimeType: 'text/plain', text: '' }, {
      method: 'POST',
      postData: { mimeType: 'application/x-www-form-urlencoded', text: `t=${encodeURIComponent(std)}&x=1`, params: [{ name: 't', value: encodeURIComponent(std) }] },
    }),
  );
  entries.push({
    ...extraEntry(-1000, 'wss://app.customer.example/socket', { size: 0, mimeType: 'x-unknown', text: '' }),
    _webSocketMessages: [{ type: 'send', time: t0 / 1000, opcode: 1, data: JSON.stringify({ password: planted.wsPassword, op: 'login' }) }],
  });
  // The SDK's meeting-server socket: its URL carries rwcToken (lab/meeting-server-stand-in.ts reads it).
  entries.push({
    ...extraEntry(-500, `wss://rwg.zoom.us/wc/api/123456789?rwcToken=${planted.rwcToken}&dn2=ZTJl`, { size: 0, mimeType: 'x-unknown', text: '' }),
    _webSocketMessages: [{ type: 'receive', time: t0 / 1000, opcode: 1, data: '{"evt":4098,"body":{"res":0}}' }],
  });
  return { har: JSON.stringify(h, null, 2), planted };
}

/**
 * How much more each character of hostile text costs at 8n than at n, relative to benign text of
 * the same length run through the same work: about 1 when linear, about 8 when quadratic.
 * Measured interleaved, best of 5 each, so a machine loaded by other processes slows both alike
 * (a bare ratio of times swung from 4× to 22× under load on a linear scan).
 */
export async function costGrowth(work: (text: string) => unknown, hostile: (n: number) => string, benign: (n: number) => string, n: number): Promise<number> {
  const texts = [hostile(n), benign(n), hostile(n * 8), benign(n * 8)];
  await work(texts[0]!); // warm up
  // A linear scan measures about 1; a quadratic one about 8 every time. Noise from a loaded machine
  // (seen: 4.25 against a limit of 4 with three browser files running) does not repeat three times,
  // so take the lowest of up to three rounds, stopping at the first one that is clearly linear.
  let lowest = Infinity;
  for (let round = 0; round < 3 && lowest >= 2.5; round++) {
    const best = [Infinity, Infinity, Infinity, Infinity];
    for (let r = 0; r < 5; r++) {
      for (let i = 0; i < 4; i++) {
        const t0 = performance.now();
        await work(texts[i]!);
        best[i] = Math.min(best[i]!, performance.now() - t0);
      }
    }
    lowest = Math.min(lowest, best[2]! / best[3]! / (best[0]! / best[1]!));
  }
  return lowest;
}
