/**
 * `npm run lab`: the whole product on a fresh machine in one command. See LAB_USAGE.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJoinDoctorError, JoinDoctorError } from '../lib/errors';
import { hasDisplay, joinViews, LAB_USAGE, parseLabArgs, type LabArgs } from './args';
import { batchScenarios, joinScenario, type JoinScenario, type JoinView } from './join-scenarios';
import { runJoinBatch, type JoinRunResult } from './join-run';
import { joinResultLines, matrixLines } from './join-report';
import { scenarioListLines } from './scenario-list';
import { buildExtension } from './build-extension';
import { findChromium } from './find-chromium';
import { launchLabBrowser } from './launch';
import { labExport, openLabPage, runJoins, screenshotPanel, waitForSettled, writeReport } from './run';
import { SCENARIOS } from './scenarios';
import { startLabServer } from './server';
import { summaryLines } from './lab-summary';
import { openVideoLabPage, runVideoJoins } from './video-run';
import { VIDEO_SCENARIOS } from './video-scenarios';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function buildOrReuse(outDir: string, build: boolean): string {
  const dir = path.join(outDir, 'chrome-mv3');
  if (!build && existsSync(path.join(dir, 'manifest.json'))) return dir;
  process.stdout.write('Building the extension… ');
  try {
    buildExtension(outDir);
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new JoinDoctorError('ERR_IO', `extension build failed:\n${String(err.stderr ?? '') || String(err.stdout ?? '')}`);
  }
  console.log(`done (${path.relative(process.cwd(), dir)})`);
  return dir;
}

async function main(args: LabArgs): Promise<number> {
  if (args.help) {
    console.log(LAB_USAGE);
    return 0;
  }
  if (args.list) {
    console.log(scenarioListLines().join('\n'));
    return 0;
  }
  const headless = args.headless ?? !hasDisplay();
  const executable = findChromium();
  const extensionDir = buildOrReuse(path.join(repoRoot, 'tmp/lab/ext'), args.build);
  const server = await startLabServer({ port: args.port });
  console.log(`Lab server: ${server.origin}  (browser: ${executable}, ${headless ? 'headless' : 'headed'})`);
  const b = await launchLabBrowser({ executable, extensionDir, profileDir: path.join(repoRoot, 'tmp/lab/profile'), headless, server });
  const stop = async () => {
    await b.close().catch(() => undefined);
    await server.close();
  };
  try {
    if (args.videoScenario) return await runVideoLab(args, b, server, headless);
    if (args.joinScenario || args.joinBatch) return await runJoinLab(args, b, server);
    const scenario = args.scenario ?? (headless ? 'java-round' : undefined);
    const joins = args.joins ?? (headless ? 30 : 0);
    const page = await openLabPage(b, server, scenario);
    if (!headless) {
      console.log('Chromium is open on the lab page with DevTools: pick the "Join Doctor" panel, choose an endpoint and press Join.');
      if (scenario && joins > 0) await runJoins(page, scenario, joins, args.view, args.spreadSeconds * 1000);
      console.log('Close the browser window (or press Ctrl-C) to stop the lab.');
      await new Promise<void>((resolve) => {
        b.context.on('close', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      return 0;
    }
    if (!scenario || joins < 1) throw new JoinDoctorError('ERR_USAGE', 'headless mode needs at least one join');
    const out = path.resolve(args.out ?? path.join(repoRoot, 'tmp/lab', `run-${new Date().toISOString().replace(/[:.]/g, '-')}`));
    console.log(`Running ${joins} ${args.view}-view joins against "${scenario}" (${SCENARIOS[scenario].title})…`);
    const t0 = Date.now();
    const pageResults = await runJoins(page, scenario, joins, args.view, args.spreadSeconds * 1000);
    const tab = await waitForSettled(b, server.origin, joins);
    const seconds = (Date.now() - t0) / 1000;
    const exp = labExport(tab.attempts, tab.pageUrl);
    const report = await writeReport(out, exp);
    await screenshotPanel(b, tab.tabId, path.join(out, 'panel.png'));
    const accepted = server.judgements.filter((j) => j.accepted).length;
    console.log(`${pageResults.length} joins in ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, pageResults.length)).toFixed(0)} ms per join); the Zoom stand-in accepted ${accepted} of ${server.judgements.length}.`);
    for (const line of summaryLines(exp)) console.log(line);
    if (b.blocked.length) console.log(`Blocked ${b.blocked.length} non-local requests (the lab needs none), e.g. ${b.blocked[0]}`);
    console.log(`Wrote ${path.relative(process.cwd(), report)} and ${path.relative(process.cwd(), path.join(out, 'panel.png'))}`);
    return 0;
  } finally {
    await stop();
  }
}

/** `--scenario vsdk-*`: the Video SDK page, the same capture read-out, report and screenshot. */
async function runVideoLab(args: LabArgs, b: Awaited<ReturnType<typeof launchLabBrowser>>, server: Awaited<ReturnType<typeof startLabServer>>, headless: boolean): Promise<number> {
  const scenario = args.videoScenario!;
  const joins = args.joins ?? (headless ? 5 : 0);
  const page = await openVideoLabPage(b, server, scenario);
  if (!headless) {
    console.log('Chromium is open on the Video SDK lab page with DevTools: pick the "Join Doctor" panel, choose an endpoint and press Join.');
    if (joins > 0) await runVideoJoins(page, scenario, joins);
    await new Promise<void>((resolve) => {
      b.context.on('close', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    return 0;
  }
  if (joins < 1) throw new JoinDoctorError('ERR_USAGE', 'headless mode needs at least one join');
  const out = path.resolve(args.out ?? path.join(repoRoot, 'tmp/lab', `run-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  const sc = VIDEO_SCENARIOS[scenario];
  console.log(`Running ${joins} Video SDK joins against "${scenario}" (${sc.title})…`);
  const results = await runVideoJoins(page, scenario, joins);
  const tab = await waitForSettled(b, server.origin, joins);
  const exp = labExport(tab.attempts, tab.pageUrl);
  const report = await writeReport(out, exp);
  await screenshotPanel(b, tab.tabId, path.join(out, 'panel.png'), 'log');
  console.log(`The page saw: ${JSON.stringify(results[0]?.value)}${results.length > 1 ? ` (and ${results.length - 1} more)` : ''}; expected ${JSON.stringify(sc.expectedRejection)}.`);
  for (const line of summaryLines(exp)) console.log(line);
  if (b.blocked.length) console.log(`Blocked ${b.blocked.length} non-local requests (the lab needs none), e.g. ${b.blocked[0]}`);
  console.log(`Wrote ${path.relative(process.cwd(), report)} and ${path.relative(process.cwd(), path.join(out, 'panel.png'))}`);
  return 0;
}

/** `--scenario code-3707` / `all-codes`: join scenarios with the real SDK, EXPECTED vs GOT; exit 1 on a mismatch. */
async function runJoinLab(args: LabArgs, b: Awaited<ReturnType<typeof launchLabBrowser>>, server: Awaited<ReturnType<typeof startLabServer>>): Promise<number> {
  const scenarios: JoinScenario[] = args.joinBatch ? batchScenarios(args.joinBatch) : [joinScenario(args.joinScenario!)!];
  const items = scenarios.flatMap((scenario) => joinViews(scenario.views, args.view).map((view: JoinView) => ({ scenario, view })));
  if (items.length === 0) throw new JoinDoctorError('ERR_USAGE', `no scenario runs in the ${args.view} view (views: ${scenarios[0]?.views.join(', ')})`);
  const batch = args.joinBatch !== undefined;
  console.log(`Running ${items.length} join${items.length > 1 ? 's' : ''} with the real SDK 6.2.0${batch ? ` over ${Math.min(args.parallel, items.length)} tabs` : ''}…`);
  const t0 = Date.now();
  const results: JoinRunResult[] = await runJoinBatch(b, server, items, batch ? args.parallel : 1, (r, done) => {
    if (batch) process.stdout.write(`\r  ${done}/${items.length} ${r.ok ? '✓' : '✗'} ${`${r.scenario.name} (${r.view})`.padEnd(40)}`);
    else for (const line of joinResultLines(r)) console.log(line);
  });
  const seconds = (Date.now() - t0) / 1000;
  if (batch) {
    process.stdout.write('\n');
    for (const line of matrixLines(results)) console.log(line);
  }
  const bad = results.filter((r) => !r.ok).length;
  console.log(`${results.length - bad} of ${results.length} as expected in ${seconds.toFixed(1)} s${bad ? `; ${bad} mismatch${bad > 1 ? 'es' : ''}` : ''}.`);
  if (b.blocked.length) console.log(`Blocked ${b.blocked.length} non-local requests (the lab needs none), e.g. ${b.blocked[0]}`);
  return bad ? 1 : 0;
}

main(process.argv.slice(2).length ? parseArgsOrExit(process.argv.slice(2)) : parseArgsOrExit([]))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(isJoinDoctorError(e) ? `join-doctor lab: ${e.message}` : e);
    process.exit(isJoinDoctorError(e, 'ERR_USAGE') ? 2 : 1);
  });

function parseArgsOrExit(argv: string[]): LabArgs {
  try {
    return parseLabArgs(argv);
  } catch (e) {
    console.error(isJoinDoctorError(e) ? e.message : e);
    process.exit(2);
  }
}
