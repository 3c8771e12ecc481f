/**
 * Every message between the extension's contexts carries a `source` marker and the protocol
 * version, so a mismatched end (an old content script after an extension update) says so
 * instead of misbehaving.
 */
export const PROTOCOL_VERSION = 1;

export const SOURCE = {
  hook: 'join-doctor/hook',
  relay: 'join-doctor/relay',
  devtools: 'join-doctor/devtools',
  panel: 'join-doctor/panel',
  background: 'join-doctor/background',
} as const;
export type Source = (typeof SOURCE)[keyof typeof SOURCE];

/** Port name the panel connects with. */
export const PANEL_PORT_NAME = 'join-doctor/panel';

/**
 * DOM event names of the hook ↔ relay handshake. The data channel itself is a CustomEvent whose
 * type is a random nonce only hook and relay know, so page code can neither observe nor forge it.
 */
export const HANDSHAKE = {
  /** Relay → hook: "I am listening, tell me your channel". */
  ready: 'join-doctor:relay-ready',
  /** Hook → relay: detail is the secret channel name. */
  hello: 'join-doctor:hook-hello',
} as const;
