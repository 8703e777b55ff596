/** `sia-ae denoise` (one run) on a terminal: the dashboard beside training (ui/run-screen.tsx); it stays until q. */
import type { FontEvent } from '../../train/font.js';
import { FontFeed } from '../font/feed.js';
import { runFedScreen, type ScreenRun } from '../run-screen.js';
import { DenoiseDashboard, type DenoiseRunInfo } from './dashboard.js';

export async function showDenoiseDashboard(info: DenoiseRunInfo, run: ScreenRun<FontEvent>, stdout: NodeJS.WriteStream): Promise<void> {
  const feed = new FontFeed();
  const color = stdout.hasColors?.() ?? false;
  await runFedScreen(stdout, <DenoiseDashboard info={info} feed={feed} control={run.control} save={run.save} color={color} />, feed, run);
}
