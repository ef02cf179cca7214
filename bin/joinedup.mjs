#!/usr/bin/env node
// Runs the compiled code in dist/. On a fresh clone, or after a source changed, it first builds
// dist/ from src/ (a few seconds); the check itself compares modification times (milliseconds).
import { build, isStale } from './build.mjs';

if (isStale()) await build();
const { runCli } = await import('../dist/cli.js');
await runCli(process.argv);
