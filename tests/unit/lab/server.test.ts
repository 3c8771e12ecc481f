import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabServer, type LabServer } from '../../../lib/lab/server';

let s: LabServer;
beforeAll(async () => {
  let r = 0;
  const seq = [0.25, 0.75];
  s = await startLabServer({ jumpPerJoinS: 128, random: () => seq[r++ % 2]! });
});
afterAll(() => s.close());

const issue = (name: string, body: unknown = { meetingNumber: '1', role: 0 }) =>
  fetch(`${s.origin}/api/signature/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('lab server', () => {
  it('issues like the auth endpoint sample; the Java endpoint moves the lab clock once per signature', async () => {
    const before = s.clock.offsetMs();
    const r = await issue('java-round');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { signature: string; sdkKey: string };
    expect(body.signature.split('.')).toHaveLength(3);
    expect(body.sdkKey).toBe(s.creds.sdkKey);
    expect(s.clock.offsetMs() - before).toBe(32_000);
  });
  it('its wc/info stand-in judges on the lab clock and says so in the Date header', async () => {
    const { signature } = (await (await issue('good')).json()) as { signature: string };
    const form = new URLSearchParams({ meetingNumber: s.creds.meetingNumber, signature }).toString();
    const r = await fetch(`${s.origin}/api/v1/wc/info`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(((await r.json()) as { status: boolean }).status).toBe(true);
    const date = Date.parse(r.headers.get('date')!);
    expect(Math.abs(date - (Date.now() + s.clock.offsetMs()))).toBeLessThan(2000);
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
