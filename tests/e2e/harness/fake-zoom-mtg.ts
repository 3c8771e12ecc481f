/**
 * A page-side stand-in shaped like 6.x `ZoomMtg` (a Proxy whose get trap always returns its own
 * `join`, so `ZoomMtg.join = x` does nothing), for tests that need many or odd joins: the real SDK
 * rate-limits joins (3633, 10 s). Its join POSTs wc/info like the SDK (unless `wire: false`)
 * and calls `error` with the SDK's 3712 object. `FAKE_ZOOM_SCRIPT` defines `makeFakeZoomMtg(opts)`.
 */
export const FAKE_ZOOM_SCRIPT = `
window.makeFakeZoomMtg = function (opts) {
  opts = opts || {};
  var target = { version: 'fake-6.x' };
  var join = function (args) {
    var sig = typeof args.signature === 'function' ? args.signature() : args.signature;
    var fail = function (serverMessage) {
      args.error && args.error({ method: 'join', status: false, result: serverMessage, errorCode: 3712, errorMessage: 'Signature is invalid.' });
    };
    if (opts.wire === false) { fail('Invalid signature.'); return window.fakeJoinReturn; }
    Promise.resolve(sig).then(function (token) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', 'https://zoom.us/api/v1/wc/info');
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.onload = function () { fail(JSON.parse(xhr.responseText).errorMessage); };
      xhr.send(new URLSearchParams({ meetingNumber: String(args.meetingNumber), userName: args.userName || '', signature: token, cv: '6.2.0' }).toString());
    });
    return window.fakeJoinReturn;
  };
  window.fakeJoinReturn = { returned: 'by-join' };
  return new Proxy(target, {
    get: function (t, k) { return k === 'join' ? join : t[k]; },
    set: function (t, k, v) { t[k] = v; return true; },
  });
};
`;

/** A plain page that loads FAKE_ZOOM_SCRIPT, then `body` (inline script). */
export function fakeZoomPage(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><script>${FAKE_ZOOM_SCRIPT}</script></head><body><script>${body}</script></body></html>`;
}
