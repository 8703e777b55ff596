#!/usr/bin/env node
// Runs the compiled program (dist/): `npm install` / `npm ci` build it (the prepare script), a packed tarball
// carries it, and nothing is transpiled at run time, so it runs the same from any folder.
await import('../dist/cli.js');
