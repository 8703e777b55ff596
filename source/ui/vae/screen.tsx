/**
 * `sia-ae vae` on a terminal: the dashboard beside training (ui/run-screen.tsx); it stays until q, then the
 * summary (or where the checkpoints went) stays in the terminal.
 */
import { vaeOutcomeText, vaeStoppedLine } from '../../report/vae.js';
import type { RunContext } from '../../run/context.js';
import type { Observer } from '../../run/observe.js';
import type { VaeRun } from '../../run/vae.js';
import { watchOnScreen } from '../run-screen.js';
import { VaeDashboard } from './dashboard.js';
import { VaeFeed, type VaeRunInfo } from './feed.js';
import { backendDisplayName } from '../../render/backend-name.js';
import { terminalCapabilities } from '../capabilities.js';
import { backendLine } from '../../report/backend-line.js';

export function vaeScreen(context: RunContext): Observer<VaeRun> {
  const out = context.stdout;
  let run: VaeRun;
  return {
    async watch(started) {
      run = started;
      await showVaeDashboard(run, out as NodeJS.WriteStream);
    },
    result: (outcome) =>
      out.write(
        backendLine(run.backend.backend.name, run.backend.reason) +
          vaeOutcomeText(run, outcome, { columns: context.columns, color: true }),
      ),
    stopped: (stopped) =>
      out.write(backendLine(run.backend.backend.name, run.backend.reason) + vaeStoppedLine(stopped)),
  };
}

/** What the dashboard shows of the run, fixed for its whole length. */
export function vaeRunInfo(run: VaeRun): VaeRunInfo {
  return {
    architecture: run.trainings[0].model.architecture,
    dataset: run.plan.data.dataset,
    classNames: run.plan.dataset.classNames,
    backend: backendDisplayName(run.backend.backend.name),
    epochs: run.plan.epochs,
    optimizers: run.optimizers,
  };
}

async function showVaeDashboard(run: VaeRun, stdout: NodeJS.WriteStream): Promise<void> {
  const feed = new VaeFeed(run.optimizers);
  const save = async () => (await run.saveCheckpoints()).join(', ');
  const dashboard = (
    <VaeDashboard
      info={vaeRunInfo(run)}
      feed={feed}
      control={run.control}
      save={save}
      color={terminalCapabilities(process.env, stdout).color}
    />
  );
  const end = run.plan.saveAtEnd
    ? `training done; the checkpoint goes to ${run.plan.checkpoints.join(', ')} when you quit`
    : 'training done: q quits';
  await watchOnScreen(run, stdout, dashboard, feed, { onFinished: () => end });
}
