/** `sia-ae bench`: times the compute backends on this machine, side by side in one run. */
import { timeFontEpochs, timeToTarget } from '../bench/font.js';
import { benchGpu, type GpuBenchOptions } from '../bench/gpu.js';
import { benchKernels, type KernelBenchOptions } from '../bench/kernels.js';
import { benchVae, VAE_BENCH_BACKENDS, type VaeBenchOptions } from '../bench/vae.js';
import { startBackends, type StartedBackend } from '../math/select.js';
import { renderTable } from '../render/table.js';
import {
  fontSection,
  kernelSection,
  shapeKey,
  unavailableLines,
  vaeSection,
  type FontBenchRow,
} from '../report/bench.js';
import { gpuSection } from '../report/bench-gpu.js';
import { writeJsonLine } from '../report/json.js';
import { rejectUnknown, type RawSettings } from '../config.js';
import type { Command, CommandContext } from './command.js';
import { BENCH, BENCH_OPTIONS, type BENCH_SECTIONS } from '../options/bench.js';
import { optionsHelp } from '../options/help.js';
import { flagsOf, parseTable } from '../options/table.js';

/** The architecture whose PyTorch epoch time the issue quotes (0.9 ms with 2 threads). */
const REFERENCE_LAYERS = [35, 60, 40, 20, 2];

type Section = (typeof BENCH_SECTIONS)[number];

type BackendRow = { name: string; available: boolean; reason?: string } & Record<string, unknown>;

/** How much each section times: the figures the help names, unless a test asks for a quick pass. */
export interface BenchPlan {
  /** Backend names to time (default: every one). */
  backends?: string[];
  kernels?: Pick<KernelBenchOptions, 'shapes' | 'rounds' | 'sampleMs'>;
  /** Epochs per timed font run, and timed runs (the reference backend trains a sixth of the epochs). */
  fontEpochs?: number;
  fontRepeats?: number;
  vae?: VaeBenchOptions;
  gpu?: GpuBenchOptions;
}

/** The font section: ms per epoch of the reference network and the defaults' time to target, per backend. */
function benchFont(
  seeds: number,
  progress: (line: string) => void,
  plan: BenchPlan,
): { rows: FontBenchRow[]; backends: StartedBackend[] } {
  const { fontEpochs = 300, fontRepeats } = plan;
  const backends = startBackends(plan.backends);
  const rows = backends.flatMap((status) => {
    if (!status.backend) return [];
    progress(`timing the font autoencoder on ${status.name} ...`);
    const epochs = status.name === 'reference' ? Math.ceil(fontEpochs / 6) : fontEpochs;
    const epoch = timeFontEpochs(status.backend, REFERENCE_LAYERS, 0.01, epochs, fontRepeats);
    const target = status.name === 'reference' ? undefined : timeToTarget(status.backend, seeds);
    status.backend.dispose();
    return [
      {
        name: status.name,
        msPerEpoch: epoch.msPerEpoch,
        secondsToTarget: target?.medianSeconds,
        seedsReached: target && `${target.reached}/${target.seeds}`,
      },
    ];
  });
  return { rows, backends };
}

export async function runBench(settings: RawSettings, context: CommandContext, plan: BenchPlan = {}): Promise<number> {
  rejectUnknown(settings, Object.keys(BENCH_OPTIONS), 'bench');
  if (settings.screen) return runScreenBench(context);
  const { seeds, only } = parseTable(BENCH_OPTIONS, settings);
  const runs = (section: Section) => only === undefined || only === section;
  const json = context.output === 'json';
  const progress = (line: string) => {
    if (!json) context.stderr.write(`${line}\n`);
  };

  const onShape: KernelBenchOptions['onShape'] = (shape) =>
    progress(`timing matmul ${shapeKey(shape)} (${shape.label}) ...`);
  const kernels = runs('kernels') ? benchKernels({ ...plan.kernels, backends: plan.backends, onShape }) : undefined;
  const fontBench = runs('font') ? benchFont(seeds, progress, plan) : undefined;
  const font = fontBench?.rows;
  const auto = font?.filter((r) => r.name !== 'reference').sort((a, b) => a.msPerEpoch - b.msPerEpoch)[0]?.name;
  const vaeBackends = VAE_BENCH_BACKENDS.filter((name) => !plan.backends || plan.backends.includes(name));
  const vae = runs('vae')
    ? benchVae(vaeBackends, plan.vae, (name) => progress(`timing the VAE on ${name} ...`))
    : undefined;
  if (runs('gpu')) progress('timing the font autoencoder on the WebGPU device, cpu and cpu-js ...');
  const gpu = runs('gpu') ? await benchGpu(REFERENCE_LAYERS, 0.01, plan.gpu) : undefined;

  // Which backends started, as the first section that tried each found it.
  const tried = [...(kernels?.backends ?? []), ...(fontBench?.backends ?? []), ...(vae?.backends ?? [])];
  const started = tried
    .filter((b, i) => tried.findIndex((o) => o.name === b.name) === i)
    .map(({ name, available, reason }) => ({ name, available, reason }));
  if (json) {
    // One row per backend, every section's figures on it (docs/CONTRACTS.md, bench: backends [{name, available, ...}]).
    const rows: BackendRow[] = started.map(({ name, available, reason }) => {
      const fontRow = font?.find((r) => r.name === name);
      const vaeTiming = vae?.backends.find((b) => b.name === name)?.timing;
      const gflops =
        kernels &&
        Object.fromEntries(
          kernels.rows.flatMap(({ shape, gflops: g }) => (g[name] === undefined ? [] : [[shapeKey(shape), g[name]]])),
        );
      return {
        name,
        available,
        reason,
        gflops: gflops && Object.keys(gflops).length > 0 ? gflops : undefined,
        fontEpochsPerSecond: fontRow && 1000 / fontRow.msPerEpoch,
        fontMsPerEpoch: fontRow?.msPerEpoch,
        fontSecondsToTarget: fontRow?.secondsToTarget,
        fontSeedsReached: fontRow?.seedsReached,
        vaeSamplesPerSecond: vaeTiming?.samplesPerSecond,
      };
    });
    const vaeSetup = vae?.backends.find((b) => b.timing)?.timing;
    writeJsonLine(context.stdout, {
      event: 'result',
      experiment: 'bench',
      backends: rows,
      auto,
      shapes: kernels?.rows.map(({ shape }) => ({ key: shapeKey(shape), ...shape })),
      vae: vae &&
        vaeSetup && {
          architecture: vaeSetup.architecture,
          batch: vaeSetup.batch,
          steps: vaeSetup.steps,
          peakMemoryMB: vae.peakMemoryMB,
        },
      gpu,
    });
    return 0;
  }
  const sections = [
    ...(kernels ? [kernelSection(kernels)] : []),
    ...(font ? [fontSection(font, REFERENCE_LAYERS, seeds, auto)] : []),
    ...(vae ? [vaeSection(vae)] : []),
    ...(gpu ? [gpuSection(gpu)] : []),
  ];
  context.stdout.write(sections.join('\n'));
  context.stdout.write(
    `${started.some((b) => !b.available) ? '\n' : ''}${unavailableLines(started, Math.min(context.columns, 80))}`,
  );
  return 0;
}

/** What the font dashboard costs training, at three terminal sizes. */
async function runScreenBench(context: CommandContext): Promise<number> {
  const { timeScreenCost } = await import('./bench-screen.js'); // loads React and Ink
  const json = context.output === 'json';
  const sizes = [
    [80, 24],
    [120, 40],
    [200, 60],
  ];
  const rows = [];
  for (const [columns, lines] of sizes) {
    if (!json) context.stderr.write(`timing the dashboard at ${columns}x${lines} ...\n`);
    rows.push(await timeScreenCost(10000, 5, columns, lines));
  }
  if (json) {
    writeJsonLine(context.stdout, { event: 'result', experiment: 'bench-screen', sizes: rows });
    return 0;
  }
  context.stdout.write(
    'font autoencoder, 10000 epochs on the CPU kernels: epochs/s with --json and with the dashboard (medians of 5)\n\n',
  );
  context.stdout.write(
    renderTable(
      ['terminal', '--json epochs/s', 'screen epochs/s', 'cost'],
      rows.map((r) => [
        `${r.columns}x${r.rows}`,
        r.jsonEpochsPerSecond.toFixed(0),
        r.screenEpochsPerSecond.toFixed(0),
        `${(r.cost * 100).toFixed(1)}%`,
      ]),
    ),
  );
  return 0;
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'time the compute backends on this machine',
  flags: flagsOf(BENCH_OPTIONS),
  help: `
  Usage: sia-ae bench [--seeds N] [--only kernels|font|vae|gpu] [--json]

  Times the compute backends that start here, side by side in one run, each
  figure a median over repeats:
    kernels  matmul GFLOP/s for the shapes the models use, per backend
             (reference, cpu-js, wasm-simd(-2t), wasm-simd-fma(-2t) with
             fused multiply-add, gpu.js modes)
    font     the font autoencoder's epochs/s (35-60-40-20-2, full batch) and
             the defaults' time to the target over seeds 1..N
    vae      samples/s of 784-400-20 (batch 128, Adam) on cpu-js and both
             wasm builds on one and two threads, and the peak memory with
             MNIST loaded
    gpu      the font autoencoder's whole training steps/s on the WebGPU
             device trainer beside cpu and cpu-js, with the adapter's name
             and whether it is software (or why none started)
  Backends that cannot start are listed with the reason. Run it under
  xvfb-run -a to include gpu.js's headless-gl mode. About a minute here.

  Options
${optionsHelp(BENCH_OPTIONS, BENCH)}
`,
  run: runBench,
};
