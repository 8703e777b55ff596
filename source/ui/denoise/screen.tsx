/**
 * `sia-ae denoise` (one run) on a terminal: the dashboard beside training (ui/run-screen.tsx); it stays until q,
 * then the score stays in the terminal as the plain output writes it.
 */
import { describeNoise } from '../../data/noise.js';
import { denoiseOutcomeText } from '../../report/denoise.js';
import { writeStoppedText } from '../../report/stopped.js';
import type { RunContext } from '../../run/context.js';
import type { DenoiseRun } from '../../run/denoise.js';
import type { Observer } from '../../run/observe.js';
import { GlyphFeed } from '../glyph-feed.js';
import { watchOnScreen } from '../run-screen.js';
import { DenoiseDashboard } from './dashboard.js';
import { TripletScorer } from './scorer.js';
import { ModelSnapshot } from '../../nn/model-snapshot.js';
import { backendDisplayName } from '../../render/backend-name.js';
import { terminalCapabilities } from '../capabilities.js';
import { backendLine } from '../../report/backend-line.js';

/** Where `s` saves when --save was not given. */
const DEFAULT_DENOISE_FILE = 'denoise-model.json';

export function denoiseScreen(context: RunContext): Observer<DenoiseRun> {
  const out = context.stdout;
  let run: DenoiseRun;
  const leave = (text: () => void) => {
    out.write(backendLine(run.backend.backend.name, run.backend.reason));
    text();
  };
  return {
    async watch(started) {
      run = started;
      await showDenoiseDashboard(run, out as NodeJS.WriteStream);
    },
    result: (outcome) => leave(() => out.write(denoiseOutcomeText(run, outcome, context.columns))),
    stopped: (stopped) => leave(() => writeStoppedText(out, stopped)),
  };
}

async function showDenoiseDashboard(run: DenoiseRun, stdout: NodeJS.WriteStream): Promise<void> {
  const { plan } = run;
  const feed = new GlyphFeed();
  const file = plan.save ?? DEFAULT_DENOISE_FILE;
  const info = {
    glyphs: run.glyphs,
    architecture: run.architecture,
    noise: describeNoise(plan.noise),
    backend: backendDisplayName(run.backend.backend.name),
    maxEpochs: plan.maxEpochs,
    scorer: new TripletScorer(new ModelSnapshot(run.model, plan.views), run.glyphs, plan.noise, plan.copies, plan.seed),
  };
  const dashboard = (
    <DenoiseDashboard
      info={info}
      feed={feed}
      control={run.control}
      save={() => run.saveTo(file)}
      color={terminalCapabilities(process.env, stdout).color}
    />
  );
  await watchOnScreen(run, stdout, dashboard, feed, {
    onFinished: () => 'training done: q quits and leaves the score on the terminal',
  });
}
