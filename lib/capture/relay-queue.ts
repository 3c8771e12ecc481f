/**
 * The relay's outbox (entrypoints/relay.content.ts is its thin shell): hook events from the
 * secret channel are validated, then sent to the background in ordered, numbered batches. A batch
 * stays here until the background has stored it, so a stopped service worker delays events but
 * never loses them; a batch the background refused for good (ERR_REFUSED) is dropped, not looped
 * on. Anything else that claims to be ours is refused and counted in the next batch.
 * Browser APIs come in as `RelayDeps`, so all of this runs in unit tests.
 */
import { MAX_BATCH_CHARS, MAX_EVENTS_PER_BATCH } from '../protocol/limits';
import type { HookEvent, RejectCounts, RejectReason, RelayBatchMessage, RelayFrameInfo } from '../protocol/messages';
import { pageEvent, type HookDocumentFacts } from '../protocol/hook-wire';
import { checkHookEvent, countRejection, parseHookMessage } from '../protocol/validate';
import { PROTOCOL_VERSION, SOURCE } from '../protocol/version';

export interface RelayDeps {
  frame: RelayFrameInfo;
  /** What the relay itself knows of the document (the hook does not send it): its isolation and start. */
  document: Omit<HookDocumentFacts, 'id'>;
  /** runtime.sendMessage: resolves with the background's reply; rejects while the worker is gone. */
  send(batch: RelayBatchMessage): Promise<unknown>;
  setTimeout(fn: () => void, ms: number): unknown;
}

/** Delays, in ms: a short wait gathers a burst into one batch; retries back off up to 3 s. */
export const RELAY_TIMING = { gather: 30, afterReject: 50, firstRetry: 200, maxRetry: 3000 } as const;

type AckView = { source?: unknown; seq?: unknown; ok?: unknown; error?: { code?: unknown } };

export class RelayQueue {
  private rejected: RejectCounts = {};
  private hookErrors = 0;
  private seq = 0;
  private pageStartSent: boolean;
  private events: HookEvent[] = [];
  /** Each pending event's size (its JSON text, as the batch will carry it). */
  private sizes: number[] = [];
  private pendingChars = 0;
  /** Built but not yet acknowledged: resent as is (same seq) until stored or refused. */
  private inFlight: RelayBatchMessage | null = null;
  private dirty: boolean;
  private timer = false;
  private backoff: number = RELAY_TIMING.firstRetry;
  private doc: HookDocumentFacts;
  /** The document's page event was queued (once per document). */
  private pageNoted = false;

  constructor(private deps: RelayDeps) {
    // The top frame's first batch says "a new document started" (the log is cleared for it).
    this.pageStartSent = !deps.frame.top;
    this.dirty = !this.pageStartSent;
    this.doc = { ...deps.document, id: deps.frame.relayId };
  }

  /**
   * A CustomEvent detail from the secret channel (JSON text, as the hook sends it). Returns the
   * event it was, or null (refused and counted, or a message that records nothing).
   */
  hookMessage(detail: unknown): HookEvent | null {
    const c = parseHookMessage(detail, this.doc);
    if (!c.ok) {
      this.reject(c.reason);
      return null;
    }
    const e = c.value;
    if (!e || (e.t === 'page' && this.pageNoted)) return null;
    // The first sign of Zoom in the document, whichever message it is, comes with its page event.
    if (!this.pageNoted && e.t !== 'hook-error') {
      this.pageNoted = true;
      if (e.t !== 'page') this.take(pageEvent(this.doc, e.at));
    }
    this.take(e);
    return e;
  }

  /** An event of the relay's own (the settle timer's timeout), validated like the hook's. */
  relayEvent(e: HookEvent) {
    const c = checkHookEvent(e);
    if (c.ok) this.take(c.value);
    else this.reject(c.reason);
  }

  private take(e: HookEvent) {
    if (e.t === 'hook-error') this.hookErrors = Math.max(this.hookErrors, e.n);
    else {
      const size = JSON.stringify(e).length;
      this.events.push(e);
      this.sizes.push(size);
      this.pendingChars += size;
    }
    this.dirty = true;
    this.schedule(this.events.length >= MAX_EVENTS_PER_BATCH || this.pendingChars >= MAX_BATCH_CHARS ? 0 : RELAY_TIMING.gather);
  }

  reject(reason: RejectReason) {
    this.rejected = countRejection(this.rejected, reason);
    this.dirty = true;
    this.schedule(RELAY_TIMING.afterReject);
  }

  /** Sends what is pending now (the top frame: its first batch, even an empty one). */
  start() {
    this.schedule(0);
  }

  /** The next events that fit in one batch (MAX_EVENTS_PER_BATCH, MAX_BATCH_CHARS; at least one). */
  private takeEvents(): HookEvent[] {
    let n = 0;
    let chars = 0;
    while (n < this.events.length && n < MAX_EVENTS_PER_BATCH && (n === 0 || chars + this.sizes[n]! <= MAX_BATCH_CHARS)) chars += this.sizes[n++]!;
    this.sizes.splice(0, n);
    this.pendingChars -= chars;
    return this.events.splice(0, n);
  }

  private schedule(ms: number) {
    if (this.timer || this.inFlight) return;
    this.timer = true;
    this.deps.setTimeout(() => {
      this.timer = false;
      void this.flush();
    }, ms);
  }

  private async flush() {
    if (!this.inFlight) {
      if (!this.dirty) return;
      const batch: RelayBatchMessage = {
        source: SOURCE.relay,
        v: PROTOCOL_VERSION,
        type: 'batch',
        frame: this.deps.frame,
        seq: ++this.seq,
        events: this.takeEvents(),
        rejected: this.rejected,
        hookErrors: this.hookErrors,
      };
      if (!this.pageStartSent) batch.pageStart = this.pageStartSent = true;
      this.dirty = this.events.length > 0;
      this.inFlight = batch;
    }
    const sent = this.inFlight;
    let ack: AckView | undefined;
    try {
      ack = (await this.deps.send(sent)) as AckView | undefined;
    } catch {
      ack = undefined; // worker stopped or restarting: retry below
    }
    const ours = !!ack && typeof ack === 'object' && ack.source === SOURCE.background && ack.seq === sent.seq;
    if (ours && (ack!.ok === true || ack!.error?.code === 'ERR_REFUSED')) {
      // Stored, or refused for good (counted there): either way, never resent.
      this.inFlight = null;
      this.backoff = RELAY_TIMING.firstRetry;
      if (this.dirty) this.schedule(0);
      return;
    }
    this.deps.setTimeout(() => {
      if (this.inFlight === sent) void this.flush();
    }, this.backoff);
    this.backoff = Math.min(this.backoff * 2, RELAY_TIMING.maxRetry);
  }
}
