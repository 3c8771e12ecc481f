/** A top-level member of a JWT header or payload, as it was written in the raw JSON text. */
export interface JsonMember {
  key: string;
  /** The literal exactly as written, e.g. `1795912284.0` or `"123"`. */
  raw: string;
  kind: 'number' | 'string' | 'boolean' | 'null' | 'object' | 'array';
  /** The value as JSON.parse would give it. */
  value: unknown;
}

/** Why a token could not be (fully) decoded. One code per distinct cause. */
export type DecodeProblemCode =
  | 'not-a-string' // undefined, number, object passed as the signature
  | 'empty'
  | 'too-large' // longer than MAX_TOKEN_LENGTH: analysed no further
  | 'segment-count' // not three dot-separated segments
  | 'segment-encoding' // a segment is not valid base64url (or base64) at all
  | 'header-not-json'
  | 'payload-not-json'
  | 'header-not-object'
  | 'payload-not-object'
  | 'duplicate-claim'; // the same key twice in the raw JSON (JSON.parse keeps the last)

export interface DecodeProblem {
  code: DecodeProblemCode;
  message: string;
  /** Which part the problem is in, when it is in one. */
  part?: 'header' | 'payload' | 'signature';
}

/**
 * Everything the rules need to know about one signature argument.
 * `decodeSignature` builds it from any input and never throws.
 */
export interface DecodedToken {
  /** A short description of what was passed in when it was not a string ("object", "undefined"). */
  inputType: string;
  /** The string as given (null when the input was not a string, or when it was too large to keep). */
  original: string | null;
  /** Length of the original string (0 when not a string). */
  length: number;
  /**
   * The token after removing what generators commonly wrap it in (surrounding whitespace,
   * newlines, quotes); this is what was decoded. Null when nothing usable was found.
   */
  token: string | null;
  /** What had to be stripped to get `token` from `original`. */
  stripped: { whitespace: boolean; quotes: boolean; innerWhitespace: boolean };
  /** The dot-separated segments of `token` (may be fewer or more than 3). */
  segments: string[];
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  /** The decoded JSON text of header and payload, exactly as the generator wrote it. */
  headerJson: string | null;
  payloadJson: string | null;
  /** Top-level members with their literal text (keys as written). */
  headerMembers: Record<string, JsonMember> | null;
  payloadMembers: Record<string, JsonMember> | null;
  /** Segments that use the standard base64 alphabet or padding (`+`, `/`, `=`). */
  nonUrlSafeSegments: Array<'header' | 'payload' | 'signature'>;
  /**
   * Segments written by .NET `HttpServerUtility.UrlTokenEncode` (a padding-count digit "0"/"1"/"2"
   * appended instead of `=` padding), decoded without that digit. Absent when there are none.
   */
  urlTokenSegments?: Array<'header' | 'payload' | 'signature'>;
  problems: DecodeProblem[];
}
