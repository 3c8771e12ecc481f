/**
 * Relay (ISOLATED world, document_start, every frame): carries hook events from the secret
 * channel to the background (lib/capture/relay-queue.ts does the batching, acks and retries).
 * It runs in every frame of every page, so until the hook reports Zoom it stays dormant: four
 * listeners, no extension API touched (bar one runtime listener in the top frame), no
 * message, no storage write (issue 14 §6; `npm run bench:hook` measures it). It wakes on:
 *  - the first event on the secret channel (the hook saw an SDK global, a join or a wc/info);
 *  - a CSP violation of Zoom's (read here, not in the page: lib/capture/csp-watch.ts);
 *  - something forged (a bad handshake, a window message with our marker), so it gets counted;
 *  - top frame only: the background asking which document is on top (an iframe saw Zoom first).
 */
import type { WxtBrowser } from 'wxt/browser';
import { cspWatcher } from '../lib/capture/csp-watch';
import { RelayQueue } from '../lib/capture/relay-queue';
import { SETTLE_TIMEOUT_OVERRIDES_KEY, SettleTimer, settleTimeoutFor } from '../lib/capture/settle-timer';
import type { TopFrameAnswer } from '../lib/protocol/messages';
import { classifyWindowMessage } from '../lib/protocol/validate';
import { HANDSHAKE, isChannelName, PROTOCOL_VERSION, SOURCE } from '../lib/protocol/version';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    dormantRelay();
  },
});

/**
 * The extension API, looked up only when used: WXT's `browser` import would touch
 * `browser.runtime` in every frame at load, which instantiates the runtime bindings (heap).
 */
const api = (): WxtBrowser => {
  const g = globalThis as unknown as { browser?: WxtBrowser; chrome: WxtBrowser };
  return g.browser?.runtime?.id ? g.browser : g.chrome;
};

function dormantRelay() {
  const top = window === window.top;
  let queue: RelayQueue | undefined;
  let relayId = '';
  // getRandomValues: randomUUID is missing on plain-http pages (not a secure context), which must work too.
  const id = () => (relayId ||= crypto.getRandomValues(new Uint32Array(4)).join('-'));
  const wake = () => {
    if (queue) return queue;
    queue = new RelayQueue({
      frame: { relayId: id(), url: location.href.slice(0, 2048), top },
      // The hook's document is this one: its isolation and start are read here, not in the page.
      document: { coi: !!window.crossOriginIsolated, o: performance.timeOrigin },
      send: (batch) => api().runtime.sendMessage(batch),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
    });
    queue.start();
    return queue;
  };
  // The unsettled-join timeout lives here, not in the page (lib/capture/settle-timer.ts).
  let timer: SettleTimer | undefined;
  const watch = () =>
    (timer ||= new SettleTimer({
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      now: Date.now,
      timeoutMs: async () => settleTimeoutFor((await api().storage.local.get(SETTLE_TIMEOUT_OVERRIDES_KEY))[SETTLE_TIMEOUT_OVERRIDES_KEY], location.href),
      emit: (e) => wake().relayEvent(e),
    }));

  // Handshake: whichever of hook and relay runs first, the secret channel is agreed before any
  // page script runs. Only the first hello counts.
  window.addEventListener(
    HANDSHAKE.hello,
    (ev) => {
      const name = (ev as CustomEvent).detail;
      if (!isChannelName(name)) return wake().reject('forged');
      window.addEventListener(name, (e) => {
        const event = wake().hookMessage((e as CustomEvent).detail);
        if (event) watch().observe(event);
      });
      window.dispatchEvent(new CustomEvent(HANDSHAKE.ready));
    },
    { once: true },
  );
  window.dispatchEvent(new CustomEvent(HANDSHAKE.ready));

  // CSP refusals of Zoom's requests or assets: read here, where the page cannot touch the event.
  const zoomCsp = cspWatcher();
  window.addEventListener('securitypolicyviolation', (e) => {
    const c = zoomCsp(e, Date.now());
    if (c) wake().relayEvent(c);
  });

  // The real hook never posts window messages: one carrying our marker is forged (and counted).
  window.addEventListener('message', (ev) => {
    if (ev.source !== window) return;
    const reason = classifyWindowMessage(ev.data);
    if (reason) wake().reject(reason);
  });

  if (top)
    api().runtime.onMessage.addListener((m: unknown, _sender, reply: (a: TopFrameAnswer) => void) => {
      const q = m as { source?: unknown; type?: unknown } | null;
      if (q?.source !== SOURCE.background || q.type !== 'top-frame?') return false;
      // Answering is enough: the background registers this document; the relay itself stays dormant.
      reply({ source: SOURCE.relay, v: PROTOCOL_VERSION, relayId: id(), url: location.href.slice(0, 2048) });
      return false;
    });
}
