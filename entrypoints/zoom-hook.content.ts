/**
 * Page hook (MAIN world, document_start, every frame). Sees every Zoom Meeting SDK and Video SDK join:
 *  - API: owns the `window.ZoomMtg` / `window.ZoomMtgEmbedded` / `window.WebVideoSDK` slots and
 *    hands page code a Proxy whose join/joinTest/init (and createClient()'s join/init, for the
 *    Video SDK `WebVideoSDK.default.createClient()`) are wrapped. Assigning `ZoomMtg.join` would do
 *    nothing: in 6.x ZoomMtg is itself a Proxy.
 *  - Wire: the `wc/info` (Meeting SDK) and `wc/lsdk` (Video SDK) XHR and their JSONP fallback,
 *    which every loading style sends, including npm module imports that never touch the globals.
 * It only observes: callbacks run once with their original arguments and `this`, return values
 * and promises pass through untouched, and its own errors are swallowed and counted.
 * Budget: ≤ 4.5 KB as shipped (lib/build/hook-budget.ts), so terse code, and imports only of types
 * and plain `export const` values (inlined by the bundler).
 * Events go to the relay over a CustomEvent whose type is a secret agreed at document_start,
 * before any page script runs (see lib/protocol/version.ts), so page code cannot forge it.
 * Nothing is sent until Zoom shows up (an SDK global set, a join, a wc/info): until then the relay
 * stays dormant and the page pays only for the hook itself (issue 14 §6).
 * `window.__joinDoctorTimeoutMs` (a positive number) shortens the unsettled-join timeout (tests, lab).
 */
import { DEFAULT_SETTLE_TIMEOUT_MS, MAX_CAPTURED_STRING } from '../lib/protocol/limits';
import type { HookEvent, HookMethod } from '../lib/protocol/messages';
import { CHANNEL_PREFIX, HANDSHAKE_HELLO, HANDSHAKE_READY, HOOK_SOURCE, PROTOCOL_VERSION } from '../lib/protocol/version';

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main: install,
});

type Fn = (this: unknown, ...a: any[]) => any;

function install() {
  const W = window as any;
  // Originals, taken before page code can patch them.
  const define = Object.defineProperty;
  const desc = Object.getOwnPropertyDescriptor;
  /** An own accessor we control (configurable, so page code and `delete` still work). */
  const slot = (o: object, k: string, get: () => unknown, set: (v: any) => void) => define(o, k, { configurable: true, enumerable: true, get, set });
  const now = Date.now;
  const json = JSON.stringify;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const CE = CustomEvent;
  const later = setTimeout;
  // getRandomValues, not randomUUID: the latter exists only in secure contexts, and a plain-http
  // development host (http://myapp.test) must be captured too.
  const nonce = crypto.getRandomValues(new Uint32Array(4)).join('-');
  let channel = '';
  let n = 0;
  let errors = 0;
  let seen = 0;
  const queue: string[] = [];
  const fire = (type: string, detail: string) => dispatch.call(W, new CE(type, { detail }));
  const send = (e: HookEvent) => {
    try {
      const s = json({ source: HOOK_SOURCE, v: PROTOCOL_VERSION, e });
      channel ? fire(channel, s) : queue.length < 999 && queue.push(s);
    } catch {
      errors++;
    }
  };
  /** Runs f, swallowing and counting any error of ours. */
  const guard = (f: () => unknown) => {
    try {
      return f();
    } catch {
      send({ t: 'hook-error', n: ++errors, at: now() });
    }
  };
  const secret = CHANNEL_PREFIX + nonce;
  const hello = () => fire(HANDSHAKE_HELLO, secret);
  W.addEventListener(
    HANDSHAKE_READY,
    () => {
      channel = secret;
      hello();
      for (const s of queue.splice(0)) fire(channel, s);
    },
    { once: true },
  );
  hello();

  const safe = (v: any): any => {
    try {
      if (v instanceof Error) return { name: v.name, message: v.message };
      if (typeof v == 'function') return '[function]';
      const s = json(v);
      return s === undefined ? null : s.length > MAX_CAPTURED_STRING ? '[too large]' : JSON.parse(s);
    } catch {
      return '[unreadable]';
    }
  };
  // The first Zoom event of a document is preceded by the page's isolation and start (issue 10 §4).
  const id = () => (n || send({ t: 'page', coi: !!W.crossOriginIsolated, o: performance.timeOrigin, at: now() }), nonce + ':' + ++n);
  // CSP refusals of Zoom's requests or the SDK's /av/ code (wasm-eval), 20 per document at most.
  let v = 0;
  W.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => /zoom|\/av\//.test(e.blockedURI + e.sourceFile) && v++ < 20 && send({ t: 'csp', d: e.effectiveDirective, u: e.blockedURI, at: now() }));

  // ---- API capture
  const wrapCall = (orig: Fn, method: HookMethod): Fn =>
    function (this: unknown, args?: any, ...rest: any[]) {
      let a = args;
      let key = '';
      let done = 0;
      const init = method.endsWith('init');
      // Video SDK: join(topic, token, userName, password?, idle?), positional, promise-returning.
      const v = method[0] == 'v';
      // The client view (ZoomMtg.join/joinTest) reports through callbacks; every other join returns a promise.
      const viaCallbacks = method[0] == 'Z';
      const at = now();
      const settle = (ok: boolean, res: unknown) =>
        done++ ||
        guard(() => {
          if (init) {
            if (ok) return;
            send({ t: 'call', id: (key = id()), method, sig: null, at });
          }
          send({ t: 'settle', id: key, ok, res: safe(res), at: now() });
        });
      guard(() => {
        const o = v ? { signature: rest[0], tp: args } : args;
        if (!o || typeof o != 'object') return 1;
        v || (a = { ...args });
        const sig = o.signature;
        if (!init) {
          const k = (key = id());
          send({ t: 'call', id: k, method, sig: safe(sig), mn: safe(o.meetingNumber), sdkKey: safe(o.sdkKey), tp: safe(o.tp), a: v ? 0 : safe(o), at });
          if (typeof sig == 'function')
            a.signature = function (this: unknown, ...r: unknown[]) {
              const v = sig.apply(this, r);
              guard(() => Promise.resolve(v).then((x) => send({ t: 'sig', id: k, sig: safe(x), at: now() }), () => 0));
              return v;
            };
          const after = +W.__joinDoctorTimeoutMs || DEFAULT_SETTLE_TIMEOUT_MS;
          later(() => done || send({ t: 'timeout', id: k, afterMs: after, at: now() }), after);
        }
        if (viaCallbacks)
          for (const [name, ok] of [['success', true], ['error', false]] as const) {
            const cb = args[name];
            if (typeof cb == 'function')
              a[name] = function (this: unknown, ...r: unknown[]) {
                settle(ok, r[0]);
                return cb.apply(this, r);
              };
          }
        return 1;
      }) || (a = args);
      const out = orig.call(this, a, ...rest);
      if (!viaCallbacks)
        guard(() => out && typeof out.then == 'function' && out.then((v: unknown) => settle(true, v), (e: unknown) => settle(false, e)));
      return out;
    };

  const cache = new WeakMap<object, any>();
  const memo = (o: any, make: () => any) => cache.get(o) || (cache.set(o, make()), cache.get(o));
  const proxy = (o: any, member: (k: string, v: any) => any) =>
    Object(o) === o
      ? memo(
          o,
          () =>
            new Proxy(o, {
              get(t, k, r) {
                const v = Reflect.get(t, k, r);
                const d = desc(t, k);
                // A non-configurable read-only member must be returned as is (Proxy invariant).
                return typeof k != 'string' || typeof v != 'function' || (d && !d.configurable && !d.writable) ? v : guard(() => member(k, v)) || v;
              },
            }),
        )
      : o;
  const mtg = (z: any) => proxy(z, (k, v) => (/^(join|joinTest|init)$/.test(k) ? memo(v, () => wrapCall(v, ('ZoomMtg.' + k) as HookMethod)) : v));
  const embedded = (z: any, p = 'client.') =>
    proxy(z, (k, v) =>
      k == 'createClient'
        ? memo(v, () => function (this: unknown, ...r: unknown[]) {
            const c = v.apply(this, r);
            guard(() => {
              if (Object(c) === c && !cache.has(c)) {
                cache.set(c, c);
                for (const m of ['join', 'init'])
                  if (typeof c[m] == 'function') c[m] = wrapCall(c[m], (p + m) as HookMethod);
              }
            });
            return c;
          })
        : v,
    );

  // The Video SDK's UMD build sets `WebVideoSDK = {default: ZoomVideo, …}`.
  const video = (z: any) => proxy(z, (k, v) => (k == 'default' ? embedded(v, 'video.') : v));

  // Own the global slots so page code only ever reads the wrapped object.
  for (const [name, wrap] of [['ZoomMtg', mtg], ['ZoomMtgEmbedded', embedded], ['WebVideoSDK', video]] as const)
    guard(() => {
      const d = desc(W, name);
      if (d && !d.configurable) return; // cannot own it: the wire capture still sees its joins
      let cur = d ? (d.get ? d.get.call(W) : d.value) : undefined;
      // Page code setting an SDK global is the first sign of Zoom: it wakes the relay.
      slot(W, name, () => wrap(cur), (v) => ((cur = v), seen++ || send({ t: 'seen', at: now() })));
    });

  // ---- Wire capture: wc/info and wc/lsdk over XHR, and the JSONP retry the SDKs make after a 5xx
  const isJoin = (u: string) => /\/wc\/(info|lsdk)/.test(u);
  const wire = (via: 'xhr' | 'jsonp', url: string, q: URLSearchParams) => {
    const k = id();
    let done = 0;
    send({ t: 'wire-req', id: k, via, url, sig: safe(q.get('signature') ?? q.get('zlk')), mn: q.get('meetingNumber'), cv: q.get('cv'), tp: q.get('topic'), at: now() });
    return (http: number | null, b: any) =>
      done++ ||
      send({ t: 'wire-res', id: k, http, body: Object(b) === b ? { status: b.status, errorCode: b.errorCode, errorMessage: safe(b.errorMessage) } : null, at: now() });
  };
  const XP = XMLHttpRequest.prototype;
  const open = XP.open;
  const xsend = XP.send;
  const urls = new WeakMap<XMLHttpRequest, string>();
  XP.open = function (this: XMLHttpRequest, ...a: any[]) {
    guard(() => {
      const u = String(a[1]);
      isJoin(u) ? urls.set(this, u) : urls.delete(this);
    });
    return (open as Fn).apply(this, a);
  } as any;
  XP.send = function (this: XMLHttpRequest, body?: any) {
    guard(() => {
      const u = urls.get(this);
      if (!u) return;
      const answer = wire('xhr', u, new URLSearchParams(typeof body == 'string' ? body : ''));
      this.addEventListener('loadend', () =>
        guard(() => {
          let b = null;
          try {
            b = this.responseType == 'json' ? this.response : JSON.parse(this.responseText);
          } catch {}
          answer(this.status, b);
        }),
      );
    });
    return xsend.call(this, body);
  };

  // ---- Meeting server: after an accepted wc/info the SDK opens `wss://<rwg>/wc/api/<mn>`; the
  // RWG's join answer is `{"evt":4098,"body":{"res":N}}` (0 = joined). The client view reports a
  // refusal there (4011…) only in its own dialog, never to join's callbacks (docs/join-errors.md §7).
  // `res` null: the socket opened. A binary message reads as "[object ArrayBuffer]": no match.
  guard(() => {
    W.WebSocket = new Proxy(W.WebSocket, {
      construct(t, a, nt) {
        const s = Reflect.construct(t, a, nt);
        guard(
          () =>
            /\/wc\/api\//.test(a[0]) &&
            (send({ t: 'rwg', res: null, at: now() }),
            s.addEventListener('message', (e: MessageEvent) => guard(() => /"evt":4098\b/.test(e.data) && send({ t: 'rwg', res: JSON.parse(e.data).body.res, at: now() })))),
        );
        return s;
      },
    });
  });

  const SP = HTMLScriptElement.prototype;
  const src = desc(SP, 'src')!;
  define(SP, 'src', {
    ...src,
    set(this: HTMLScriptElement, v: unknown) {
      guard(() => {
        const s = String(v);
        const q = isJoin(s) && new URL(s, location.href).searchParams;
        const cb = q && q.get('callback');
        if (!cb) return;
        const answer = wire('jsonp', s, q);
        this.addEventListener('error', () => answer(0, null));
        // The SDK defines window[callback] right after appending the script; wrap whatever lands there.
        const wrapCb = (f: any) => (typeof f != 'function' ? f : function (this: unknown, ...r: unknown[]) {
          guard(() => answer(null, r[0]));
          return f.apply(this, r);
        });
        let fn = wrapCb(W[cb]);
        slot(W, cb, () => fn, (f) => (fn = wrapCb(f)));
      });
      src.set!.call(this, v);
    },
  });
}
