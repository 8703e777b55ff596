/**
 * `sia-ae font` on a terminal: the dashboard beside training (ui/run-screen.tsx). The screen stays until q, or
 * closes when training ends with --exit-on-done.
 */
import { saveAutoencoder } from '../../nn/autoencoder-file.js';
import type { FontRun } from '../../commands/font.js';
import type { CommandContext } from '../../commands/command.js';
import { RunControl } from '../../train/drive.js';
import type { FontDone, FontEpoch, FontEvent } from '../../train/font.js';
import { runOnScreen } from '../run-screen.js';
import { FontDashboard } from './dashboard.js';
import { FontFeed, fontRunInfo } from './feed.js';
import type { Point } from '../state.js';

/** Where `s` saves when --save was not given. */
export const DEFAULT_MODEL_FILE = 'font-model.json';

export interface ScreenOutcome {
  /** Set when training ran to its end (else the user quit first). */
  done?: FontDone;
  last?: FontEpoch;
  /** Latent points the user kept in the explorer. */
  kept: Point[];
}

/**
 * `listener` sees every training event too (the export's history); `stdin` is the keyboard (process.stdin by
 * default; the benchmark passes a silent one).
 */
export async function showFontDashboard(
  run: FontRun, context: CommandContext, listener: (event: FontEvent) => void = () => {}, stdin: NodeJS.ReadStream = process.stdin,
): Promise<ScreenOutcome> {
  const stdout = context.stdout as NodeJS.WriteStream;
  const feed = new FontFeed();
  const control = new RunControl();
  const outcome: ScreenOutcome = { kept: [] };
  const file = run.config.save ?? DEFAULT_MODEL_FILE;
  const save = () => {
    saveAutoencoder(file, run.model, run.glyphs);
    return file;
  };
  const info = fontRunInfo(run);

  await runOnScreen(stdout, (
    <FontDashboard info={info} feed={feed} control={control} save={save} color={stdout.hasColors?.() ?? false} onQuit={(state) => (outcome.kept = state.kept)} />
  ), {
    events: run.events,
    onEvent: (event) => {
      if (event.type === 'epoch') outcome.last = event;
      else outcome.done = event;
      listener(event);
      feed.push(event);
    },
    control,
    feed,
    onFinished: () => (run.config.save ? `saved the model to ${save()}` : undefined),
    exitOnDone: run.config.exitOnDone,
  }, stdin);
  return outcome;
}
