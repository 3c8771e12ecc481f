import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeFacts } from '../../../lib/rules/join/code-table';
import { joinRules } from '../../../lib/rules/join';
import { rules } from '../../../lib/rules';
import { sdkCodeForAnswer } from '../../../lib/zoom/wc-info-codes';
import { codeScenarioName, JOIN_SCENARIOS, joinScenario, runnableJoinScenarios, batchScenarios, MEETING_SERVER_ANSWERS, type JoinScenario } from '../../../lab/join-scenarios';
import { sdkCodeForMeetingServer } from '../../../lib/zoom/meeting-server-codes';
import { scenarioJoinArgs } from '../../../lab/join-page';
import { LAB_CREDENTIALS } from '../../../lab/credentials';
import { LIST_WIDTH, scenarioListLines } from '../../../lab/scenario-list';
import { joinViews, parseLabArgs } from '../../../lab/args';
import { matrixLines } from '../../../lab/join-report';
import { isJoinDoctorError } from '../../../lib/errors';
import { startLabServer, joinScenarioOfUrl, type LabServer } from '../../../lab/server';

const ALL_IDS = new Set<string>([...rules.map((r) => r.id), ...joinRules.map((r) => r.id)]);
const webRows = codeFacts().filter((f) => f.stage === 'web');

describe('join scenarios: one per web-stage code row, answered so the SDK reports that row', () => {
  it('every web-stage row of the code table has its code-NNNN scenario, in the row\'s views', () => {
    for (const f of webRows) {
      const s = joinScenario(codeScenarioName(f.code));
      expect(s, `code ${f.code}`).toBeDefined();
      expect(s!.code).toBe(f.code);
      expect([...s!.views].sort()).toEqual(f.views === 'both' ? ['client', 'component'] : f.views === 'client-view' ? ['client'] : ['component']);
    }
    expect(JOIN_SCENARIOS.filter((s) => s.code !== undefined && s.wcInfo.kind !== 'accept')).toHaveLength(webRows.length);
  });

  it("each code scenario's server answer maps to its row through the SDK mapping the capture uses (wc-info-codes)", () => {
    for (const f of webRows) {
      const s = joinScenario(codeScenarioName(f.code))!;
      const w = s.wcInfo;
      if (w.kind === 'abort') {
        // −3000: the component view's own transport failure, no answer at all.
        expect(f.code).toBe(-3000);
        continue;
      }
      expect(w.kind, `code ${f.code}`).toBe('answer');
      if (w.kind !== 'answer') continue;
      for (const v of s.views) {
        const view = v === 'client' ? 'client-view' : 'component-view';
        const got = sdkCodeForAnswer(w.errorCode, w.errorMessage, view).code;
        // The component view reports most server codes as 200 with Zoom's words; the rules then
        // name the row through Zoom's own code as the client view maps it (answer-code.ts).
        const named = got === 200 && f.code !== 200 ? sdkCodeForAnswer(w.errorCode, w.errorMessage, 'client-view').code : got;
        expect(named, `code ${f.code} in the ${v} view (server ${w.errorCode} "${w.errorMessage}")`).toBe(f.code);
      }
    }
  });

  it('names are unique, every expected id is a rule, and every view has one expected list per join', () => {
    const names = JOIN_SCENARIOS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of JOIN_SCENARIOS) {
      expect(Object.keys(s.expected).sort(), s.name).toEqual([...s.views].sort());
      for (const v of s.views) {
        const lists = s.expected[v]!;
        expect(lists, `${s.name} ${v}`).toHaveLength(s.joinTwice ? 2 : 1);
        for (const ids of lists) {
          for (const id of ids) expect(ALL_IDS.has(id), `${s.name}: ${id} is not a rule`).toBe(true);
          expect([...ids]).toEqual([...ids].sort());
        }
      }
    }
  });

  it('covers the silent, unreachable and never-sent wc/info, the COOP/COEP × video_webrtc_mode matrix and each asset failure', () => {
    const by = (p: (s: JoinScenario) => boolean) => JOIN_SCENARIOS.filter(p).map((s) => s.name);
    expect(by((s) => s.wcInfo.kind === 'hang')).toContain('silent');
    expect(by((s) => s.wcInfo.kind === 'abort')).toContain('unreachable');
    expect(by((s) => s.page.assets === 'lib-missing')).toEqual(['never-sent']);
    const matrix = JOIN_SCENARIOS.filter((s) => s.group === 'page').map((s) => `${s.page.isolated}/${s.token.videoWebrtcMode}`);
    expect(matrix.sort()).toEqual(['false/0', 'false/1', 'true/0', 'true/1']);
    // Only the page without COOP/COEP whose token asks for SharedArrayBuffer gets page-not-isolated.
    for (const s of JOIN_SCENARIOS.filter((x) => x.group === 'page')) expect(s.expected.client![0]!.includes('page-not-isolated')).toBe(!s.page.isolated && s.token.videoWebrtcMode === 0);
    expect(new Set(JOIN_SCENARIOS.map((s) => s.page.assets))).toEqual(new Set(['ok', 'wasm-404', 'wasm-html', 'wasm-blocked', 'lib-missing']));
    expect(by((s) => (s.page.csp ?? '').length > 0 && !s.page.csp!.includes('wasm-unsafe-eval'))).toEqual(['csp-no-wasm']);
  });

  it('the client view given `password` is not handed a default passWord too (it would hide the wrong key)', () => {
    const s = joinScenario('passcode-key')!;
    expect(scenarioJoinArgs(s, 'client', LAB_CREDENTIALS)).toEqual({ meetingNumber: LAB_CREDENTIALS.meetingNumber, userName: 'lab', password: 'Pa55' });
    expect(scenarioJoinArgs(joinScenario('code-3707')!, 'component', LAB_CREDENTIALS)).toHaveProperty('password', '');
  });

  it('every meeting-server row the bundles map from a result code has a scenario that accepts wc/info and carries that code to the stand-in', () => {
    for (const [code, res] of Object.entries(MEETING_SERVER_ANSWERS)) {
      const sc = joinScenario(codeScenarioName(Number(code)))!;
      expect(sc.wcInfo.kind).toBe('accept');
      expect(sc.meetingServer?.serverCode).toBe(res);
      for (const v of sc.views) expect(sdkCodeForMeetingServer(res, v === 'client' ? 'client-view' : 'component-view').code, `${code} in the ${v} view`).toBe(Number(code));
    }
    expect(joinScenario('code-4011')!.expected.client).toEqual([['answer-external-authorization']]);
    expect(batchScenarios('all-codes').every((s) => s.code !== undefined)).toBe(true);
    expect(batchScenarios('all-joins')).toHaveLength(runnableJoinScenarios().length);
  });
});

describe('npm run lab -- --scenario list', () => {
  it('lists every scenario under its heading, none wider than 80 columns', () => {
    const lines = scenarioListLines();
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(LIST_WIDTH);
    const text = lines.join('\n');
    for (const s of runnableJoinScenarios()) expect(text).toMatch(new RegExp(`^  ${s.name.replace(/[-]/g, '\\-')}( |$)`, 'm'));
    for (const n of ['java-round', 'vsdk-good', 'all-codes', 'all-joins']) expect(text).toContain(n);
    const at = (h: string) => lines.findIndex((l) => l.startsWith(h));
    expect(at('Signature endpoints')).toBe(0);
    expect(at('Join scenarios')).toBeGreaterThan(0);
    expect(at('Video SDK')).toBeGreaterThan(at('Join scenarios'));
  });

  it('parses --scenario list, --list, a join scenario, a batch, and refuses an unknown one with a pointer to --list', () => {
    expect(parseLabArgs(['--scenario', 'list']).list).toBe(true);
    expect(parseLabArgs(['--list']).list).toBe(true);
    expect(parseLabArgs(['--scenario=code-3707'])).toMatchObject({ joinScenario: 'code-3707', parallel: 3 });
    expect(parseLabArgs(['--scenario', 'all-codes', '--parallel', '2'])).toMatchObject({ joinBatch: 'all-codes', parallel: 2 });
    let err: unknown;
    try {
      parseLabArgs(['--scenario', 'code-9999']);
    } catch (e) {
      err = e;
    }
    expect(isJoinDoctorError(err, 'ERR_USAGE')).toBe(true);
    expect(String((err as Error).message)).toContain('--list');
    expect(() => parseLabArgs(['--parallel', '0'])).toThrow(/1 to 6/);
  });

  it('--view picks one of the scenario\'s views; the simulated default runs them all', () => {
    expect(joinViews(['client', 'component'], 'component')).toEqual(['component']);
    expect(joinViews(['client'], 'component')).toEqual([]);
    expect(joinViews(['client', 'component'], 'simulated')).toEqual(['client', 'component']);
  });
});

describe('the lab server serves the join scenarios', () => {
  let s: LabServer;
  beforeAll(async () => {
    s = await startLabServer();
  });
  afterAll(() => s.close());

  it('pages with and without COOP/COEP, with the CSP that blocks wasm, and unknown names refused', async () => {
    const iso = await fetch(`${s.origin}/join/page-isolated-mode0/client`);
    expect(iso.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(iso.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await iso.text()).toContain('ZoomMtg.setZoomJSLib(location.origin + "/lib"');
    const plain = await fetch(`${s.origin}/join/page-plain-mode0/client`);
    expect(plain.headers.get('cross-origin-opener-policy')).toBeNull();
    const csp = await fetch(`${s.origin}/join/csp-no-wasm/client`);
    expect(csp.headers.get('content-security-policy')).toBe("script-src 'self' 'unsafe-inline'");
    expect((await fetch(`${s.origin}/join/nope/client`)).status).toBe(404);
    expect((await fetch(`${s.origin}/join/code-3715/component`)).status).toBe(404);
  });

  it('an asset path whose one wasm 404s, one that serves it as text/html, and the intact one', async () => {
    const w = 'av/audio.simd.wasm';
    expect((await fetch(`${s.origin}/lib404/${w}`)).status).toBe(404);
    const html = await fetch(`${s.origin}/libhtml/${w}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const ok = await fetch(`${s.origin}/lib/${w}`);
    expect(ok.headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${s.origin}/lib404/av/audio.simd.js`).catch(() => null))?.status ?? 404).not.toBe(500);
    expect((await fetch(`${s.origin}/nolib/${w}`)).status).toBe(404);
  });

  it("its Zoom stand-in answers a join scenario's page per scenario, other pages through the signature judge", () => {
    const req = (pageUrl: string | null, method = 'POST', url = 'https://zoom.us/api/v1/wc/info') => s.answerZoom({ method, url, postData: 'meetingNumber=1&signature=x', origin: s.origin, pageUrl });
    const a = req(`${s.origin}/join/code-3610/client?run=1-2&lab=1`);
    expect(JSON.parse(a.body)).toEqual({ status: false, errorCode: 3001, errorMessage: 'Meeting does not exist' });
    expect(req(`${s.origin}/join/silent/client`).action).toBe('hang');
    expect(req(`${s.origin}/join/unreachable/component`).action).toBe('abort');
    expect(req(`${s.origin}/join/http-500-jsonp/client`).status).toBe(500);
    const jsonp = req(`${s.origin}/join/http-500-jsonp/client`, 'GET', 'https://zoom.us/api/v1/wc/info?meetingNumber=1&callback=zoomsdkjsonpcallback1');
    expect(jsonp.body).toBe('zoomsdkjsonpcallback1({"status":false,"errorCode":200,"errorMessage":"The meeting number is not found."})');
    // The lab page: the judge (a garbage signature is "Invalid signature.").
    expect(JSON.parse(req(`${s.origin}/`).body)).toMatchObject({ errorCode: 200, errorMessage: 'Invalid signature.' });
    expect(joinScenarioOfUrl('not a url at all')).toBeNull();
  });
});

describe('what a join-scenario run prints', () => {
  it('the matrix keeps every finding id (wrapped, never cut) within 80 columns and shows the mismatch', () => {
    const s = joinScenario('csp-no-wasm')!;
    const got = ['answer-signature-rejected', 'csp-blocks-zoom', 'csp-wasm-blocked'];
    const ok = { scenario: s, view: 'client' as const, ms: 1, saw: [], ok: true, joins: [{ outcome: 'failure 3707 "The meeting number is not found." (Zoom 200)', got, expected: got, ok: true }] };
    const bad = { ...ok, ok: false, joins: [{ outcome: 'silent-refusal', got: ['asset-http-error'], expected: ['answer-no-answer', 'asset-http-error'], ok: false }] };
    const lines = matrixLines([ok, bad]);
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(80);
    const text = lines.join('\n');
    for (const id of got) expect(text).toContain(id);
    expect(text).toMatch(/csp-no-wasm\s+client\s+3707\s+answer-signature-rejected/);
    expect(text).toContain('✗');
    expect(text.replace(/\s+/g, ' ')).toContain('expected answer-no-answer, asset-http-error; silent-refusal');
  });
});
