/** What every subcommand provides: its flags, its help, and a run function fed with validated settings. */
import type { RawSettings } from '../config.js';
import type { RunContext } from '../run/context.js';

export type { OutputMode } from '../run/context.js';

export interface FlagSpec {
  type: 'string' | 'boolean';
  shortFlag?: string;
  isMultiple?: boolean;
}

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

/** Flags of every trainer (docs/CONTRACTS.md, commands). */
export const TRAINER_FLAGS: Record<string, FlagSpec> = {
  config: { type: 'string' },
  seed: { type: 'string' },
  epochs: { type: 'string' },
  lr: { type: 'string' },
  optimizer: { type: 'string' },
  backend: { type: 'string' },
  save: { type: 'string' },
  load: { type: 'string' },
};

/** Flags that choose the output, taken by every command that prints results. */
export const OUTPUT_FLAGS: Record<string, FlagSpec> = {
  json: { type: 'boolean' },
  plain: { type: 'boolean' },
};

/** Every command reads --config (cli.tsx merges the file under the flags). */
export const CONFIG_HELP = `    --config FILE     JSON file of settings (keys as the flags, in camelCase);
                      flags override it`;

export const TRAINER_HELP = `
  Every trainer also takes
${CONFIG_HELP}
    --seed N          random seed: the same seed gives the same numbers on the
                      same backend
    --epochs N        most epochs to train
    --lr X            learning rate (> 0)
    --optimizer NAME  adam | rmsprop | sgd | momentum
    --backend NAME    auto | cpu | gpu | reference | cpu-js | wasm-simd
                      | wasm-simd-2t | headlessgl | webgl | webgl2 | webgpu
                      | webasm. auto uses gpu.js only where it beats the CPU
                      kernels on this run's matrices; cpu is the fastest CPU one
    --save FILE       write the trained model here (atomically; checked before
                      training; a symlink's target is written)
    --load FILE       start from a saved model
    --json            newline-delimited JSON on stdout: epoch lines, then one
                      result line
    --plain           readable text lines (the default when stdout is not a
                      terminal)

  Exit status: 0 done, 1 failed, 2 bad input, 130 stopped before the end (q,
  Ctrl-C, SIGTERM, SIGHUP, a closed terminal). A stopped run saves first: the
  VAE its checkpoint, font and denoise their model when --save is given.`;
