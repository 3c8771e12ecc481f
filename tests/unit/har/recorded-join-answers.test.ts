/**
 * `join-doctor har` on HARs recorded from the real @zoom/meetingsdk 6.2.0 (`npm run fixtures:har`),
 * one real join each, Zoom's answer chosen per recording: a deleted meeting, a component view's
 * 200 with Zoom's words, a host start without zak, a passcode copied from a URL, a wc/info that was
 * never answered and a component view whose assetPath 404s. Each must give exactly the finding ids
 * the panel gives for the same join (tests/e2e/join-answers.e2e.test.ts), and no secret.
 *
 * The recorded pages send no COOP/COEP and their tokens no video_webrtc_mode, so page-not-isolated
 * stands beside every answer (a warning, never the cause).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { fixturePath, fixtureText } from './helpers';

interface Item {
  attempt: { outcome: { kind: string; code?: number | null; serverCode?: number | null } };
  analysis: { findings: Array<{ id: string; severity: string; data?: Record<string, unknown> }> };
}

async function har(name: string): Promise<{ items: Item[]; json: string; text: string; warnings: string }> {
  const files = { [fixturePath(name)]: fixtureText(name) };
  const j = await runCli(['har', fixturePath(name), '--json'], { files });
  const t = await runCli(['har', fixturePath(name)], { files });
  const parsed = JSON.parse(j.stdout) as { items: Item[]; har?: { warnings?: unknown } };
  return { items: parsed.items, json: j.stdout, text: t.stdout.replace(/\s+/g, ' '), warnings: JSON.stringify(parsed.har?.warnings ?? parsed) };
}

const ids = (i: Item) => i.analysis.findings.map((f) => f.id).sort();

describe('join-doctor har on real 6.2.0 recordings: Zoom\'s answers beyond the signature', () => {
  it('client-3707.har: a deleted meeting is named as Zoom\'s answer, the token is fine', async () => {
    const r = await har('client-3707.har');
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.attempt.outcome).toMatchObject({ kind: 'failure', code: 3707, serverCode: 200 });
    expect(ids(r.items[0]!)).toEqual(['answer-signature-rejected', 'page-not-isolated']);
    expect(r.text).toContain('Zoom has no meeting with this number (3707)');
  });

  it('component-3001.har: the component view\'s 200 is named through Zoom\'s own 3001', async () => {
    const r = await har('component-3001.har');
    expect(r.items[0]!.attempt.outcome).toMatchObject({ kind: 'failure', code: 200, serverCode: 3001 });
    expect(ids(r.items[0]!)).toEqual(['answer-meeting-refused', 'page-not-isolated']);
    expect(r.text).toContain('Meeting does not exist');
  });

  it('client-3711-host.har: role 1 without zak (the form\'s zsk is empty) and Zoom\'s 3711', async () => {
    const r = await har('client-3711-host.har');
    expect(r.items[0]!.attempt.outcome).toMatchObject({ kind: 'failure', code: 3711 });
    expect(ids(r.items[0]!)).toEqual(['answer-host-start', 'args-host-without-zak', 'page-not-isolated']);
    expect(r.text).toContain('zsk, where the SDK sends the zak, is empty');
  });

  it('client-3004-passcode.har: "Pa%40ss" copied from a URL and Zoom\'s 3004; the passcode is not in the output', async () => {
    const r = await har('client-3004-passcode.har');
    expect(r.items[0]!.attempt.outcome).toMatchObject({ kind: 'failure', code: 3004 });
    expect(ids(r.items[0]!)).toEqual(['answer-meeting-refused', 'args-passcode-encoded', 'page-not-isolated']);
    for (const out of [r.json, r.text]) expect(out).not.toMatch(/Pa%(25)?40ss/);
  });

  it('client-silent.har: wc/info sent and never answered while the HAR recorded: answer-no-answer at stage no-answer', async () => {
    const r = await har('client-silent.har');
    expect(r.items[0]!.attempt.outcome.kind).toBe('pending');
    expect(ids(r.items[0]!)).toEqual(['answer-no-answer', 'page-not-isolated']);
    const f = r.items[0]!.analysis.findings.find((x) => x.id === 'answer-no-answer')!;
    expect(f.data?.stage).toBe('no-answer');
    expect(r.text).toContain('no answer came back while the HAR recorded');
    expect(r.text).toContain('The recording ends without its response');
  });

  it('component-js404.har: js_media.min.js 404 under assetPath stops the join before wc/info; the import names the file', async () => {
    const r = await har('component-js404.har');
    expect(r.items).toEqual([]);
    expect(r.warnings).toMatch(/\/lib404\/av\/js_media\.min\.js \(HTTP 404\)/);
    expect(r.text).toMatch(/js_media\.min\.js \(HTTP 404\)/);
  });
});
