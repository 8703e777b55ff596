#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step, so `npm install` leaves a working sia-ae.
import { register } from 'tsx/esm/api';

register();
await import('../source/cli.tsx');
