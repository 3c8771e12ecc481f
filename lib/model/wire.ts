/**
 * How far a join got on the wire: the SDK's own `wc/info` request and Zoom's answer, as the hook
 * (live) or the HAR (import) saw them. The no-answer rule reads it to say where a join that never
 * settled stopped. Absent: no request was seen for this join.
 */
export interface WireProgress {
  /** Page clock when the (first) wc/info request was sent, epoch ms. */
  sentAt: number | null;
  /** Page clock when an answer (or a network failure) came back, epoch ms; null while none has. */
  answeredAt: number | null;
  /** HTTP status of the last answer; 0 = network failure (blocked, CORS, aborted); null = none yet. */
  http: number | null;
  /** Zoom's answer said status:true (the signature was accepted); null when no JSON answer was read. */
  accepted: boolean | null;
}
