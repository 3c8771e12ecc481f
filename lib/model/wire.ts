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
  /**
   * After an accepted answer, the meeting-server stage as the hook saw it (absent: not reached or
   * not seen, e.g. a HAR): when the SDK opened its RWG WebSocket, and the meeting server's join
   * answer (`evt 4098` result code: 0 joined, 6601 cross-account join…) and when it came.
   */
  meetingServer?: { openedAt: number | null; answeredAt: number | null; res: number | null } | null;
}
