import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabServer, type LabServer } from '../../../lab/server';

let s: LabServer;
beforeAll(async () => {
  s = await startLabServer();
});
afterAll(() => s.close());

const issue = (name: string, body: unknown = { meetingNumber: '1', role: 0 }) =>
  fetch(`${s.origin}/api/signature/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('lab server', () => {
  it('issues like the auth endpoint sample, on the real clock (a jumping clock made Zoom look 86 s off)', async () => {
    const r = await issue('java-round');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { signature: string; sdkKey: string };
    expect(body.signature.split('.')).toHaveLength(3);
    expect(body.sdkKey).toBe(s.creds.sdkKey);
    const iat = JSON.parse(Buffer.from(body.signature.split('.')[1]!, 'base64url').toString()).iat as number;
    expect(iat % 128).toBe(0);
    expect(Math.abs(iat - (Date.now() / 1000 - 30))).toBeLessThanOrEqual(65);
  });
  it('its wc/info stand-in judges on the real clock and says so in the Date header', async () => {
    const { signature } = (await (await issue('good')).json()) as { signature: string };
    const form = new URLSearchParams({ meetingNumber: s.creds.meetingNumber, signature }).toString();
    const r = await fetch(`${s.origin}/api/v1/wc/info`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(((await r.json()) as { status: boolean }).status).toBe(true);
    const date = Date.parse(r.headers.get('date')!);
    expect(Math.abs(date - Date.now())).toBeLessThan(2000);
  });
  it('refuses an unknown scenario and a bad role with the sample’s error shape', async () => {
    expect((await issue('nope')).status).toBe(404);
    const r = await issue('good', { role: 7 });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ errors: [{ property: 'role', reason: 'must be 0 or 1' }] });
  });
  it('serves the lab page and the real SDK from node_modules', async () => {
    expect(await (await fetch(s.origin + '/')).text()).toContain('Join Doctor lab');
    expect((await fetch(`${s.origin}/sdk/zoom-meeting-embedded-ES5.min.js`)).status).toBe(200);
    expect((await fetch(`${s.origin}/lib/vendor/react.min.js`)).status).toBe(200);
    expect((await fetch(`${s.origin}/lib/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
