/** Constructors so senders never hand-write the envelope. */
import type { BackgroundMessage, PanelMessage } from './messages';
import { PROTOCOL_VERSION, SOURCE } from './version';

type Without<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;

export function panelMessage(m: Without<PanelMessage, 'source' | 'v'>): PanelMessage {
  return { source: SOURCE.panel, v: PROTOCOL_VERSION, ...m } as PanelMessage;
}

export function backgroundMessage(m: Without<BackgroundMessage, 'source' | 'v'>): BackgroundMessage {
  return { source: SOURCE.background, v: PROTOCOL_VERSION, ...m } as BackgroundMessage;
}
