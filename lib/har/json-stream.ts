/**
 * A streaming JSON parser shaped for HAR files: it never holds the whole text, streams the
 * elements of one array (`log.entries`) to a callback instead of keeping them, and replaces any
 * string longer than `maxString` with a {@link SkippedString} (its length only). A 300 MB HAR is
 * almost all `content.text` of scripts, images and video; none of it matters for a join, so memory
 * stays near one entry plus the strings we keep. Pure: no Node or browser API.
 */
import { JoinDoctorError } from '../errors';

/** Stands in for a string that was too long to keep. */
export class SkippedString {
  constructor(readonly length: number) {}
}

export interface JsonStreamOptions {
  /** Strings longer than this (in UTF-16 units) are not kept. */
  maxString: number;
  /** Object keys leading to the array whose elements are streamed, e.g. ['log', 'entries']. */
  streamPath: readonly string[];
  onStreamed(value: unknown, index: number): void;
}

const enum S {
  Value,
  AfterValue,
  Key,
  KeyOrEnd,
  Colon,
  ValueOrEnd,
  InString,
  InLiteral,
  AfterRoot,
}

interface Frame {
  array: boolean;
  value: Record<string, unknown> | unknown[] | null;
  key: string | null;
  index: number;
  streamed: boolean;
}

const MAX_DEPTH = 256;
const MAX_LITERAL = 512;
const NUMBER_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class JsonStreamParser {
  private readonly stack: Frame[] = [];
  private state: S = S.Value;
  private root: unknown = undefined;
  private pos = 0;
  private parts: string[] = [];
  private strLen = 0;
  private strSkipped = false;
  private strIsKey = false;
  private escapeAtEnd = false;
  private literal = '';
  private started = false;

  constructor(private readonly opts: JsonStreamOptions) {}

  write(chunk: string): void {
    let i = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1; // a UTF-8 BOM, as some exporters write
    }
    const n = chunk.length;
    while (i < n) {
      if (this.state === S.InString) {
        i = this.scanString(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.state === S.InLiteral) {
        if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45) {
          this.literal += chunk[i];
          if (this.literal.length > MAX_LITERAL) this.fail(i, 'a number or literal is too long');
          i++;
          continue;
        }
        this.finishLiteral(i);
        continue; // re-read c in the new state
      }
      if (isWs(c)) {
        i++;
        continue;
      }
      switch (this.state) {
        case S.Value:
        case S.ValueOrEnd:
          if (c === 0x5d && this.state === S.ValueOrEnd) {
            this.close(i, true);
          } else if (c === 0x7b) this.open(i, false);
          else if (c === 0x5b) this.open(i, true);
          else if (c === 0x22) this.startString(false);
          else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
            this.state = S.InLiteral;
            this.literal = chunk[i]!;
          } else this.unexpected(chunk, i);
          break;
        case S.KeyOrEnd:
        case S.Key:
          if (c === 0x22) this.startString(true);
          else if (c === 0x7d && this.state === S.KeyOrEnd) this.close(i, false);
          else this.unexpected(chunk, i);
          break;
        case S.Colon:
          if (c === 0x3a) this.state = S.Value;
          else this.unexpected(chunk, i);
          break;
        case S.AfterValue: {
          const top = this.stack[this.stack.length - 1];
          if (!top) this.unexpected(chunk, i);
          else if (c === 0x2c) this.state = top.array ? S.Value : S.Key;
          else if (c === 0x7d && !top.array) this.close(i, false);
          else if (c === 0x5d && top.array) this.close(i, true);
          else this.unexpected(chunk, i);
          break;
        }
        case S.AfterRoot:
          this.unexpected(chunk, i);
          break;
      }
      i++;
    }
    this.pos += n;
  }

  /** Finishes the parse and returns the root value (with the streamed array left empty). */
  end(): unknown {
    if (this.state === S.InString) this.fail(0, `the file ends inside a string (truncated, in ${this.where()})`);
    if (this.state === S.InLiteral) this.finishLiteral(0);
    if (this.stack.length > 0) this.fail(0, `the file ends early (truncated inside ${this.where()})`);
    if (this.state !== S.AfterRoot) this.fail(0, 'the file is empty');
    return this.root;
  }

  /** Where the parser is, as a JSON path (`log.entries[12].response`), for error messages. */
  where(): string {
    let out = '';
    for (let d = 0; d < this.stack.length; d++) {
      const f = this.stack[d]!;
      if (f.array) out += `[${f.index}]`;
      else if (f.key !== null) out += (out ? '.' : '') + f.key;
    }
    return out || 'the top level';
  }

  private scanString(chunk: string, start: number): number {
    const n = chunk.length;
    let j = start;
    if (this.escapeAtEnd) {
      this.escapeAtEnd = false;
      j = start + 1;
    }
    let b = chunk.indexOf('\\', j);
    // Both searches move forward only: re-searching for the quote after every escape would read the
    // rest of the chunk once per backslash (quadratic in a body of `\\/` or `\\"`).
    let q = chunk.indexOf('"', j);
    for (;;) {
      if (q !== -1 && q < j) q = chunk.indexOf('"', j);
      if (b !== -1 && b < j) b = chunk.indexOf('\\', j);
      if (b !== -1 && (q === -1 || b < q)) {
        if (b + 1 >= n) {
          this.append(chunk.slice(start, n));
          this.escapeAtEnd = true;
          return n;
        }
        j = b + 2;
        continue;
      }
      if (q === -1) {
        this.append(chunk.slice(start, n));
        return n;
      }
      this.append(chunk.slice(start, q));
      this.finishString(q);
      return q + 1;
    }
  }

  private startString(isKey: boolean): void {
    this.state = S.InString;
    this.strIsKey = isKey;
    this.parts = [];
    this.strLen = 0;
    this.strSkipped = false;
  }

  private append(s: string): void {
    this.strLen += s.length;
    if (this.strSkipped) return;
    if (this.strLen > this.opts.maxString) {
      this.strSkipped = true;
      this.parts = [];
    } else this.parts.push(s);
  }

  private finishString(at: number): void {
    let value: string | SkippedString;
    if (this.strSkipped) {
      if (this.strIsKey) this.fail(at, 'an object key is too long');
      value = new SkippedString(this.strLen);
    } else {
      const raw = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      try {
        value = JSON.parse(`"${raw}"`) as string;
      } catch {
        this.fail(at, 'a string has an invalid escape or control character');
      }
    }
    this.parts = [];
    if (this.strIsKey) {
      const top = this.stack[this.stack.length - 1]!;
      top.key = value as string;
      this.state = S.Colon;
    } else this.addValue(value);
  }

  private finishLiteral(at: number): void {
    const t = this.literal;
    this.literal = '';
    let v: unknown;
    if (t === 'true') v = true;
    else if (t === 'false') v = false;
    else if (t === 'null') v = null;
    else if (NUMBER_RE.test(t)) v = Number(t);
    else this.fail(at, `"${t.slice(0, 20)}" is not a JSON value`);
    this.addValue(v);
  }

  private open(at: number, array: boolean): void {
    if (this.stack.length >= MAX_DEPTH) this.fail(at, 'nesting is too deep');
    const streamed = array && this.isStreamPath();
    this.stack.push({ array, value: streamed ? null : array ? [] : {}, key: null, index: 0, streamed });
    this.state = array ? S.ValueOrEnd : S.KeyOrEnd;
  }

  private isStreamPath(): boolean {
    const p = this.opts.streamPath;
    if (this.stack.length !== p.length) return false;
    for (let d = 0; d < p.length; d++) {
      const f = this.stack[d]!;
      if (f.array || f.key !== p[d]) return false;
    }
    return true;
  }

  private close(at: number, array: boolean): void {
    const f = this.stack.pop();
    if (!f || f.array !== array) this.fail(at, 'mismatched bracket');
    this.addValue(f.streamed ? [] : f.value);
  }

  private addValue(v: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.root = v;
      this.state = S.AfterRoot;
      return;
    }
    if (top.array) {
      if (top.streamed) this.opts.onStreamed(v, top.index);
      else (top.value as unknown[]).push(v);
      top.index++;
    } else {
      const key = top.key!;
      const obj = top.value as Record<string, unknown>;
      // `__proto__` as a plain assignment would replace the prototype instead of adding a key.
      if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      else obj[key] = v;
      top.key = null;
    }
    this.state = S.AfterValue;
  }

  private unexpected(chunk: string, i: number): never {
    const c = chunk[i]!;
    this.fail(i, `unexpected ${JSON.stringify(c)} in ${this.where()}`);
  }

  private fail(i: number, what: string): never {
    const at = this.pos + i;
    throw new JoinDoctorError('ERR_HAR_INVALID', `This is not a complete HAR file: ${what} (at character ${at}).`, { position: at });
  }
}
