/**
 * Names why a request to the signature endpoint failed. Node's fetch rejects with a bare
 * "fetch failed" and hides the reason in `cause` (an errno code, an undici code or an OpenSSL
 * code); a person probing their endpoint needs the reason and the address.
 */

function causeChain(e: unknown): Array<{ code?: string; message?: string; name?: string }> {
  const out: Array<{ code?: string; message?: string; name?: string }> = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur !== null && typeof cur === 'object'; i++) {
    const c = cur as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
    out.push({
      code: typeof c.code === 'string' ? c.code : undefined,
      message: typeof c.message === 'string' ? c.message : undefined,
      name: typeof c.name === 'string' ? c.name : undefined,
    });
    // AggregateError (happy eyeballs over IPv4 and IPv6) keeps the per-address errors in `errors`.
    cur = c.cause ?? (Array.isArray(c.errors) ? c.errors[0] : undefined);
  }
  return out;
}

const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|EPROTO$)/;

/** One sentence: what went wrong, with the code, and the URL. `phase` says whether headers had arrived. */
export function describeFetchError(e: unknown, url: string, phase: 'connect' | 'body' = 'connect'): string {
  const chain = causeChain(e);
  const codes = chain.map((c) => c.code).filter((c): c is string => c !== undefined);
  const code = codes.find((c) => c !== 'ABORT_ERR') ?? null;
  const at = ` (${url})`;
  const has = (...cs: string[]) => codes.some((c) => cs.includes(c));
  if (has('ECONNREFUSED')) return `Connection refused (ECONNREFUSED): nothing listens at that host and port${at}. Is the backend running, on that port?`;
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) {
    return `DNS lookup failed (${code}): the host name does not resolve${at}. Check the spelling, or use the IP address.`;
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE')) {
    return phase === 'body'
      ? `Connection reset by the server while it was sending the body (${code})${at}: the backend crashed or a proxy cut the answer.`
      : `Connection reset by the server before it answered (${code})${at}: the backend closed the socket (a crash, or a TLS/HTTP mismatch).`;
  }
  const tls = codes.find((c) => TLS_CODE.test(c));
  if (tls) {
    const detail = /WRONG_VERSION_NUMBER/.test(tls) ? ': the server does not speak TLS here (an http:// port probed as https://?)' : ': the certificate or TLS setup was refused';
    return `TLS handshake failed (${tls})${detail}${at}.`;
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) return `Connection timed out (${code}): no TCP answer${at}.`;
  if (codes.some((c) => c.startsWith('HPE_'))) return `The answer is not HTTP (${code})${at}: another protocol listens on that port.`;
  if (has('EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL')) return `Network unreachable (${code})${at}.`;
  const inner = chain.slice(1).map((c) => c.message).find((m) => m && m !== 'fetch failed');
  const top = chain[0]?.message ?? String(e);
  return `Request failed${code ? ` (${code})` : ''}: ${inner ?? top}${at}.`;
}
