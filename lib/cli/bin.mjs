#!/usr/bin/env node
// Runs the CLI from the sources through tsx: bin/join-doctor.mjs (the package's `join-doctor` bin)
// comes here in a clone; the npm package runs the compiled dist/cli.mjs (scripts/build-package.mjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
