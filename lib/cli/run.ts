// The compiled CLI's entry (dist/cli.mjs, built by scripts/build-package.mjs); bin.mjs runs the sources through tsx.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
