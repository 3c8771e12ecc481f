import { JoinDoctorError } from '../errors';
import { EXPORT_SCHEMA_VERSION, EXPORT_SOURCES, type JoinDoctorExport } from './schema';

/** Exports are small (a session is at most a few thousand attempts); this bounds a hostile file. */
export const MAX_EXPORT_CHARS = 50 * 1024 * 1024;

const OUTCOME_KINDS = ['success', 'failure', 'silent-refusal', 'timeout', 'superseded', 'pending'];
const SEVERITIES = ['error', 'warning', 'info'];
const VERDICTS = ['fail', 'warn', 'pass'];
const APIS = ['client-view', 'component-view', 'wire', 'video-sdk'];
const SDKS = ['meeting', 'video'];

type Obj = Record<string, unknown>;

function invalid(path: string, what: string): never {
  throw new JoinDoctorError('ERR_EXPORT_INVALID', `Not a valid Join Doctor export: ${path} ${what}.`, { path });
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) invalid(path, 'must be an object');
  return v as Obj;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) invalid(path, 'must be an array');
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') invalid(path, 'must be a string');
  return v;
}

function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) invalid(path, 'must be a finite number');
  return v;
}

function strings(v: unknown, path: string): void {
  arr(v, path).forEach((x, i) => str(x, `${path}[${i}]`));
}

function oneOf(v: unknown, allowed: readonly string[], path: string): void {
  if (typeof v !== 'string' || !allowed.includes(v)) invalid(path, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)?.slice(0, 40) ?? typeof v})`);
}

function nullableObj(v: unknown, path: string): void {
  if (v !== null) obj(v, path);
}

/** A primary cause as the renderers read it (rule ids and a kind). */
function checkPrimary(v: unknown, path: string): void {
  const cause = obj(v, path);
  strings(cause['ruleIds'], `${path}.ruleIds`);
}

function checkItem(v: unknown, path: string): void {
  const item = obj(v, path);
  if (item['primaryCause'] !== undefined) checkPrimary(item['primaryCause'], `${path}.primaryCause`);
  const a = obj(item['attempt'], `${path}.attempt`);
  str(a['id'], `${path}.attempt.id`);
  oneOf(a['api'], APIS, `${path}.attempt.api`);
  // Absent in exports made before Video SDK support: those are Meeting SDK joins.
  if (a['sdk'] !== undefined) oneOf(a['sdk'], SDKS, `${path}.attempt.sdk`);
  num(a['calledAt'], `${path}.attempt.calledAt`);
  if (a['signature'] !== null) str(a['signature'], `${path}.attempt.signature`);
  const o = obj(a['outcome'], `${path}.attempt.outcome`);
  oneOf(o['kind'], OUTCOME_KINDS, `${path}.attempt.outcome.kind`);
  const an = obj(item['analysis'], `${path}.analysis`);
  oneOf(an['verdict'], VERDICTS, `${path}.analysis.verdict`);
  nullableObj(an['header'], `${path}.analysis.header`);
  nullableObj(an['payload'], `${path}.analysis.payload`);
  arr(an['findings'], `${path}.analysis.findings`).forEach((f, j) => {
    const p = `${path}.analysis.findings[${j}]`;
    const finding = obj(f, p);
    str(finding['id'], `${p}.id`);
    oneOf(finding['severity'], SEVERITIES, `${p}.severity`);
    str(finding['message'], `${p}.message`);
    str(finding['fix'], `${p}.fix`);
  });
}

function checkCorrelation(v: unknown): void {
  const c = obj(v, 'correlation');
  obj(c['counts'], 'correlation.counts');
  num(c['failures'], 'correlation.failures');
  arr(c['rules'], 'correlation.rules');
  arr(c['causes'], 'correlation.causes').forEach((x, i) => {
    const p = `correlation.causes[${i}]`;
    const cause = obj(x, p);
    str(cause['text'], `${p}.text`);
    // Version 1 causes are upgraded below; later ones are rendered as they are.
    if (cause['ruleIds'] !== undefined || cause['attemptIds'] !== undefined) {
      strings(cause['ruleIds'], `${p}.ruleIds`);
      strings(cause['attemptIds'], `${p}.attemptIds`);
      str(cause['kind'], `${p}.kind`);
    }
  });
  // Only a lookup the renderers fall back on: entries they could not read (exports before this
  // version wrote "[cycle]" for a cause shared by several attempts) are dropped, not refused.
  if (c['primary'] !== undefined) {
    const primary = obj(c['primary'], 'correlation.primary');
    for (const [id, x] of Object.entries(primary)) {
      const cause = x as Obj | null;
      if (typeof cause !== 'object' || cause === null || !Array.isArray(cause['ruleIds']) || !cause['ruleIds'].every((r) => typeof r === 'string')) delete primary[id];
    }
  }
  const offsets = obj(c['offsets'], 'correlation.offsets');
  arr(offsets['points'], 'correlation.offsets.points').forEach((x, i) => {
    const p = obj(x, `correlation.offsets.points[${i}]`);
    num(p['offset'], `correlation.offsets.points[${i}].offset`);
    str(p['outcome'], `correlation.offsets.points[${i}].outcome`);
  });
  if (offsets['split'] !== null) obj(offsets['split'], 'correlation.offsets.split');
  str(obj(c['quantization'], 'correlation.quantization')['text'], 'correlation.quantization.text');
  arr(c['endpoints'], 'correlation.endpoints').forEach((x, i) => obj(x, `correlation.endpoints[${i}]`));
  if (c['sdks'] !== undefined) arr(c['sdks'], 'correlation.sdks').forEach((x, i) => obj(x, `correlation.sdks[${i}]`));
  const unexplained = obj(c['unexplained'], 'correlation.unexplained');
  str(unexplained['text'], 'correlation.unexplained.text');
  strings(unexplained['attemptIds'], 'correlation.unexplained.attemptIds');
  arr(unexplained['checks'], 'correlation.unexplained.checks').forEach((x, i) => obj(x, `correlation.unexplained.checks[${i}]`));
}

/**
 * Schema 1 ranked rules by a score; its causes become one group each, and its headline says the
 * ranking came from an older version (the per-failure primary causes were not recorded).
 */
function upgradeCausesV1(c: Obj): void {
  const old = c['causes'] as Obj[];
  const failures = typeof c['failures'] === 'number' ? c['failures'] : 0;
  c['causes'] = old.map((x) => {
    const id = typeof x['id'] === 'string' ? x['id'] : 'unknown';
    const n = typeof x['failuresWith'] === 'number' ? x['failuresWith'] : 0;
    return {
      key: id,
      id,
      kind: x['severity'] === 'error' ? 'cause' : 'suspect',
      ruleIds: [id],
      title: typeof x['title'] === 'string' ? x['title'] : id,
      failures: n,
      ofFailures: failures,
      successesWith: typeof x['successesWith'] === 'number' ? x['successesWith'] : 0,
      successes: typeof x['successes'] === 'number' ? x['successes'] : 0,
      attemptIds: [],
      text: String(x['text']),
    };
  });
  const top = old[0];
  c['headline'] = top ? `Highest-ranked rule (an older Join Doctor's score ranking): ${String(top['text'])}` : failures ? 'No rule was ranked.' : 'No failed joins.';
  c['primary'] = {};
}

/**
 * Reads an export's JSON text. Throws JoinDoctorError ERR_EXPORT_INVALID (not JSON, wrong shape,
 * with the path of the first problem) or ERR_EXPORT_VERSION (written by a newer Join Doctor).
 */
export function parseExport(text: string): JoinDoctorExport {
  if (typeof text !== 'string') throw new JoinDoctorError('ERR_EXPORT_INVALID', 'Not a valid Join Doctor export: expected JSON text.');
  if (text.length > MAX_EXPORT_CHARS) {
    throw new JoinDoctorError('ERR_EXPORT_INVALID', `Not a valid Join Doctor export: ${text.length} characters is more than the ${MAX_EXPORT_CHARS} an export can have.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new JoinDoctorError('ERR_EXPORT_INVALID', `Not a valid Join Doctor export: the file is not JSON (${e instanceof Error ? e.message : 'parse error'}).`);
  }
  const root = obj(data, 'the top level');
  const version = root['schemaVersion'];
  if (version === undefined) invalid('schemaVersion', 'is missing (is this a Join Doctor export? HAR files go to `join-doctor har`)');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) invalid('schemaVersion', 'must be a positive integer');
  if (version > EXPORT_SCHEMA_VERSION) {
    throw new JoinDoctorError(
      'ERR_EXPORT_VERSION',
      `This export uses schema version ${version}, written by a newer Join Doctor; this version reads up to schema ${EXPORT_SCHEMA_VERSION}. Update Join Doctor to open it.`,
      { version, supported: EXPORT_SCHEMA_VERSION },
    );
  }
  const tool = obj(root['tool'], 'tool');
  str(tool['version'], 'tool.version');
  if (Number.isNaN(Date.parse(str(root['createdAt'], 'createdAt')))) invalid('createdAt', 'must be an ISO 8601 date');
  oneOf(root['source'], EXPORT_SOURCES, 'source');
  if (root['pageHost'] !== null) str(root['pageHost'], 'pageHost');
  if (typeof root['redacted'] !== 'boolean') invalid('redacted', 'must be true or false');
  arr(root['items'], 'items').forEach((it, i) => checkItem(it, `items[${i}]`));
  checkCorrelation(root['correlation']);
  if (version === 1) upgradeCausesV1(obj(root['correlation'], 'correlation'));
  return root as unknown as JoinDoctorExport;
}
