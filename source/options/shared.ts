/** Options several commands share, declared once: the trainer's, the output's, --config and --export. */
import { LEARNING_RATE_RULE, parseString, SEED_RULE, type RawSettings } from '../config.js';
import { checkExportDirectory, type OtherPaths } from '../export/directory.js';
import { checkOutputFile } from '../io/files.js';
import { BACKEND_CHOICES } from '../math/select.js';
import { defaultWorkers } from '../sweep/pool.js';
import { custom, decimal, flagOnly, text, whole } from './kinds.js';
import { optionsHelp } from './help.js';
import type { OptionTable, Scope } from './option.js';

/** The --help section of every trainer's shared options. */
export const TRAINER = 'trainer';
/** The --help section of --export. */
export const EXPORT = 'export';

/** Every command reads --config (cli.tsx merges the file under the flags). */
export const configOption = (group: string) =>
  flagOnly({
    placeholder: 'FILE',
    group,
    help: 'JSON file of settings (keys as the flags, in camelCase); flags override it',
  });

/** How results are printed; cli.tsx reads them before the command does. */
export const outputOptions = (group: string, json: string) => ({
  json: flagOnly({ type: 'boolean', group, help: json }),
  plain: flagOnly({ type: 'boolean', group, help: 'readable text lines (the default when stdout is not a terminal)' }),
});

export const seedOption = (fallback: number, group = TRAINER) =>
  whole(fallback, SEED_RULE, {
    group,
    help: 'random seed: the same seed gives the same numbers on the same backend',
  });

export const epochsOption = (fallback: number) =>
  whole(
    fallback,
    { min: 1 },
    {
      group: TRAINER,
      help: 'most epochs to train',
    },
  );

export const lrOption = (fallback: number) =>
  decimal(fallback, LEARNING_RATE_RULE, {
    group: TRAINER,
    help: 'learning rate (> 0)',
  });

/** --backend is resolved by backend-choice.ts when the run starts its backend. */
const backendOption = flagOnly({
  placeholder: 'NAME',
  group: TRAINER,
  help:
    `${BACKEND_CHOICES.join(' | ')}. auto uses gpu.js only where it beats the CPU kernels on this run's matrices,` +
    ' and the WebGPU device trainer only on a hardware GPU that wins a race of whole training steps; webgpu trains' +
    ' on the device (gpu: only on a hardware adapter; sia-ae doctor says what this machine has); cpu is the' +
    ' fastest CPU one',
});

/** --pace N: a glyph run (font, denoise) held to at most N epochs a second, for a class to watch it learn. */
export const paceOption = (group: string) =>
  whole(undefined, { min: 1 }, { group, scope: 'run', help: 'at most N epochs a second, to watch it learn' });

/** --save FILE, checked when read (unless the run checks it later), so that a bad path fails before training. */
export const saveOption = (checkNow = true) =>
  custom<string | undefined>(
    undefined,
    (key, value) => {
      const file = parseString(key, value);
      if (checkNow) checkOutputFile(file, `--save ${file}`);
      return file;
    },
    {
      placeholder: 'FILE',
      group: TRAINER,
      scope: 'run',
      help: "write the trained model here (atomically; checked before training; a symlink's target is written)",
    },
  );

export const loadOption = () =>
  text({
    placeholder: 'FILE',
    group: TRAINER,
    scope: 'run',
    help: 'start from a saved model',
  });

/** A sweep's seeds per grid point. */
export const seedsOption = (group: string, help: string) =>
  whole(
    1,
    { min: 1, max: 100 },
    {
      group,
      scope: 'sweep',
      help,
    },
  );

/** A sweep's worker threads. */
export const workersOption = (group: string) =>
  whole(
    defaultWorkers(),
    { min: 1, max: 64 },
    {
      group,
      scope: 'sweep',
      shown: 'the cores available',
      help: 'worker threads',
    },
  );

/** The trainers' flags read before their config: the config file, the backend and the output. */
export const trainerFlags = () => ({
  config: configOption(TRAINER),
  backend: backendOption,
  ...outputOptions(TRAINER, 'newline-delimited JSON on stdout: epoch lines, then one result line'),
});

/** --export DIR, checked now so that a bad one fails before training, not after it. */
export const exportOption = (scope: Scope = 'both') =>
  custom<string | undefined>(
    undefined,
    (key, value, settings) => {
      const dir = parseString(key, value);
      // A model file the export would own (--save D/model.json --export D) is refused with the directory.
      const others: OtherPaths = { '--save': pathSetting(settings, 'save'), '--load': pathSetting(settings, 'load') };
      checkExportDirectory(dir, undefined, others);
      return dir;
    },
    {
      placeholder: 'DIR',
      group: EXPORT,
      scope,
      help:
        'write figures (SVG), tables (CSV, Markdown), result.json and report.md to DIR: new, empty or an earlier' +
        " export (whose files it replaces); a symlink's target is used",
    },
  );

const pathSetting = (settings: RawSettings, key: string) => {
  const value = settings[key];
  return typeof value === 'string' ? value : undefined;
};

/** The closing part of every trainer's help: its shared options, and what its exit status means. */
export function trainerHelp(table: OptionTable): string {
  return `
  Every trainer also takes
${optionsHelp(table, TRAINER)}

  Exit status: 0 done, 1 failed, 2 bad input, 130 stopped before the end (q,
  Ctrl-C, SIGTERM, SIGHUP, a closed terminal). A stopped run saves first: the
  VAE its checkpoint, font and denoise their model when --save is given.`;
}
