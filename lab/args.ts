/** `npm run lab -- [--headless|--headed] [--scenario NAME] [--joins N] [--out DIR] [--port P] ...` */
import { JoinDoctorError } from '../lib/errors';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './scenarios';
import type { LabView } from './run';
import { isVideoScenarioName, VIDEO_SCENARIO_NAMES, type VideoScenarioName } from './video-scenarios';
import { isJoinBatch, joinScenario, JOIN_BATCHES, type JoinBatch, type JoinView } from './join-scenarios';

export interface LabArgs {
  /** Undefined: headed when a display exists. */
  headless?: boolean;
  scenario?: ScenarioName;
  /** A Video SDK scenario (`vsdk-*`): the run uses the /video page and the real @zoom/videosdk. */
  videoScenario?: VideoScenarioName;
  /** A join scenario (lab/join-scenarios.ts) or a batch of them: real SDK, per-scenario stand-in. */
  joinScenario?: string;
  joinBatch?: JoinBatch;
  /** `--scenario list` / `--list`: print the scenarios and exit. */
  list: boolean;
  /** Join scenarios: tabs run side by side (batches). */
  parallel: number;
  joins?: number;
  out?: string;
  port: number;
  view: LabView;
  /** Time-sampling scenarios spread their joins evenly over this many seconds of real time. */
  spreadSeconds: number;
  build: boolean;
  help: boolean;
}

export const LAB_USAGE = `Usage: npm run lab -- [options]

Builds the extension, starts the lab server on 127.0.0.1 and opens Chromium with Join Doctor
loaded and DevTools open on the lab page. Without a display it runs headless: N joins, then it
prints what the extension captured and diagnosed and writes report.md and panel.png.

  --headless / --headed   force the mode (default: headed when $DISPLAY or $WAYLAND_DISPLAY is set)
  --scenario NAME         ${SCENARIO_NAMES.join(', ')} (headless default: java-round),
                          a join scenario (code-3707, silent, wasm-404, …: see --list), a batch
                          (${Object.keys(JOIN_BATCHES).join(', ')}), or a Video SDK one: ${VIDEO_SCENARIO_NAMES.join(', ')}
  --scenario list, --list print every scenario, grouped, and exit
  --parallel N            join scenarios: tabs side by side (1..6, default 3)
  --joins N               joins to run against the scenario's endpoint (1..500; headless default 30)
  --view V                simulated (default: the lab's own ZoomMtg, fast, joins can succeed), component
                          (real SDK component view) or client (real SDK client view, one iframe per join)
  --out DIR               where headless mode writes report.md and panel.png (default tmp/lab/run-<time>)
  --port P                lab server port (default: any free port)
  --spread-seconds S      java-round only: spread the joins evenly over S s of real time (default 128,
                          one full step of Java's quantised iat; 0 = as fast as possible)
  --no-build              reuse the last lab build of the extension (tmp/lab/ext)
`;

function intArg(name: string, v: string | undefined, min: number, max: number): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < min || n > max) throw new JoinDoctorError('ERR_USAGE', `${name} needs an integer from ${min} to ${max}, got ${v ?? 'nothing'}`);
  return n;
}

export function parseLabArgs(argv: readonly string[]): LabArgs {
  const a: LabArgs = { port: 0, view: 'simulated', spreadSeconds: 128, build: true, help: false, list: false, parallel: 3 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const [flag, inline] = k.includes('=') ? [k.slice(0, k.indexOf('=')), k.slice(k.indexOf('=') + 1)] : [k, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--headless': a.headless = true; break;
      case '--headed': a.headless = false; break;
      case '--no-build': a.build = false; break;
      case '-h': case '--help': a.help = true; break;
      case '--list': a.list = true; break;
      case '--parallel': a.parallel = intArg('--parallel', value(), 1, 6); break;
      case '--scenario': {
        const s = value();
        if (s === 'list') {
          a.list = true;
          break;
        }
        if (isJoinBatch(s)) {
          a.joinBatch = s;
          break;
        }
        if (s !== undefined && joinScenario(s)) {
          a.joinScenario = s;
          break;
        }
        if (isVideoScenarioName(s)) {
          a.videoScenario = s;
          break;
        }
        if (!isScenarioName(s)) throw new JoinDoctorError('ERR_USAGE', `unknown scenario ${s ?? '(none)'}; \`npm run lab -- --list\` shows them all (signature endpoints: ${SCENARIO_NAMES.join(', ')})`);
        a.scenario = s;
        break;
      }
      case '--joins': a.joins = intArg('--joins', value(), 1, 500); break;
      case '--port': a.port = intArg('--port', value(), 0, 65535); break;
      case '--spread-seconds': a.spreadSeconds = intArg('--spread-seconds', value(), 0, 3600); break;
      case '--view': {
        const v = value();
        if (v !== 'simulated' && v !== 'component' && v !== 'client') throw new JoinDoctorError('ERR_USAGE', `--view is simulated, component or client, got ${v ?? 'nothing'}`);
        a.view = v;
        break;
      }
      case '--out': {
        const v = value();
        if (!v) throw new JoinDoctorError('ERR_USAGE', '--out needs a folder');
        a.out = v;
        break;
      }
      default:
        throw new JoinDoctorError('ERR_USAGE', `unknown option ${k}\n\n${LAB_USAGE}`);
    }
  }
  return a;
}

/** The views a join-scenario run uses: `--view client|component` if given and listed by the scenario, else all of its views. */
export function joinViews(listed: readonly JoinView[], view: LabView): JoinView[] {
  return view === 'client' || view === 'component' ? listed.filter((v) => v === view) : [...listed];
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
}
