/**
 * Relay (ISOLATED world, document_start, every frame): takes hook events from the secret
 * channel, validates them with the protocol module, and forwards them to the background in
 * ordered, numbered batches. A batch stays here until the background has stored it, so a
 * stopped service worker delays events but never loses them. Anything else that claims to be
 * ours (window messages with our marker, oversized or malformed events) is refused and counted.
 */
import { SOURCE, PROTOCOL_VERSION, HANDSHAKE } from '../lib/protocol/version';
import { MAX_EVENTS_PER_BATCH } from '../lib/protocol/limits';
import type { BatchAck, HookEvent, RejectCounts, RejectReason, RelayBatchMessage } from '../lib/protocol/messages';
import { classifyWindowMessage, countRejection, parseHookMessage } from '../lib/protocol/validate';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    startRelay();
  },
});

function startRelay() {
  const relayId = crypto.randomUUID();
  const top = window === window.top;
  let rejected: RejectCounts = {};
  let hookErrors = 0;
  let seq = 0;
  let pageStartSent = !top;
  const events: HookEvent[] = [];
  /** Built but not yet acknowledged: resent as is (same seq) until stored. */
  let inFlight: RelayBatchMessage | null = null;
  let dirty = !pageStartSent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoff = 200;

  const reject = (reason: RejectReason) => {
    rejected = countRejection(rejected, reason);
    dirty = true;
    schedule(50);
  };

  const onHookEvent = (ev: Event) => {
    const c = parseHookMessage((ev as CustomEvent).detail);
    if (!c.ok) return reject(c.reason);
    const e = c.value.e;
    if (e.t === 'hook-error') hookErrors = Math.max(hookErrors, e.n);
    else events.push(e);
    dirty = true;
    schedule(events.length >= MAX_EVENTS_PER_BATCH ? 0 : 30);
  };

  // Handshake: whichever of hook and relay runs first, the secret channel is agreed before any
  // page script runs. Only the first hello counts.
  window.addEventListener(
    HANDSHAKE.hello,
    (ev) => {
      const name = (ev as CustomEvent).detail;
      if (typeof name !== 'string' || !name.startsWith('join-doctor:')) return reject('forged');
      window.addEventListener(name, onHookEvent);
      window.dispatchEvent(new CustomEvent(HANDSHAKE.ready));
    },
    { once: true },
  );
  window.dispatchEvent(new CustomEvent(HANDSHAKE.ready));

  // The real hook never posts window messages: anything here carrying our marker is forged.
  window.addEventListener('message', (ev) => {
    if (ev.source !== window) return;
    const reason = classifyWindowMessage(ev.data);
    if (reason) reject(reason);
  });

  function schedule(ms: number) {
    if (timer !== undefined || inFlight) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  }

  async function flush() {
    if (!inFlight) {
      if (!dirty) return;
      const batch: RelayBatchMessage = {
        source: SOURCE.relay,
        v: PROTOCOL_VERSION,
        type: 'batch',
        frame: { relayId, url: location.href.slice(0, 2048), top },
        seq: ++seq,
        events: events.splice(0, MAX_EVENTS_PER_BATCH),
        rejected,
        hookErrors,
      };
      if (!pageStartSent) batch.pageStart = pageStartSent = true;
      dirty = events.length > 0;
      inFlight = batch;
    }
    let ack: BatchAck | undefined;
    try {
      ack = (await browser.runtime.sendMessage(inFlight)) as BatchAck | undefined;
    } catch {
      ack = undefined; // worker stopped or restarting: retry below
    }
    if (ack && ack.source === SOURCE.background && ack.seq === inFlight.seq && ack.ok) {
      inFlight = null;
      backoff = 200;
      if (dirty) schedule(0);
      return;
    }
    if (ack && ack.ok === false && ack.error === 'invalid') {
      inFlight = null; // the background refused it for good (counted there); do not loop on it
      if (dirty) schedule(0);
      return;
    }
    const again = inFlight;
    setTimeout(() => {
      if (inFlight === again) void flush();
    }, backoff);
    backoff = Math.min(backoff * 2, 3000);
  }

  schedule(0);
}
