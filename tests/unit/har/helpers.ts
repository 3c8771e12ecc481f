import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');

export const b64u = (s: string) => Buffer.from(s).toString('base64url');
export const unsignedJwt = (payload: Record<string, unknown>) => `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}.c2ln`;

/** A HAR entry with only what the reader looks at. */
export function entry(o: {
  at: string;
  method?: string;
  url: string;
  post?: string;
  status?: number;
  headers?: Array<{ name: string; value: string }>;
  body?: string;
  time?: number;
}): Record<string, unknown> {
  return {
    startedDateTime: o.at,
    time: o.time ?? 100,
    request: { method: o.method ?? 'GET', url: o.url, headers: [], ...(o.post !== undefined ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: o.post } } : {}) },
    response: { status: o.status ?? 200, headers: o.headers ?? [], content: { size: o.body?.length ?? 0, mimeType: 'application/json', ...(o.body !== undefined ? { text: o.body } : {}) } },
    timings: { send: 0, wait: (o.time ?? 100) - 2, receive: 2 },
  };
}

export const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
