/** Types for scripts/serve-web.mjs (imported by the browser tests and the triage bench). */
export declare function serveWeb(dir: string, port?: number, opts?: { isolated?: boolean }): Promise<{ origin: string; close(): Promise<void> }>;
