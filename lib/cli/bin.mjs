#!/usr/bin/env node
// Runs the CLI from the sources through tsx (development and the repo's own tests). The package's
// `join-doctor` bin is the compiled dist/cli.mjs (npm pack builds it; see scripts/build-package.mjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
