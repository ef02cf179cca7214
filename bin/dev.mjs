#!/usr/bin/env node
// `npm run dev`: the TypeScript sources run through tsx, no build; `tsx watch` restarts the
// server when a source changes (templates reload without a restart in development).
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv);
