/** `sia-ae bench` options. */
import { choice, switchOption, whole } from './kinds.js';
import { outputOptions } from './shared.js';

/** The --help section of its options. */
export const BENCH = 'bench';

export const BENCH_SECTIONS = ['kernels', 'font', 'vae', 'gpu'] as const;

export const BENCH_OPTIONS = {
  seeds: whole(10, { min: 1, max: 100 }, { group: BENCH, help: 'seeds for the time-to-target measurement' }),
  only: choice(BENCH_SECTIONS, undefined, {
    placeholder: 'S',
    group: BENCH,
    shown: 'all four',
    help: `${BENCH_SECTIONS.join(' | ')}: run one section`,
  }),
  screen: switchOption({
    group: BENCH,
    help:
      'instead: what the live dashboard costs training (epochs/s against --json) at 80x24, 120x40 and 200x60;' +
      ' the cost is the median over 5 alternating pairs of runs',
  }),
  ...outputOptions(
    BENCH,
    'one result line: {"event":"result","experiment":"bench",' +
      ' "backends":[{"name","available","gflops":{shape: GFLOP/s},' +
      ' "fontEpochsPerSecond","vaeSamplesPerSecond",...}],"auto",...}',
  ),
};
