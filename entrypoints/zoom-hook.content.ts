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
 * counted.
 * Budget as shipped: scripts/build/hook-budget.ts, so terse code, one wrapper (`wrap`) for every
 * function, and imports only of types and plain `export const` values (inlined by the bundler).
 * Raw facts only: what the page passed, what went on the wire and what came back, as positional
 * tuples (lib/protocol/hook-wire.ts). Reading them (form fields, Zoom's answer, the meeting
 * server's message), the document's isolation and start, CSP violations and the unsettled-join
 * timeout are the relay's (entrypoints/relay.content.ts), where the page cannot reach.
 * Events go to the relay over a CustomEvent whose type is a secret agreed at document_start,
 * before any page script runs (see lib/protocol/version.ts), so page code cannot forge it.
 * Nothing is sent until Zoom shows up (an SDK global set, a join, a wc/info): until then the relay
 * stays dormant and the page pays only for the hook itself (issue 14 §6).
 */
import { MAX_CAPTURED_STRING } from '../lib/protocol/limits';
import type { HookMethod } from '../lib/protocol/messages';
import { HOOK_WIRE_VERSION, RAW_FUNCTION, RAW_TOO_LARGE, RAW_UNREADABLE, WIRE_CALL, WIRE_ERROR, WIRE_PAGE, WIRE_REQ, WIRE_RES, WIRE_RWG, WIRE_SETTLE, WIRE_SIG, type HookWireEvent, type Raw } from '../lib/protocol/hook-wire';
import { HANDSHAKE_HELLO, HANDSHAKE_READY } from '../lib/protocol/version';

// WXT reads these options for the manifest; the shipped hook is install() alone (scripts/build/hook-budget.ts).
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main: install,
});

/** What a wrapper runs before the wrapped call, with its `this` and arguments; a function it returns gets the call's result. */
type Before = (self: any, args: any[]) => unknown;

export function install() {
  const W = window as any;
  // Built-ins, saved before any page script can replace them; after this line the hook reaches
  // none through a page-writable property (object literals that meet the page have no prototype).
  const { apply, get: rget, construct } = Reflect;
  const { defineProperty: define, getPrototypeOf: proto, setPrototypeOf: bare, getOwnPropertyDescriptor: getDesc } = Object;
  /** An own property's descriptor, read without the page's Object.prototype. */
  const desc = (o: object, k: PropertyKey): any => bare(getDesc(o, k) || {}, null);
  const json = JSON.stringify;
  const parse = JSON.parse;
  const Err = Error;
  const P = Proxy;
  const CE = CustomEvent;
  const FP = Function.prototype;
  const SP = String.prototype;
  const ET = EventTarget.prototype;
  const bind = (f: any, self: unknown) => apply(FP.bind, f, [self]);
  /** f called as plain (this, ...args): no page-writable `call` looked up later. */
  const uncurry = (f: any) => bind(FP.call, f);
  const getter = (o: object, k: string) => uncurry(getDesc(o, k)!.get);
  const WM = WeakMap.prototype;
  const weak = () => {
    const m = new WeakMap();
    return [bind(WM.get, m), bind(WM.set, m)];
  };
  // Ours: each wrapper → its original (Function.prototype.toString answers for it), and the SDK objects already seen.
  const [hget, hset] = weak();
  const indexOf = uncurry(SP.indexOf);
  const has = (s: string, x: string) => indexOf(s, x) > -1;
  const on = uncurry(ET.addEventListener);
  const dispatch = bind(ET.dispatchEvent, W);
  const then = uncurry(Promise.prototype.then);
  const resolve = bind(Promise.resolve, Promise);
  const now = Date.now;
  const isFn = (x: unknown): x is (...a: any[]) => any => typeof x == 'function';
  const isStr = (x: unknown): x is string => typeof x == 'string';
  const isObj = (o: any) => o && (typeof o == 'object' || isFn(o));
  /** `p`, a Proxy of `o` with handler `h` (given no prototype), known to be ours: Function.prototype.toString answers o's text for it. */
  const hide = (o: any, h: object) => {
    const p = new P(o, bare(h, null));
    hset(p, o);
    return p;
  };
  /** o[k] = value as an own data property, its other attributes kept. */
  const put = (o: object, k: PropertyKey, value: unknown) => define(o, k, { __proto__: null, value } as PropertyDescriptor);
  /** t[k] (already read as x) is a function a get trap may hand out wrapped: a non-configurable read-only one must be returned as is (Proxy invariant). */
  const loose = (t: object, k: PropertyKey, x: unknown) => {
    const d = desc(t, k);
    return isFn(x) && (d.configurable !== false || d.writable);
  };
  // getRandomValues, not randomUUID: the latter exists only in secure contexts, and a plain-http
  // development host (http://myapp.test) must be captured too.
  const nonce = crypto.getRandomValues(new Uint32Array(4)).join('-');
  let channel = '';
  // Calls and requests, numbered per document (the relay makes the ids its own: lib/protocol/hook-wire.ts).
  let n = 0;
  let errors = 0;
  const queue: string[] = bare([], null);
  const fire = (type: string, detail: string) => dispatch(new CE(type, { __proto__: null, detail } as CustomEventInit));
  /** Posts one event (lib/protocol/hook-wire.ts): its arrays have no prototype, so JSON.stringify finds no page-set toJSON. */
  const send = (...e: HookWireEvent) => {
    try {
      const s = json(bare([HOOK_WIRE_VERSION, bare(e, null), now()], null));
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
      send(WIRE_ERROR, ++errors);
    }
  };
  const hello = () => fire(HANDSHAKE_HELLO, nonce);
  on(
    W,
    HANDSHAKE_READY,
    () => {
      channel = nonce;
      hello();
      for (let i = 0; i < queue.length; ) fire(channel, queue[i++]!);
      queue.length = 0;
    },
    { once: true },
  );
  hello();
  // CSP violations are the relay's to see (lib/capture/csp-watch.ts): DOM events reach its world too.

  /** A page value as its JSON text (a Raw of lib/protocol/hook-wire.ts), `keep` naming the only properties wanted. */
  const raw = (v: any, keep?: string[]): Raw => {
    try {
      if (isFn(v)) return RAW_FUNCTION;
      // An Error serialises as {}: its name and message are what the page got.
      const s = json(v, v instanceof Err ? bare(['name', 'message'], null) : keep);
      return s && s.length > MAX_CAPTURED_STRING ? RAW_TOO_LARGE : s;
    } catch {
      return RAW_UNREADABLE;
    }
  };
  /** The one wrapper: f behind a Proxy whose call runs `before`, then f, then what `before` returned with f's result (ours guarded). */
  const wrap = (f: any, before: Before) =>
    hide(f, {
      apply(t: any, self: unknown, a: any[]) {
        const after = guard(() => before(self, a));
        const r = apply(t, self, a);
        isFn(after) && guard(() => after(r));
        return r;
      },
    });

  // ---- API capture
  const wrapCall =
    (method: HookMethod): Before =>
    (_, r) => {
      const a = r[0];
      // Video SDK: join(topic, token, userName, password?, idle?), positional, promise-returning.
      const vid = method[0] == 'v';
      const o = vid ? { __proto__: null, signature: r[1] } : a;
      if (!isObj(o)) return;
      const init = has(method, 'init');
      // The client view (ZoomMtg.join/joinTest) reports through callbacks; every other join returns a promise.
      const viaCallbacks = method[0] == 'Z';
      const key = ++n;
      let done = 0;
      const settle = (ok: boolean, res: unknown) => done++ || guard(() => send(WIRE_SETTLE, key, ok, raw(res)));
      const sig = o.signature;
      // An init is reported when made (its options are no join's): one that never calls back is a join that never started.
      init ? send(WIRE_CALL, key, method) : send(WIRE_CALL, key, method, raw(sig), raw(o.meetingNumber), raw(o.sdkKey), raw(vid ? a : o));
      // The SDK gets the page's own object behind a Proxy: reads go to it (receiver and all), only
      // the callbacks and a signature function come back wrapped.
      if (!vid && (viaCallbacks || isFn(sig)))
        r[0] = new P(a, {
          // @ts-expect-error: a handler without a prototype, so a page-set Object.prototype.has is no trap of ours
          __proto__: null,
          get(t: any, p: PropertyKey, proxy: unknown) {
            const x = rget(t, p);
            const isSig = p == 'signature' && !init;
            const isCallback = viaCallbacks && (p == 'success' || p == 'error');
            return (isSig || isCallback) && loose(t, p, x)
              ? function (this: unknown, ...q: unknown[]) {
                  isCallback && settle(p == 'success', q[0]);
                  // Called as options.success(…): `this` is the page's own object, as without us.
                  const y = apply(x, this === proxy ? t : this, q);
                  isSig && guard(() => then(resolve(y), (z: unknown) => send(WIRE_SIG, key, raw(z)), () => 0));
                  return y;
                }
              : x;
          },
        });
      return viaCallbacks || ((out: any) => out && isFn(out.then) && then(resolve(out), (x: unknown) => settle(true, x), (e: unknown) => settle(false, e)));
    };

  /**
   * Wraps the function at o[k] where it lives (own or inherited), keeping its descriptor. 0 when
   * that cannot take: o[k] reads a new function each time (a Proxy's get trap) or is frozen.
   */
  const wrapIn = (o: any, k: string, before: Before) => {
    const f = rget(o, k);
    if (!isFn(f) || hget(f)) return 1;
    if (f !== rget(o, k)) return 0;
    let t = o;
    while (t && !getDesc(t, k)) t = proto(t);
    if (!t || desc(t, k).get || !loose(t, k, f)) return 0;
    put(t, k, wrap(f, before));
    return 1;
  };
  const method = (o: any, prefix: string, k: string) => wrapIn(o, k, wrapCall((prefix + k) as HookMethod));
  /** createClient() wrapped: each client it makes gets its join/init wrapped. */
  const creator = (z: any, p: string) => isObj(z) && wrapIn(z, 'createClient', () => (c: any) => isObj(c) && (method(c, p, 'join'), method(c, p, 'init')));
  /** The client view: join/joinTest/init wrapped in place, or, where that cannot take, window.ZoomMtg behind a Proxy. */
  const zoomMtg = (o: any, g: any, name: string) => {
    // Its methods (a prototype-less set: `in`/for-in without the page's Object.prototype).
    const methods: Record<PropertyKey, 1> = bare({ join: 1, joinTest: 1, init: 1 }, null);
    const Z = 'ZoomMtg.';
    // A method → its one wrapper.
    const [wget, wset] = weak();
    let inPlace = 1;
    for (const k in methods) inPlace &= method(o, Z, k);
    // Only where in-place cannot take (3.x–6.x), and only once the SDK is there. One wrapper
    // per function, so a stable join stays stable (6.x's own hands out a new one per read).
    inPlace ||
      !(g.writable || g.configurable) ||
      put(
        W,
        name,
        hide(o, {
          get(t: any, k: any) {
            let x = rget(t, k);
            const w = wget(x);
            return !methods[k] || !loose(t, k, x) ? x : w || (wset(x, (x = wrap(x, wrapCall((Z + k) as HookMethod)))), x);
          },
        }),
      );
  };
  // The Video SDK's UMD build sets `WebVideoSDK = {default: ZoomVideo, …}`.
  const globals: any = bare({ ZoomMtg: zoomMtg, ZoomMtgEmbedded: (z: any) => creator(z, 'client.'), WebVideoSDK: (z: any) => creator(rget(z, 'default'), 'video.') }, null);
  /** Looks for SDK globals the page set since last time, and wraps what it finds. */
  const scan = () =>
    guard(() => {
      for (const name in globals) {
        const g = desc(W, name);
        const o = g.value;
        // The first sign of Zoom: it wakes the relay, which notes the document's isolation and start.
        isObj(o) && !hget(o) && (hset(o, o), send(WIRE_PAGE), globals[name](o, g, name));
      }
    });
  // Element load events do not reach window: a capture listener on document runs right after each
  // external script ran, before the parser runs the next one.
  on(document, 'load', scan, true);
  on(W, 'DOMContentLoaded', scan);
  on(W, 'load', scan);
  scan();

  // ---- Wire capture: wc/info and wc/lsdk over XHR, and the JSONP retry the SDKs make after a 5xx
  const isJoin = (u: unknown): u is string => isStr(u) && (has(u, '/wc/info') || has(u, '/wc/lsdk'));
  // Of Zoom's answer the relay reads only these.
  const answerKeys = bare(['status', 'errorCode', 'errorMessage'], null);
  /** Reports a join request (body: an XHR's, none for JSONP); returns what reports its answer. */
  const wire = (url: string, body?: Raw | false) => {
    const k = ++n;
    let done = 0;
    send(WIRE_REQ, k, url, body);
    return (http: number | null, b: Raw) => done++ || send(WIRE_RES, k, http, b);
  };
  {
    // An XHR → its join URL ('' for any other).
    const [uget, uset] = weak();
    const XP = XMLHttpRequest.prototype;
    const status = getter(XP, 'status');
    const responseType = getter(XP, 'responseType');
    const response = getter(XP, 'response');
    const text = getter(XP, 'responseText');
    XP.open = wrap(XP.open, (x, a) => {
      scan();
      isObj(x) && uset(x, isJoin(a[1]) ? a[1] : '');
    });
    XP.send = wrap(XP.send, (x, a) => {
      const u = uget(x);
      if (!u) return;
      const answer = wire(u, isStr(a[0]) && raw(a[0]));
      on(x, 'loadend', () =>
        guard(() => {
          let b;
          // Parsed here, so that only the three fields travel, whatever the answer's size.
          try {
            b = responseType(x) == 'json' ? response(x) : parse(text(x));
          } catch {}
          answer(status(x), raw(b, answerKeys));
        }),
      );
    });
  }

  // ---- Meeting server: after an accepted wc/info the SDK opens `wss://<rwg>/wc/api/<mn>`; the
  // RWG's join answer is `{"evt":4098,"body":{"res":N}}` (0 = joined). The client view reports a
  // refusal there (4011…) only in its own dialog, never to join's callbacks (docs/join-errors.md §7).
  // The relay reads the message; a binary one is no string: no match.
  {
    const WS = W.WebSocket;
    const data = getter(MessageEvent.prototype, 'data');
    // WebSocket.prototype.constructor stays === window.WebSocket.
    WS.prototype.constructor = W.WebSocket = hide(WS, {
      construct(t: any, a: any[], nt: any) {
        const s = construct(t, a, nt);
        guard(() => {
          scan();
          isStr(a[0]) &&
            has(a[0], '/wc/api/') &&
            (send(WIRE_RWG),
            on(s, 'message', (e: MessageEvent) =>
              guard(() => {
                const d = data(e);
                isStr(d) && has(d, '"evt":4098') && send(WIRE_RWG, d);
              }),
            ));
        });
        return s;
      },
    });
  }

  {
    const USP = URLSearchParams;
    const qGet = uncurry(USP.prototype.get);
    const slice = uncurry(SP.slice);
    const micro = queueMicrotask;
    const HS = HTMLScriptElement.prototype;
    const src = getDesc(HS, 'src')!;
    define(HS, 'src', {
      ...src,
      set: wrap(src.set, (el: HTMLScriptElement, a) => {
        scan();
        const s = a[0];
        if (!isJoin(s)) return;
        const cb = qGet(new USP(slice(s, indexOf(s, '?') + 1)), 'callback');
        if (!cb) return;
        const answer = wire(s);
        on(el, 'error', () => answer(0, null));
        // The SDK sets window[callback] around appending the script, in this same task: wrap
        // whatever is there once it is done, before the answer can arrive.
        micro(() =>
          guard(() => {
            const d = desc(W, cb);
            isFn(d.value) &&
              !hget(d.value) &&
              d.writable &&
              put(
                W,
                cb,
                wrap(d.value, (_, r) => {
                  answer(null, raw(r[0], answerKeys));
                }),
              );
          }),
        );
      }),
    });
  }

  // Function.prototype.toString answers each wrapper with its original's text (itself included).
  FP.toString = hide(FP.toString, {
    apply: (t: any, self: unknown, a: unknown[]) => apply(t, hget(self) || self, a),
  });
}
