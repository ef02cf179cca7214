import type { Command } from 'commander';

/** import, export, backup and restore commands (added by the exchange module). */
export function exchangeCommands(_program: Command): void {}
