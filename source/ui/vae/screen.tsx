/** `sia-ae vae` on a terminal: the dashboard beside training (ui/run-screen.tsx); it stays until q. */
import type { RunEvent } from '../../train/vae.js';
import { runFedScreen, type ScreenRun } from '../run-screen.js';
import { VaeDashboard } from './dashboard.js';
import { VaeFeed, type VaeRunInfo } from './feed.js';

export async function showVaeDashboard(info: VaeRunInfo, run: ScreenRun<RunEvent>, stdout: NodeJS.WriteStream): Promise<void> {
  const feed = new VaeFeed(info.optimizers);
  const color = stdout.hasColors?.() ?? false;
  await runFedScreen(stdout, <VaeDashboard info={info} feed={feed} control={run.control} save={run.save} color={color} />, feed, run);
}
