import type { HookEvent, RelayBatchMessage } from '../../../lib/protocol/messages';
import { PROTOCOL_VERSION, SOURCE } from '../../../lib/protocol/version';

const b64u = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
export const jwt = (payload: Record<string, unknown>) => `${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u(payload)}.c2lnbmF0dXJl`;
export const GOOD = jwt({ appKey: 'K', sdkKey: 'K', mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484, tokenExp: 1795919484 });
export const NO_APPKEY = jwt({ mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484 });

let seq = 0;
export function batch(events: HookEvent[], over: Partial<RelayBatchMessage> & { relayId?: string; top?: boolean; url?: string } = {}): RelayBatchMessage {
  const { relayId = 'r1', top = true, url = 'http://127.0.0.1/app', ...rest } = over;
  return {
    source: SOURCE.relay,
    v: PROTOCOL_VERSION,
    type: 'batch',
    frame: { relayId, url, top },
    seq: ++seq,
    events,
    rejected: {},
    hookErrors: 0,
    ...rest,
  };
}

export const invalidSignatureBody = { status: false, errorCode: 200, errorMessage: 'Invalid signature.' };
export const clientError3712 = { method: 'join', status: false, result: 'Invalid signature.', errorCode: 3712, errorMessage: 'Signature is invalid.' };
