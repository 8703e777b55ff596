/** `sia-ae bench`: times the compute backends on this machine, side by side in one run. */
import { timeFontEpochs, timeToTarget } from '../bench/font.js';
import { timeVaeSteps, type VaeTiming } from '../bench/vae.js';
import type { Backend } from '../math/backend.js';
import { BACKEND_FACTORIES, createCpuBackend } from '../math/select.js';
import { renderTable } from '../render/table.js';
import { writeJsonLine } from '../report/json.js';
import { parseChoice, parseNumber, rejectUnknown, setting, type RawSettings } from '../config.js';
import { OUTPUT_FLAGS, type Command, type CommandContext } from './command.js';

/** The architecture whose PyTorch epoch time the issue quotes (0.9 ms with 2 threads). */
const REFERENCE_LAYERS = [35, 60, 40, 20, 2];

interface BackendStatus {
  name: string;
  available: boolean;
  reason?: string;
  backend?: Backend;
}

function startAll(): BackendStatus[] {
  return BACKEND_FACTORIES.map(({ name, create }) => {
    try {
      return { name, available: true, backend: create() };
    } catch (error) {
      return { name, available: false, reason: (error as Error).message };
    }
  });
}

/** The VAE section: PyTorch's example network on the default CPU backend. */
function timeVae(): VaeTiming {
  const backend = createCpuBackend();
  try {
    return timeVaeSteps(backend);
  } finally {
    backend.dispose();
  }
}

const vaeLine = (v: VaeTiming) =>
  `VAE ${v.architecture}, batch ${v.batch}, Adam, on ${v.backend}: ${Math.round(v.samplesPerSecond)} samples/s (median of ${v.steps} steps)\n`
  + `peak memory ${Math.round(v.peakMemoryMB)} MB with MNIST loaded\n`;

async function runBench(settings: RawSettings, context: CommandContext): Promise<number> {
  rejectUnknown(settings, ['seeds', 'screen', 'only', ...Object.keys(OUTPUT_FLAGS)], 'bench');
  if (settings.screen) return runScreenBench(context);
  const seeds = setting(settings, 'seeds', 10, (k, v) => parseNumber(k, v, { min: 1, max: 100, integer: true }));
  const only = setting(settings, 'only', undefined, (k, v) => parseChoice(k, v, ['font', 'vae']));
  const json = context.output === 'json';
  const progress = (line: string) => { if (!json) context.stderr.write(`${line}\n`); };
  const statuses = only === 'vae' ? [] : startAll();
  const rows = statuses.map((status) => {
    if (!status.backend) return { name: status.name, available: false, reason: status.reason };
    progress(`timing ${status.name} ...`);
    const epoch = timeFontEpochs(status.backend, REFERENCE_LAYERS, 0.01, status.name === 'reference' ? 50 : 300);
    const target = status.name === 'reference' ? undefined : timeToTarget(status.backend, seeds);
    status.backend.dispose();
    return { name: status.name, available: true, fontMsPerEpoch: epoch.msPerEpoch, fontSecondsToTarget: target?.medianSeconds, fontSeedsReached: target && `${target.reached}/${target.seeds}` };
  });
  const auto = rows.filter((r) => r.available && r.fontMsPerEpoch !== undefined && r.name !== 'reference')
    .sort((a, b) => a.fontMsPerEpoch! - b.fontMsPerEpoch!)[0]?.name;
  if (only !== 'font') progress('timing the VAE ...');
  const vae = only === 'font' ? undefined : timeVae();
  if (json) {
    writeJsonLine(context.stdout, { event: 'result', experiment: 'bench', backends: rows, auto, vae });
    return 0;
  }
  if (only !== 'vae') {
    context.stdout.write(`font autoencoder ${REFERENCE_LAYERS.join('-')}, full batch of 32, Adam: median ms per epoch; defaults' median time to target over ${seeds} seeds\n\n`);
    context.stdout.write(renderTable(
      ['backend', 'ms/epoch', 's to target', 'reached'],
      rows.map((r) => r.available
        ? [r.name, r.fontMsPerEpoch!.toFixed(3), r.fontSecondsToTarget?.toFixed(3) ?? '-', r.fontSeedsReached ?? '-']
        : [r.name, `unavailable: ${r.reason}`, '', '']),
    ));
    context.stdout.write(`\nfastest for the font network: ${auto}\n\n`);
  }
  if (vae) context.stdout.write(vaeLine(vae));
  return 0;
}

/** What the font dashboard costs training, at three terminal sizes. */
async function runScreenBench(context: CommandContext): Promise<number> {
  const { timeScreenCost } = await import('../bench/screen.js'); // loads React and Ink
  const json = context.output === 'json';
  const sizes = [[80, 24], [120, 40], [200, 60]];
  const rows = [];
  for (const [columns, lines] of sizes) {
    if (!json) context.stderr.write(`timing the dashboard at ${columns}x${lines} ...\n`);
    rows.push(await timeScreenCost(10000, 5, columns, lines));
  }
  if (json) {
    writeJsonLine(context.stdout, { event: 'result', experiment: 'bench-screen', sizes: rows });
    return 0;
  }
  context.stdout.write('font autoencoder, 10000 epochs on the CPU kernels: epochs/s with --json and with the dashboard (medians of 5)\n\n');
  context.stdout.write(renderTable(
    ['terminal', '--json epochs/s', 'screen epochs/s', 'cost'],
    rows.map((r) => [`${r.columns}x${r.rows}`, r.jsonEpochsPerSecond.toFixed(0), r.screenEpochsPerSecond.toFixed(0), `${(r.cost * 100).toFixed(1)}%`]),
  ));
  return 0;
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'time the compute backends on this machine',
  flags: { seeds: { type: 'string' }, screen: { type: 'boolean' }, only: { type: 'string' }, ...OUTPUT_FLAGS },
  help: `
  Usage: sia-ae bench [--seeds N] [--only font|vae] [--json]

  Times every compute backend that starts here, side by side in one run (medians over repeats):
  the font autoencoder's ms per epoch (35-60-40-20-2, full batch) and the default configuration's
  time to reach the target over seeds 1..N. Backends that cannot start are listed with the reason.
  Run it under xvfb-run -a to include gpu.js's headless-gl mode.
  Then the VAE: samples/s of 784-400-20 (batch 128, Adam) on the default CPU
  backend, and the peak memory with MNIST loaded.

  Options
    --seeds N   seeds for the time-to-target measurement   [10]
    --screen    instead: what the live dashboard costs training (epochs/s against --json) at 80x24,
                120x40 and 200x60; the cost is the median over 5 alternating pairs of runs
    --only S    font | vae: run one section   [both]
    --json      one result line: {"event":"result","experiment":"bench","backends":[...],"auto":...,"vae":{...}}
`,
  run: runBench,
};
