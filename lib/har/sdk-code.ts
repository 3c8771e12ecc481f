/**
 * The code the page would have seen for a `wc/info` answer, as 6.2.0 maps it (facts §2). The
 * shared table lives in lib/capture/wc-info-codes.ts; what a HAR adds is knowing which view made
 * the request (from the form body's shape), because an unknown errorCode-200 message gives 1 in
 * the client view and 200 in the component view, and 3715 exists only in the client view.
 */
import { sdkCodeForWcInfo } from '../capture/wc-info-codes';

export type SdkView = 'client-view' | 'component-view' | 'unknown';

export interface SdkCode {
  code: number | null;
  message: string | null;
}

/** ZAK errors come as server code 3136 and are told apart by message. */
const ZAK_BY_MESSAGE: Array<[RegExp, number]> = [
  [/^token error/i, 3623],
  [/^not support start meeting via tokens/i, 3265],
  [/^please use host\/alternative host/i, 3624],
];

export function sdkCodeForAnswer(serverCode: number | null, serverMessage: string | null, view: SdkView): SdkCode {
  const msg = serverMessage?.trim() ?? null;
  if (serverCode === 200) {
    if (msg === 'Assistant join meeting been disabled') {
      return view === 'component-view' ? { code: 200, message: serverMessage } : { code: 3715, message: serverMessage };
    }
    const mapped = sdkCodeForWcInfo(serverCode, serverMessage);
    if (mapped.code === 1 && view === 'component-view') return { code: 200, message: serverMessage };
    return mapped;
  }
  if (serverCode === 3136 && msg !== null) {
    for (const [re, code] of ZAK_BY_MESSAGE) if (re.test(msg)) return { code, message: serverMessage };
  }
  if (serverCode === 403 || serverCode === 404) return { code: 403, message: serverMessage ?? 'The web service is offline.' };
  return sdkCodeForWcInfo(serverCode, serverMessage);
}
