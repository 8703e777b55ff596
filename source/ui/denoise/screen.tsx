/** `sia-ae denoise` (one run) on a terminal: the dashboard beside training (ui/run-screen.tsx); it stays until q. */
import type { RunControl } from '../../train/drive.js';
import type { FontEvent } from '../../train/font.js';
import { FontFeed } from '../font/feed.js';
import { runOnScreen } from '../run-screen.js';
import { DenoiseDashboard, type DenoiseRunInfo } from './dashboard.js';

export interface DenoiseScreenRun {
  info: DenoiseRunInfo;
  events: Iterator<FontEvent>;
  /** Sees every event too (the command's history and done event). */
  onEvent: (event: FontEvent) => void;
  control: RunControl;
  save: () => string;
  onFinished?: () => string | undefined;
}

export async function showDenoiseDashboard(run: DenoiseScreenRun, stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream = process.stdin): Promise<void> {
  const feed = new FontFeed();
  await runOnScreen(stdout, <DenoiseDashboard info={run.info} feed={feed} control={run.control} save={run.save} color={stdout.hasColors?.() ?? false} />, {
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
