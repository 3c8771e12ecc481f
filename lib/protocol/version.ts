/**
 * Every message between the extension's contexts carries a `source` marker and the protocol
 * version, so a mismatched end (an old content script after an extension update) says so
 * instead of misbehaving.
 */
export const PROTOCOL_VERSION = 1;

/**
 * The hook's marker. The hook itself sends none (its channel is secret, ./hook-wire.ts): a window
 * message carrying it is forged (validate.ts classifyWindowMessage).
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
/** Relay → hook: "I am listening, tell me your channel". */
export const HANDSHAKE_READY = 'join-doctor:ready';
/** Hook → relay: detail is the secret channel name. */
export const HANDSHAKE_HELLO = 'join-doctor:hello';
export const HANDSHAKE = { ready: HANDSHAKE_READY, hello: HANDSHAKE_HELLO } as const;

/**
 * The secret channel's name as the hook makes it: four random uint32s joined by '-'
 * (crypto.getRandomValues; randomUUID is missing on plain-http pages). A hello carrying anything
 * else is forged. Bounded quantifiers, so linear on whatever a page puts there.
 */
export const isChannelName = (v: unknown): v is string => typeof v === 'string' && /^\d{1,10}(?:-\d{1,10}){3}$/.test(v);
