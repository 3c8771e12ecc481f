import type { JoinRule } from './types';
// Page and assets (issue 10 §4–5).
import { pageNotIsolated } from './page-not-isolated';
import { assetHttpError } from './asset-http-error';
import { assetWrongMime } from './asset-wrong-mime';
import { assetBlockedByClient } from './asset-blocked-by-client';
import { cspWasmBlocked } from './csp-wasm-blocked';
import { cspBlocksZoom } from './csp-blocks-zoom';

/**
 * The join-rule catalogue, in the order findings of equal severity are listed after the token's:
 * Zoom's answer, then the arguments, then the page and the assets.
 */
export const joinRules: readonly JoinRule[] = [
  // Page and assets (issue 10 §4–5).
  pageNotIsolated,
  assetHttpError,
  assetWrongMime,
  assetBlockedByClient,
  cspWasmBlocked,
  cspBlocksZoom,
];
