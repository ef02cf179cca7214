import type { Command } from 'commander';

/** `joinedup generate`: synthetic national data for benchmarks and demonstrations. */
export function nationalCommands(_program: Command): void {}
