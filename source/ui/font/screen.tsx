/**
 * `sia-ae font` on a terminal: the dashboard on the alternate screen while training runs in slices beside it
 * (drive() yields to the event loop every few milliseconds, so keys are answered and frames drawn meanwhile).
 * The screen stays until q, or closes when training ends with --exit-on-done; the terminal is restored either way.
 */
import { render } from 'ink';
import { saveAutoencoder } from '../../nn/autoencoder-file.js';
import type { FontRun } from '../../commands/font.js';
import type { CommandContext } from '../../commands/command.js';
import { drive, RunControl } from '../../train/drive.js';
import type { FontDone, FontEpoch, FontEvent } from '../../train/font.js';
import { CLEAR_SCREEN, enterAlternateScreen } from '../terminal.js';
import { FontDashboard } from './dashboard.js';
import { FontFeed, fontRunInfo } from './feed.js';
import type { Point } from './state.js';

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

  const restore = enterAlternateScreen(stdout);
  const app = render(
    <FontDashboard info={info} feed={feed} control={control} save={save} color={stdout.hasColors?.() ?? false} onQuit={(state) => (outcome.kept = state.kept)} />,
    { stdout, stdin, exitOnCtrlC: false, patchConsole: false },
  );
  const redrawAll = () => {
    app.clear();
    stdout.write(CLEAR_SCREEN);
  };
  const stopOnSignal = () => app.unmount();
  stdout.on('resize', redrawAll);
  process.on('SIGTERM', stopOnSignal).on('SIGHUP', stopOnSignal);

  let failure: unknown;
  const training = drive(run.events, (event) => {
    if (event.type === 'epoch') outcome.last = event;
    else outcome.done = event;
    listener(event);
    feed.push(event);
  }, control).then(() => {
    if (outcome.done && run.config.save) feed.tell(`saved the model to ${save()}`);
    // Without a keyboard nobody could press q: leave as soon as training ends.
    if (outcome.done && (run.config.exitOnDone || !stdin.isTTY)) app.unmount();
  }).catch((error: unknown) => {
    failure = error;
    feed.fail();
    app.unmount();
  });

  try {
    await app.waitUntilExit();
  } finally {
    control.stop();
    await training;
    stdout.off('resize', redrawAll);
    process.off('SIGTERM', stopOnSignal).off('SIGHUP', stopOnSignal);
    restore();
  }
  if (failure) throw failure;
  return outcome;
}
