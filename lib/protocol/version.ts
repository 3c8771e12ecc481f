/**
 * Every message between the extension's contexts carries a `source` marker and the protocol
 * version, so a mismatched end (an old content script after an extension update) says so
 * instead of misbehaving.
 */
export const PROTOCOL_VERSION = 1;

/**
 * The hook's marker, on its own so the MAIN-world hook can import it as one inlined string
 * (importing SOURCE would ship the whole object in the hook's 4 KB).
 */
export const HOOK_SOURCE = 'join-doctor/hook';

export const SOURCE = {
  hook: HOOK_SOURCE,
  relay: 'join-doctor/relay',
  devtools: 'join-doctor/devtools',
  panel: 'join-doctor/panel',
  background: 'join-doctor/background',
} as const;
export type Source = (typeof SOURCE)[keyof typeof SOURCE];

/** Port name the panel connects with. */
export const PANEL_PORT_NAME = 'join-doctor/panel';

/*
 * DOM event names of the hook ↔ relay handshake. The data channel itself is a CustomEvent whose
 * type is a random nonce only hook and relay know, so page code can neither observe nor forge it.
 * Separate plain constants so the hook's bundle inlines them as strings.
 */
/** Every DOM event name of ours starts with this, the secret channel's included. */
export const CHANNEL_PREFIX = 'join-doctor:';
/** Relay → hook: "I am listening, tell me your channel". */
export const HANDSHAKE_READY = 'join-doctor:relay-ready';
/** Hook → relay: detail is the secret channel name. */
export const HANDSHAKE_HELLO = 'join-doctor:hook-hello';
export const HANDSHAKE = { ready: HANDSHAKE_READY, hello: HANDSHAKE_HELLO } as const;
