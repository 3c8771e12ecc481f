export { readHar, DEFAULT_MAX_STRING } from './read';
export type { HarInput, ReadHarOptions, ChunkStream } from './read';
export { clockText, harSectionMarkdown } from './har-section';
export type * from './types';
export { sdkCodeForAnswer } from '../zoom/wc-info-codes';
export type { SdkView } from '../zoom/wc-info-codes';
export { sanitizeHar, HarSanitizer, REMOVED_KINDS, DEFAULT_SANITIZE_MAX_STRING } from './sanitize';
export type { SanitizeOptions, SanitizeSummary, RemovedKind } from './sanitize';
