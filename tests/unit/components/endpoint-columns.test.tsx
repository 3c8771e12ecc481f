// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { EndpointFailureRates } from '../../../components/EndpointFailureRates';
import { analyseAttempt } from '../../../lib/attempt-context';
import { correlate } from '../../../lib/correlate';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { render, type Rendered } from './render';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

const T = 1_795_912_284_000;
const video = (id: string, serverCode: number | null): JoinAttempt => ({
  id,
  api: 'video-sdk',
  sdk: 'video',
  signature: 'x.y.z',
  calledAt: T,
  issuer: { url: 'https://app.example/api/video-token', receivedAt: T - 500 },
  outcome: serverCode === null ? { kind: 'success' } : { kind: 'failure', code: 200, message: 'Verify JWT failed', serverCode, serverMessage: 'JWT verify failed' },
});
const meeting = (id: string): JoinAttempt => ({ id, api: 'client-view', signature: 'x.y.z', calledAt: T, outcome: { kind: 'failure', code: 3712, message: 'Signature is invalid.' } });

const headers = () => [...r!.container.querySelectorAll('[data-testid="endpoint-rates"] th')].map((th) => th.textContent);
const cells = () => [...r!.container.querySelectorAll('[data-testid="endpoint-rate"] td')].map((td) => td.textContent);

describe('per-endpoint table columns follow the SDKs of the session', () => {
  it('a Video SDK-only session (its JWT refusals are wc/lsdk 124, never 3712) shows no 3712 column and counts JWT refusals', async () => {
    const c = correlate([video('a', 124), video('b', 124), video('c', null)].map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    expect(c.endpoints[0]).toMatchObject({ attempts: 3, failures: 2, failures3712: 0, failuresJwt: 2 });
    expect(c.endpoints[0]!.text).toContain('2 with JWT refused (124)');
    r = await render(<EndpointFailureRates endpoints={c.endpoints} sdks={c.sdks} />);
    expect(headers()).not.toContain('3712');
    expect(headers()).toContain('JWT refused');
    expect(cells()).toEqual(['https://app.example/api/video-token', '3', '2', '2', expect.stringContaining('67%')]);
  });

  it('a Meeting SDK session keeps its 3712 column and no Video SDK column; a mixed session shows both', async () => {
    const only = correlate([meeting('m')].map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    r = await render(<EndpointFailureRates endpoints={only.endpoints} sdks={only.sdks} />);
    expect(headers()).toContain('3712');
    expect(headers()).not.toContain('JWT refused');
    r.unmount();
    const mixed = correlate([meeting('m'), video('v', 124)].map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    r = await render(<EndpointFailureRates endpoints={mixed.endpoints} sdks={mixed.sdks} />);
    expect(headers()).toEqual(expect.arrayContaining(['3712', 'JWT refused']));
  });

  it('an export from before SDKs were recorded (no sdks list) is a Meeting SDK session', async () => {
    const c = correlate([meeting('m')].map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    r = await render(<EndpointFailureRates endpoints={c.endpoints} />);
    expect(headers()).toContain('3712');
  });

  it('a token made in the page (watched from the start, no issuer): says so and what it means; without that evidence, the old sentence', async () => {
    const made = { ...meeting('m'), pageUrl: 'http://127.0.0.1/app', pageWatchedFrom: T - 3000 };
    const c = correlate([made].map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    r = await render(<EndpointFailureRates endpoints={c.endpoints} sdks={c.sdks} />);
    expect(cells()[0]).toBe('made in the page');
    const note = r.container.querySelector('[data-testid="made-in-page-note"]')!.textContent!;
    expect(note).toMatch(/no response carried the token.*SDK secret is in the page's code and ships to every visitor.*development only/);
    expect(r.container.textContent).not.toMatch(/before DevTools was open/);
    r.unmount();
    const unseen = correlate([meeting('m')].map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    r = await render(<EndpointFailureRates endpoints={unseen.endpoints} sdks={unseen.sdks} />);
    expect(r.container.textContent).toMatch(/the signature request happened before DevTools was open/);
    expect(r.container.querySelector('[data-testid="made-in-page-note"]')).toBeNull();
  });
});
