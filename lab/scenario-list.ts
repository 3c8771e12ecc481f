/** `npm run lab -- --scenario list`: every scenario the lab runs, grouped, at most 80 columns wide. */
import { SCENARIO_NAMES, SCENARIOS } from './scenarios';
import { JOIN_BATCHES, JOIN_GROUP_TITLES, runnableJoinScenarios, type JoinGroup, type JoinView } from './join-scenarios';
import { VIDEO_SCENARIO_NAMES, VIDEO_SCENARIOS } from './video-scenarios';

export const LIST_WIDTH = 80;
const NAME_WIDTH = 24;

/** `name` in a column, then `text` wrapped at word boundaries under its own column. */
function entry(name: string, text: string): string[] {
  const indent = ' '.repeat(2 + NAME_WIDTH);
  const room = LIST_WIDTH - indent.length;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length > room ? `${word.slice(0, room - 1)}…` : word;
    if (line && line.length + 1 + w.length > room) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  const head = name.length < NAME_WIDTH ? `  ${name.padEnd(NAME_WIDTH)}` : null;
  return head ? [`${head}${lines[0]}`, ...lines.slice(1).map((l) => indent + l)] : [`  ${name}`, ...lines.map((l) => indent + l)];
}

const VIEW_TAG: Record<JoinView, string> = { client: 'client', component: 'component' };

export function scenarioListLines(): string[] {
  const out: string[] = ['Signature endpoints (headless default: java-round):'];
  for (const n of SCENARIO_NAMES) out.push(...entry(n, `${SCENARIOS[n].title} (fails ${SCENARIOS[n].expectedFailure})`));
  out.push('', 'Join scenarios (real SDK 6.2.0; the Zoom stand-in answers per scenario):');
  const joins = runnableJoinScenarios();
  for (const g of Object.keys(JOIN_GROUP_TITLES) as JoinGroup[]) {
    out.push(`  ${JOIN_GROUP_TITLES[g]}:`);
    for (const s of joins.filter((x) => x.group === g)) out.push(...entry(s.name, `${s.title} [${s.views.map((v) => VIEW_TAG[v]).join(', ')}]`));
  }
  out.push('  Batches:');
  for (const [n, t] of Object.entries(JOIN_BATCHES)) out.push(...entry(n, t));
  out.push('', 'Video SDK (real @zoom/videosdk, /video page):');
  for (const n of VIDEO_SCENARIO_NAMES) out.push(...entry(n, VIDEO_SCENARIOS[n].title));
  return out;
}
