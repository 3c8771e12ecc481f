#!/usr/bin/env node
// The `join-doctor` command. In a clone the sources are here, so it runs them through tsx (a dev
// dependency): `npx join-doctor …` works after a plain `npm install`, with no build step and never
// from a stale build. In the npm package (no sources, see "files") it runs the compiled dist/cli.mjs.
import { existsSync } from 'node:fs';

const fromSources = existsSync(new URL('../lib/cli/main.ts', import.meta.url));
await import(fromSources ? '../lib/cli/bin.mjs' : '../dist/cli.mjs');
