#!/usr/bin/env node
// The CLI is TypeScript that shares lib/ with the extension; tsx compiles it on the fly so that
// `npx join-doctor` works right after `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
