/** `sia-ae vae` on a terminal: the dashboard beside training (ui/run-screen.tsx); it stays until q. */
import type { RunEvent } from '../../report/vae.js';
import type { RunControl } from '../../train/drive.js';
import { runOnScreen } from '../run-screen.js';
import { VaeDashboard } from './dashboard.js';
import { VaeFeed, type VaeRunInfo } from './feed.js';

export interface VaeScreenRun {
  info: VaeRunInfo;
  events: Iterator<RunEvent>;
  /** Sees every event too (the command keeps the runs' done events). */
  onEvent: (event: RunEvent) => void;
  control: RunControl;
  /** Saves a checkpoint of every run; returns the files. */
  save: () => string;
  /** Runs when training reached its end; returns a notice for the screen, if any. */
  onFinished?: () => string | undefined;
}

export async function showVaeDashboard(run: VaeScreenRun, stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream = process.stdin): Promise<void> {
  const feed = new VaeFeed(run.info.optimizers);
  await runOnScreen(stdout, <VaeDashboard info={run.info} feed={feed} control={run.control} save={run.save} color={stdout.hasColors?.() ?? false} />, {
    events: run.events,
    onEvent: (event) => {
      run.onEvent(event);
      feed.push(event);
    },
    control: run.control,
    feed,
    onFinished: run.onFinished,
  }, stdin);
}
