/**
 * Page hook (MAIN world, document_start, every frame). Sees every Zoom Meeting SDK and Video SDK join:
 *  - API: once page code has set `window.ZoomMtg` / `ZoomMtgEmbedded` / `WebVideoSDK` (looked for
 *    after each external script ran, at DOMContentLoaded and load, and at each XHR, JSONP or
 *    WebSocket the page opens), their join/joinTest/init, createClient() and the clients'
 *    join/init are wrapped in place. ZoomMtg 3.x–6.x is itself a Proxy whose get trap hands out a
 *    new join/init on every read, so nothing set on it is ever read back: then, and only then,
 *    `window.ZoomMtg` is replaced by a Proxy of it (what stays observable: RESIDUAL in
 *    tests/e2e/transparency.e2e.test.ts).
 *  - Wire: the `wc/info` (Meeting SDK) and `wc/lsdk` (Video SDK) XHR and their JSONP fallback,
 *    which every loading style sends, including npm module imports that never touch the globals.
 * Transparent (issue 20; tests/e2e/transparency.e2e.test.ts): until a page sets an SDK global
 * it finds no trace of us in its own objects: no window property, wrapped natives are Proxies (same
 * name, length and toString), and every built-in used after document_start was saved before any
 * page script (a page replacing JSON, Array or String methods changes neither the caps nor what
 * it sees being called). The join options the page passes reach the SDK as a Proxy of that same
 * object (its prototype, getters and private fields intact) that only hands out wrapped
 * success/error callbacks and signature function. Callbacks run once with their original
 * arguments; return values and promises pass through untouched; its own errors are swallowed and
 * counted. The unsettled-join timeout is the relay's (entrypoints/relay.content.ts).
 * Budget as shipped: scripts/build/hook-budget.ts, so terse code, and imports only of types and plain
 * `export const` values (inlined by the bundler).
 * Events go to the relay over a CustomEvent whose type is a secret agreed at document_start,
 * before any page script runs (see lib/protocol/version.ts), so page code cannot forge it.
 * Nothing is sent until Zoom shows up (an SDK global set, a join, a wc/info): until then the relay
 * stays dormant and the page pays only for the hook itself (issue 14 §6).
 */
import { MAX_CAPTURED_STRING } from '../lib/protocol/limits';
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

export function install() {
  const W = window as any;
  // Built-ins, saved before any page script can replace them; after this line the hook reaches
  // none through a page-writable property (object literals that meet the page have no prototype).
  const O = Object;
  const apply = Reflect.apply;
  const rget = Reflect.get;
  const construct = Reflect.construct;
  const define = O.defineProperty;
  const proto = O.getPrototypeOf;
  const bare = O.setPrototypeOf;
  const getDesc = O.getOwnPropertyDescriptor;
  /** An own property's descriptor, read without the page's Object.prototype. */
  const desc = (o: object, k: PropertyKey): any => bare(getDesc(o, k) || {}, null);
  const json = JSON.stringify;
  const parse = JSON.parse;
  const P = Proxy;
  const USP = URLSearchParams;
  const CE = CustomEvent;
  const FP = Function.prototype;
  const SP = String.prototype;
  const ET = EventTarget.prototype;
  const fbind = FP.bind;
  const bind = (f: any, self: unknown) => apply(fbind, f, [self]);
  const getter = (o: object, k: string) => bind(FP.call, getDesc(o, k)!.get);
  const WM = WeakMap.prototype;
  const hidden = new WeakMap();
  const urls = new WeakMap();
  const hget = bind(WM.get, hidden);
  const hset = bind(WM.set, hidden);
  const uget = bind(WM.get, urls);
  const uset = bind(WM.set, urls);
  const wraps = new WeakMap();
  const wget = bind(WM.get, wraps);
  const wset = bind(WM.set, wraps);
  const qGet = bind(FP.call, USP.prototype.get);
  const indexOf = bind(FP.call, SP.indexOf);
  const slice = bind(FP.call, SP.slice);
  const has = (s: string, x: string) => indexOf(s, x) > -1;
  const on = bind(FP.call, ET.addEventListener);
  const dispatch = bind(ET.dispatchEvent, W);
  const then = bind(FP.call, Promise.prototype.then);
  const resolve = bind(Promise.resolve, Promise);
  const micro = queueMicrotask;
  const now = Date.now;
  const coi = !!W.crossOriginIsolated;
  const origin = performance.timeOrigin;
  /** `p`, a Proxy of `o` with handler `h` (given no prototype), known to be ours: Function.prototype.toString answers o's text for it. */
  const hide = (o: any, h: object) => {
    const p = new P(o, bare(h, null));
    hset(p, o);
    return p;
  };
  // getRandomValues, not randomUUID: the latter exists only in secure contexts, and a plain-http
  // development host (http://myapp.test) must be captured too.
  const nonce = crypto.getRandomValues(new Uint32Array(4)).join('-');
  let channel = '';
  let n = 0;
  let errors = 0;
  let seen = 0;
  const queue: string[] = bare([], null);
  const fire = (type: string, detail: string) => dispatch(new CE(type, { __proto__: null, detail } as CustomEventInit));
  /** Our own event data loses its prototype: JSON.stringify then finds no page-set toJSON. */
  const clean = (v: any) => {
    if (v && typeof v == 'object') {
      bare(v, null);
      for (const k in v) clean(v[k]);
    }
    return v;
  };
  const send = (e: HookEvent) => {
    try {
      const s = json(clean({ source: HOOK_SOURCE, v: PROTOCOL_VERSION, e }));
      channel ? fire(channel, s) : queue.length < 999 && (queue[queue.length] = s);
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
  on(
    W,
    HANDSHAKE_READY,
    () => {
      channel = secret;
      hello();
      for (let i = 0; i < queue.length; ) fire(channel, queue[i++]!);
      queue.length = 0;
    },
    { once: true },
  );
  hello();

  const safe = (v: any): any => {
    try {
      if (v instanceof Error) return { name: v.name, message: v.message };
      if (typeof v == 'function') return '[function]';
      const s = json(v);
      return s === undefined ? null : s.length > MAX_CAPTURED_STRING ? '[too large]' : parse(s);
    } catch {
      return '[unreadable]';
    }
  };
  // The first sign of Zoom (an SDK global, a join, a wc/info) is the page's isolation and start
  // (issue 10 §4): it wakes the relay, and the document's start is where its asset failures begin.
  const page = () => seen++ || send({ t: 'page', coi, o: origin, at: now() });
  const id = () => (page(), nonce + ':' + ++n);
  // CSP refusals of Zoom's requests or the SDK's /av/ code (wasm-eval), 20 per document at most.
  let v = 0;
  const CSP = SecurityPolicyViolationEvent.prototype;
  const blocked = getter(CSP, 'blockedURI');
  const source = getter(CSP, 'sourceFile');
  const directive = getter(CSP, 'effectiveDirective');
  on(W, 'securitypolicyviolation', (e: Event) =>
    guard(() => {
      const u = blocked(e);
      const s = u + source(e);
      (has(s, 'zoom') || has(s, '/av/')) && v++ < 20 && send({ t: 'csp', d: directive(e), u, at: now() });
    }),
  );

  // ---- API capture
  const wrapCall = (method: HookMethod) => ({
    apply(orig: any, self: unknown, r: any[]) {
      let key = '';
      let done = 0;
      const init = has(method, 'init');
      // Video SDK: join(topic, token, userName, password?, idle?), positional, promise-returning.
      const vid = method[0] == 'v';
      // The client view (ZoomMtg.join/joinTest) reports through callbacks; every other join returns a promise.
      const viaCallbacks = method[0] == 'Z';
      const at = now();
      const settle = (ok: boolean, res: unknown) => done++ || guard(() => send({ t: 'settle', id: key, ok, res: safe(res), at: now() }));
      guard(() => {
        const a = r[0];
        const o = vid ? { signature: r[1], tp: a } : a;
        if (!o || typeof o != 'object') return;
        const sig = o.signature;
        // An init is reported when made (its options are no join's): one that never calls back is a join that never started.
        send(init ? { t: 'call', id: (key = id()), method, sig: null, at } : { t: 'call', id: (key = id()), method, sig: safe(sig), mn: safe(o.meetingNumber), sdkKey: safe(o.sdkKey), tp: safe(o.tp), a: vid ? 0 : safe(o), at });
        const k = key;
        // The SDK gets the page's own object behind a Proxy: reads go to it (receiver and all), only
        // the callbacks and a signature function come back wrapped.
        if (!vid && (viaCallbacks || typeof sig == 'function'))
          r[0] = new P(a, {
            // @ts-expect-error: a handler without a prototype, so a page-set Object.prototype.has is no trap of ours
            __proto__: null,
            get(t: any, p: PropertyKey, proxy: unknown) {
              const x = rget(t, p);
              const d = desc(t, p);
              // A non-configurable read-only member must be returned as is (Proxy invariant).
              if (typeof x != 'function' || (d.configurable === false && !d.writable)) return x;
              if (p == 'signature' && !init)
                return function (this: unknown, ...q: unknown[]) {
                  const y = apply(x, this === proxy ? t : this, q);
                  guard(() => then(resolve(y), (z: unknown) => send({ t: 'sig', id: k, sig: safe(z), at: now() }), () => 0));
                  return y;
                };
              return viaCallbacks && (p == 'success' || p == 'error')
                ? function (this: unknown, ...q: unknown[]) {
                    settle(p == 'success', q[0]);
                    // Called as options.success(…): `this` is the page's own object, as without us.
                    return apply(x, this === proxy ? t : this, q);
                  }
                : x;
            },
          });
      });
      const out: any = apply(orig, self, r);
      viaCallbacks || guard(() => out && typeof out.then == 'function' && then(resolve(out), (x: unknown) => settle(true, x), (e: unknown) => settle(false, e)));
      return out;
    },
  });

  /**
   * Wraps the function at o[k] where it lives (own or inherited), keeping its descriptor. 0 when
   * that cannot take: o[k] reads a new function each time (a Proxy's get trap) or is frozen.
   */
  const wrapIn = (o: any, k: string, h: object) => {
    const f = rget(o, k);
    if (typeof f != 'function' || hget(f)) return 1;
    if (f !== rget(o, k)) return 0;
    let t = o;
    while (t && !getDesc(t, k)) t = proto(t);
    const d = t && desc(t, k);
    if (!d || d.get || (!d.configurable && !d.writable)) return 0;
    define(t, k, { __proto__: null, value: hide(f, h) } as PropertyDescriptor);
    return 1;
  };
  const isObj = (o: any) => o && (typeof o == 'object' || typeof o == 'function');
  const client = (c: any, p: string) => isObj(c) && (wrapIn(c, 'join', wrapCall((p + 'join') as HookMethod)), wrapIn(c, 'init', wrapCall((p + 'init') as HookMethod)));
  const creator = (z: any, p: string) =>
    isObj(z) &&
    wrapIn(z, 'createClient', {
      apply(t: any, self: unknown, r: unknown[]) {
        const c = apply(t, self, r);
        guard(() => client(c, p));
        return c;
      },
    });
  const methods = ['join', 'joinTest', 'init'];
  const isMethod = (k: unknown) => k == 'join' || k == 'joinTest' || k == 'init';
  // The Video SDK's UMD build sets `WebVideoSDK = {default: ZoomVideo, …}`.
  const globals: any = bare({ ZoomMtg: 0, ZoomMtgEmbedded: (z: any) => creator(z, 'client.'), WebVideoSDK: (z: any) => creator(rget(z, 'default'), 'video.') }, null);
  /** Looks for SDK globals the page set since last time, and wraps what it finds. */
  const scan = () =>
    guard(() => {
      for (const name in globals) {
        const g = desc(W, name);
        const o = g.value;
        if (!isObj(o) || hget(o)) continue;
        hset(o, o);
        page();
        if (globals[name]) {
          globals[name](o);
          continue;
        }
        let inPlace = 1;
        for (let i = 0; i < 3; i++) inPlace &= wrapIn(o, methods[i]!, wrapCall(('ZoomMtg.' + methods[i]) as HookMethod));
        // Only where in-place cannot take (3.x–6.x), and only once the SDK is there. One wrapper
        // per function, so a stable join stays stable (6.x's own hands out a new one per read).
        inPlace ||
          !(g.writable || g.configurable) ||
          define(W, name, {
            __proto__: null,
            value: hide(o, {
              get(t: any, k: any) {
                const x = rget(t, k);
                const d = desc(t, k);
                return !isMethod(k) || typeof x != 'function' || (d.configurable === false && !d.writable) ? x : wget(x) || (wset(x, hide(x, wrapCall(('ZoomMtg.' + k) as HookMethod))), wget(x));
              },
            }),
          } as PropertyDescriptor);
      }
    });
  // Element load events do not reach window: a capture listener on document runs right after each
  // external script ran, before the parser runs the next one.
  on(document, 'load', scan, true);
  on(W, 'DOMContentLoaded', scan);
  on(W, 'load', scan);
  scan();

  // ---- Wire capture: wc/info and wc/lsdk over XHR, and the JSONP retry the SDKs make after a 5xx
  const isJoin = (u: unknown): u is string => typeof u == 'string' && (has(u, '/wc/info') || has(u, '/wc/lsdk'));
  const wire = (via: 'xhr' | 'jsonp', url: string, q: URLSearchParams) => {
    const k = id();
    let done = 0;
    send({ t: 'wire-req', id: k, via, url, sig: safe(qGet(q, 'signature') ?? qGet(q, 'zlk')), mn: qGet(q, 'meetingNumber'), cv: qGet(q, 'cv'), tp: qGet(q, 'topic'), at: now() });
    return (http: number | null, b: any) =>
      done++ || send({ t: 'wire-res', id: k, http, body: isObj(b) ? { status: safe(b.status), errorCode: safe(b.errorCode), errorMessage: safe(b.errorMessage) } : null, at: now() });
  };
  const XP = XMLHttpRequest.prototype;
  const status = getter(XP, 'status');
  const responseType = getter(XP, 'responseType');
  const response = getter(XP, 'response');
  const text = getter(XP, 'responseText');
  XP.open = hide(XP.open, {
    apply(t: any, x: XMLHttpRequest, a: unknown[]) {
      guard(() => (scan(), isObj(x) && uset(x, isJoin(a[1]) ? a[1] : '')));
      return apply(t, x, a);
    },
  });
  XP.send = hide(XP.send, {
    apply(t: any, x: XMLHttpRequest, a: unknown[]) {
      guard(() => {
        const u = uget(x);
        if (!u) return;
        const answer = wire('xhr', u, new USP(typeof a[0] == 'string' ? a[0] : ''));
        on(x, 'loadend', () =>
          guard(() => {
            let b = null;
            try {
              b = responseType(x) == 'json' ? response(x) : parse(text(x));
            } catch {}
            answer(status(x), b);
          }),
        );
      });
      return apply(t, x, a);
    },
  });

  // ---- Meeting server: after an accepted wc/info the SDK opens `wss://<rwg>/wc/api/<mn>`; the
  // RWG's join answer is `{"evt":4098,"body":{"res":N}}` (0 = joined). The client view reports a
  // refusal there (4011…) only in its own dialog, never to join's callbacks (docs/join-errors.md §7).
  // `res` null: the socket opened. A binary message is no string: no match.
  const WS = W.WebSocket;
  const data = getter(MessageEvent.prototype, 'data');
  // WebSocket.prototype.constructor stays === window.WebSocket.
  WS.prototype.constructor = W.WebSocket = hide(WS, {
    construct(t: any, a: any[], nt: any) {
      const s = construct(t, a, nt);
      guard(() => {
        scan();
        typeof a[0] == 'string' &&
          has(a[0], '/wc/api/') &&
          (send({ t: 'rwg', res: null, at: now() }),
          on(s, 'message', (e: MessageEvent) =>
            guard(() => {
              const d = data(e);
              const m = typeof d == 'string' && has(d, '"evt":4098') && parse(d);
              m && m.evt === 4098 && send({ t: 'rwg', res: m.body.res, at: now() });
            }),
          ));
      });
      return s;
    },
  });

  const HS = HTMLScriptElement.prototype;
  const src = getDesc(HS, 'src')!;
  define(HS, 'src', {
    ...src,
    set: hide(src.set, {
      apply(t: any, el: HTMLScriptElement, a: unknown[]) {
        guard(() => {
          scan();
          const s = a[0];
          if (!isJoin(s)) return;
          const q = new USP(slice(s, indexOf(s, '?') + 1));
          const cb = qGet(q, 'callback');
          if (!cb) return;
          const answer = wire('jsonp', s, q);
          on(el, 'error', () => answer(0, null));
          // The SDK sets window[callback] around appending the script, in this same task: wrap
          // whatever is there once it is done, before the answer can arrive.
          micro(() =>
            guard(() => {
              const d = desc(W, cb);
              typeof d.value == 'function' &&
                !hget(d.value) &&
                d.writable &&
                define(W, cb, {
                  __proto__: null,
                  value: hide(d.value, {
                    apply(t: any, self: unknown, r: unknown[]) {
                      guard(() => answer(null, r[0]));
                      return apply(t, self, r);
                    },
                  }),
                } as PropertyDescriptor);
            }),
          );
        });
        return apply(t, el, a);
      },
    }),
  });

  // Function.prototype.toString answers each wrapper with its original's text (itself included).
  FP.toString = hide(FP.toString, {
    apply: (t: any, self: unknown, a: unknown[]) => apply(t, hget(self) || self, a),
  });
}
