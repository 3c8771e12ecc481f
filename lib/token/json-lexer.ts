import type { JsonMember } from './types';

/**
 * Reads the top level of a JSON object in one pass, keeping each member's literal text next to
 * its value. JSON.parse cannot do this: it turns PyJWT's `1795912284.0` into `1795912284` and
 * silently keeps the last of two equal keys. Values agree with JSON.parse exactly (strict RFC 8259
 * grammar, same number conversion, lone surrogates kept), so the lexer can stand in for it.
 * Never throws: malformed text yields an error result with the offset.
 */

export type LexResult =
  | {
      ok: true;
      value: Record<string, unknown>;
      members: Record<string, JsonMember>;
      /** Keys written more than once, in order of their second appearance (value and member are the last, as JSON.parse). */
      duplicates: string[];
      /** Deepest nesting of objects/arrays inside the top-level object (the object itself is depth 1). */
      depth: number;
    }
  | {
      ok: false;
      /** `not-json`: not valid JSON text. `not-object`: valid JSON, but not an object (an array, a number...). */
      reason: 'not-json' | 'not-object';
      message: string;
      /** Offset into the text where reading stopped (not-json only). */
      offset: number;
      /** The JSON type found at the top level (not-object only). */
      found?: string;
    };

/** Nesting deeper than this is refused: no real claim nests, and JSON.stringify of deep values overflows the stack. */
export const MAX_JSON_DEPTH = 64;

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  E = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  OpenBrace = 123,
  CloseBrace = 125,
}

class LexError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

function isWs(c: number): boolean {
  return c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab;
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  return `${JSON.stringify(text.charAt(i))} at offset ${i}`;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Defines `key` as an own property, so `__proto__` as a key stays data (as with JSON.parse) instead of setting the prototype. */
function put<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

class Lexer {
  pos = 0;
  maxDepth = 1;

  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new LexError(message, at);
  }

  skipWs(): void {
    const t = this.text;
    let i = this.pos;
    while (i < t.length && isWs(t.charCodeAt(i))) i++;
    this.pos = i;
  }

  /** Reads a string starting at the opening quote; returns its value. */
  readString(): string {
    const t = this.text;
    const start = this.pos + 1;
    let i = start;
    // Fast path: no escapes, the common case for every claim Zoom uses.
    for (;;) {
      if (i >= t.length) this.fail('unterminated string', this.pos);
      const c = t.charCodeAt(i);
      if (c === Ch.Quote) {
        this.pos = i + 1;
        return t.slice(start, i);
      }
      if (c === Ch.Backslash) break;
      if (c < 0x20) this.fail(`control character U+${c.toString(16).padStart(4, '0')} inside a string`, i);
      i++;
    }
    // Escapes: find the closing quote, then let the native JSON.parse unescape the literal (fast
    // for hostile escape-heavy input); the loop below only runs to explain a malformed literal.
    let j = i;
    while (j < t.length) {
      const d = t.charCodeAt(j);
      if (d === Ch.Backslash) j += 2;
      else if (d === Ch.Quote) break;
      else j++;
    }
    if (j < t.length) {
      try {
        const value = JSON.parse(t.slice(this.pos, j + 1)) as string;
        this.pos = j + 1;
        return value;
      } catch {
        // Fall through to the explaining loop.
      }
    }
    let out = t.slice(start, i);
    for (;;) {
      if (i >= t.length) this.fail('unterminated string', this.pos);
      const c = t.charCodeAt(i);
      if (c === Ch.Quote) {
        this.pos = i + 1;
        return out;
      }
      if (c < 0x20) this.fail(`control character U+${c.toString(16).padStart(4, '0')} inside a string`, i);
      if (c !== Ch.Backslash) {
        let j = i + 1;
        while (j < t.length) {
          const d = t.charCodeAt(j);
          if (d === Ch.Quote || d === Ch.Backslash || d < 0x20) break;
          j++;
        }
        out += t.slice(i, j);
        i = j;
        continue;
      }
      const e = t.charAt(i + 1);
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          i += 2;
          break;
        case 'b':
          out += '\b';
          i += 2;
          break;
        case 'f':
          out += '\f';
          i += 2;
          break;
        case 'n':
          out += '\n';
          i += 2;
          break;
        case 'r':
          out += '\r';
          i += 2;
          break;
        case 't':
          out += '\t';
          i += 2;
          break;
        case 'u': {
          let code = 0;
          for (let k = 2; k < 6; k++) {
            const h = hexValue(t.charCodeAt(i + k));
            if (h < 0) this.fail('bad \\u escape: four hex digits expected', i);
            code = code * 16 + h;
          }
          // Code units one at a time: a lone surrogate stays as JSON.parse leaves it.
          out += String.fromCharCode(code);
          i += 6;
          break;
        }
        default:
          this.fail(`bad escape \\${e}`, i);
      }
    }
  }

  /** Reads a number literal; returns its raw text (JSON grammar, checked strictly). */
  readNumber(): string {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === Ch.Minus) i++;
    const first = t.charCodeAt(i);
    if (first === Ch.Zero) {
      i++;
    } else if (first > Ch.Zero && first <= Ch.Nine) {
      while (i < t.length && isDigit(t.charCodeAt(i))) i++;
    } else {
      this.fail(`digit expected, found ${describeChar(t, i)}`, i);
    }
    if (t.charCodeAt(i) === Ch.Dot) {
      i++;
      if (!isDigit(t.charCodeAt(i))) this.fail(`digit expected after the decimal point, found ${describeChar(t, i)}`, i);
      while (i < t.length && isDigit(t.charCodeAt(i))) i++;
    }
    const e = t.charCodeAt(i);
    if (e === Ch.E || e === Ch.LowerE) {
      i++;
      const s = t.charCodeAt(i);
      if (s === Ch.Plus || s === Ch.Minus) i++;
      if (!isDigit(t.charCodeAt(i))) this.fail(`digit expected in the exponent, found ${describeChar(t, i)}`, i);
      while (i < t.length && isDigit(t.charCodeAt(i))) i++;
    }
    this.pos = i;
    return t.slice(start, i);
  }

  readWord(word: string): void {
    if (!this.text.startsWith(word, this.pos)) {
      this.fail(`unexpected ${describeChar(this.text, this.pos)}`);
    }
    this.pos += word.length;
  }

  /**
   * Skips a nested object or array, validating its grammar without building it; the caller parses
   * the (small, rare) raw text with JSON.parse. Iterative, so hostile nesting cannot overflow the stack.
   */
  skipNested(): void {
    const t = this.text;
    const stack: number[] = [];
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
        stack.push(c);
        // +1: the top-level object is depth 1.
        if (stack.length + 1 > this.maxDepth) this.maxDepth = stack.length + 1;
        if (stack.length + 1 > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
        this.pos++;
        this.skipWs();
        const close = c === Ch.OpenBrace ? Ch.CloseBrace : Ch.CloseBracket;
        if (t.charCodeAt(this.pos) === close) {
          this.pos++;
          stack.pop();
          if (!this.afterValue(stack)) return;
          continue;
        }
        if (c === Ch.OpenBrace) this.memberKey();
        continue;
      }
      // A scalar value.
      this.skipScalar();
      if (!this.afterValue(stack)) return;
    }
  }

  /** Inside an object: reads `"key" :` and leaves the position at the value. */
  memberKey(): string {
    if (this.text.charCodeAt(this.pos) !== Ch.Quote) {
      this.fail(`a quoted key expected, found ${describeChar(this.text, this.pos)}`);
    }
    const key = this.readString();
    this.skipWs();
    if (this.text.charCodeAt(this.pos) !== Ch.Colon) this.fail(`":" expected, found ${describeChar(this.text, this.pos)}`);
    this.pos++;
    this.skipWs();
    return key;
  }

  /** After a value inside nested containers: handles `,` and closing brackets. False when the outermost container closed. */
  afterValue(stack: number[]): boolean {
    const t = this.text;
    for (;;) {
      if (stack.length === 0) return false;
      this.skipWs();
      const top = stack[stack.length - 1]!;
      const c = t.charCodeAt(this.pos);
      if (c === Ch.Comma) {
        this.pos++;
        this.skipWs();
        if (top === Ch.OpenBrace) this.memberKey();
        return true;
      }
      const close = top === Ch.OpenBrace ? Ch.CloseBrace : Ch.CloseBracket;
      if (c !== close) {
        this.fail(`"," or "${String.fromCharCode(close)}" expected, found ${describeChar(t, this.pos)}`);
      }
      this.pos++;
      stack.pop();
    }
  }

  skipScalar(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.Quote) this.readString();
    else if (c === Ch.Minus || isDigit(c)) this.readNumber();
    else if (c === 116) this.readWord('true');
    else if (c === 102) this.readWord('false');
    else if (c === 110) this.readWord('null');
    else this.fail(`a value expected, found ${describeChar(this.text, this.pos)}`);
  }

  /** Reads one member value at the top level. */
  readMember(key: string): JsonMember {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === Ch.Quote) {
      const value = this.readString();
      return { key, raw: t.slice(start, this.pos), kind: 'string', value };
    }
    if (c === Ch.Minus || isDigit(c)) {
      const raw = this.readNumber();
      return { key, raw, kind: 'number', value: Number(raw) };
    }
    if (c === 116) {
      this.readWord('true');
      return { key, raw: 'true', kind: 'boolean', value: true };
    }
    if (c === 102) {
      this.readWord('false');
      return { key, raw: 'false', kind: 'boolean', value: false };
    }
    if (c === 110) {
      this.readWord('null');
      return { key, raw: 'null', kind: 'null', value: null };
    }
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
      this.skipNested();
      const raw = t.slice(start, this.pos);
      return { key, raw, kind: c === Ch.OpenBrace ? 'object' : 'array', value: JSON.parse(raw) as unknown };
    }
    this.fail(`a value expected, found ${describeChar(t, start)}`);
  }
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

function topLevelType(c: number): string {
  if (c === Ch.OpenBracket) return 'array';
  if (c === Ch.Quote) return 'string';
  if (c === 116 || c === 102) return 'boolean';
  if (c === 110) return 'null';
  return 'number';
}

/** Lexes `text` as one JSON object. Never throws. */
export function lexJsonObject(text: string): LexResult {
  const lx = new Lexer(text);
  try {
    lx.skipWs();
    const first = text.charCodeAt(lx.pos);
    if (first !== Ch.OpenBrace) {
      if (lx.pos >= text.length) return notJson('the text is empty', lx.pos);
      // Validate first so "not an object" is only said of valid JSON.
      const at = lx.pos;
      if (first === Ch.OpenBracket) lx.skipNested();
      else lx.skipScalar();
      lx.skipWs();
      if (lx.pos < text.length) lx.fail(`unexpected ${describeChar(text, lx.pos)} after the value`);
      const found = topLevelType(text.charCodeAt(at));
      return { ok: false, reason: 'not-object', message: `the JSON is ${articled(found)}, not an object`, offset: at, found };
    }
    lx.pos++;
    const value: Record<string, unknown> = {};
    const members: Record<string, JsonMember> = {};
    const duplicates: string[] = [];
    lx.skipWs();
    if (text.charCodeAt(lx.pos) === Ch.CloseBrace) {
      lx.pos++;
    } else {
      for (;;) {
        const key = lx.memberKey();
        const member = lx.readMember(key);
        if (Object.prototype.hasOwnProperty.call(members, key)) duplicates.push(key);
        put(members, key, member);
        put(value, key, member.value);
        lx.skipWs();
        const c = text.charCodeAt(lx.pos);
        if (c === Ch.Comma) {
          lx.pos++;
          lx.skipWs();
          continue;
        }
        if (c === Ch.CloseBrace) {
          lx.pos++;
          break;
        }
        lx.fail(`"," or "}" expected, found ${describeChar(text, lx.pos)}`);
      }
    }
    lx.skipWs();
    if (lx.pos < text.length) lx.fail(`unexpected ${describeChar(text, lx.pos)} after the object`);
    return { ok: true, value, members, duplicates, depth: lx.maxDepth };
  } catch (e) {
    if (e instanceof LexError) return notJson(e.message, e.offset);
    // JSON.parse of a nested value the lexer already validated, or an engine limit: still a result.
    return notJson(e instanceof Error ? e.message : 'unreadable JSON', lx.pos);
  }
}

function notJson(message: string, offset: number): LexResult {
  return { ok: false, reason: 'not-json', message, offset };
}

function articled(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
