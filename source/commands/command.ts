/** What every subcommand provides: its flags, its help, and a run function fed with validated settings. */
import type { RawSettings } from '../config.js';
import type { FlagSpec } from '../options/option.js';

export type OutputMode = 'screen' | 'plain' | 'json';

export interface CommandContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream;
  output: OutputMode;
  /** Terminal width for plain output (80 when unknown). */
  columns: number;
}

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
