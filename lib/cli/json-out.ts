/**
 * Writes `JSON.stringify(value, null, 2)` in pieces: the same text, byte for byte, without ever
 * holding all of it. An export of 25,000 HAR joins is ~50 M characters; built as one string and
 * then copied into stdout's buffer it alone doubled the command's peak memory.
 */
const INDENT = '  ';

/** Containers down to this depth are written element by element; deeper values are stringified whole. */
const STREAM_DEPTH = 3;

export function writeJsonPretty(value: unknown, write: (chunk: string) => unknown, depth = 0): void {
  const pad = INDENT.repeat(depth);
  if (depth >= STREAM_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value, null, 2);
    // JSON.stringify indents nested lines from column 0; shift them to this depth.
    write(text === undefined ? 'null' : pad ? text.replace(/\n/g, `\n${pad}`) : text);
    return;
  }
  const inner = pad + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return void write('[]');
    write('[\n');
    value.forEach((v, i) => {
      write(inner);
      // JSON.stringify writes undefined, functions and symbols in arrays as null.
      writeJsonPretty(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, write, depth + 1);
      write(i < value.length - 1 ? ',\n' : '\n');
    });
    return void write(`${pad}]`);
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) return void write('{}');
  write('{\n');
  entries.forEach(([k, v], i) => {
    write(`${inner}${JSON.stringify(k)}: `);
    writeJsonPretty(v, write, depth + 1);
    write(i < entries.length - 1 ? ',\n' : '\n');
  });
  write(`${pad}}`);
}
