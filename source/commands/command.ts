/** What every subcommand provides: its flags, its help, and a run function fed with validated settings. */
import type { RawSettings } from '../config.js';
import type { FlagSpec } from '../options/option.js';
import type { RunContext } from '../run/context.js';

export type { OutputMode } from '../run/context.js';

/** How a command sees the terminal: a run's context (run/context.ts). */
export type CommandContext = RunContext;

export interface Command {
  name: string;
  /** One line for `sia-ae --help`. */
  summary: string;
  /** The whole `sia-ae NAME --help` text. */
  help: string;
  flags: Record<string, FlagSpec>;
  /** Names of positional arguments (`sia-ae export --model F DIR`: ['dir']), handed over as settings of those names. */
  arguments?: readonly string[];
  /** Returns the exit status. Throws UsageError for bad input. */
  run(settings: RawSettings, context: CommandContext): Promise<number>;
}
