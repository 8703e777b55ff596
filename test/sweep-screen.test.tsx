/** The denoise --sweep screen from a fixed fake event stream: snapshots at 80x24 and 120x40, and its keys. */
import { renderToString } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from '../source/ui/state.js';
import { SweepDashboard, SweepDashboardView } from '../source/ui/sweep/dashboard.js';
import { SweepFeed } from '../source/ui/sweep/feed.js';
import { INTERRUPTED_STATUS } from '../source/io/interrupt.js';
import { cleanupAfterEach, eventually, FAST_SAMPLING, plainText } from './font-fixture.js';
import { ENTER_ALTERNATE, hasScript, onTerminal } from './helpers/pty.js';

const LEAVE_ALTERNATE = '\u001B[?1049l';

const ARCHITECTURES = ['35-25-9-12-4', '35-25-12-12'];
const SETTINGS = ['p=0.1 max=0.3', 'p=0.1 max=0.5', 'p=0.1 max=0.8', 'p=0.3 max=0.3', 'p=0.3 max=0.5', 'p=0.3 max=0.8'];
const LABELS = ARCHITECTURES.flatMap((a) => [...SETTINGS, 'plain'].map((s) => `${a} ${s} seed 1`));
const INFO = { plan: '14 trainings of 2000 epochs on 2 worker threads', backend: 'CPU, WebAssembly, 2 threads' };
const GENERALISATION = [
  'generalisation: output mean abs error of each model (rows: the noise it was',
  'trained on) at each noise setting (columns)',
  '',
  '35-25-9-12-4:',
  'trained on     p=0.1 max=0.3  p=0.1 max=0.5  p=0.1 max=0.8',
  '-------------  -------------  -------------  -------------',
  'p=0.1 max=0.3         0.0010         0.0013         0.0074',
  'plain                 0.0112         0.0302         0.0647',
];

/** The first architecture's 7 jobs done, two of the second's running, the rest waiting; a fake clock. */
function fixedFeed(): SweepFeed {
  let now = 0;
  const feed = new SweepFeed(LABELS, () => now);
  for (let job = 0; job < 9; job++) {
    feed.start(job);
    const reports = job < 7 ? 20 : 6 + job;
    for (let r = 1; r <= reports; r++) feed.progress(job, r * 100, 2000, 0.7 / r + job * 0.001);
    now += 600;
    if (job < 7) feed.done(job, `MAE ${(0.0148 + job * 0.01).toFixed(4)} → ${(0.001 + job * 0.002).toFixed(4)}`);
  }
  feed.showResults(GENERALISATION);
  return feed;
}

const screen = (columns: number, rows: number, page = 0) =>
  plainText(
    renderToString(
      <SweepDashboardView
        info={INFO}
        frame={fixedFeed().frame()}
        state={{ ...INITIAL_STATE, page }}
        size={{ columns, rows }}
        color={false}
      />,
      { columns },
    ),
  );

function fits(text: string, columns: number, rows: number): void {
  const lines = text.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
}

describe('the sweep screen at a fixed state (7 of 14 jobs done, 2 running)', () => {
  it('at 80x24: the jobs, then the results on a second page', () => {
    const [jobs, results] = [0, 1].map((page) => screen(80, 24, page));
    fits(jobs, 80, 24);
    fits(results, 80, 24);
    expect(jobs).toContain('done 7/14 · running 2');
    expect(jobs).toMatch(/35-25-12-12 p=0.1 max=0.3 seed 1 +█+░+ 1300\/2000/);
    expect(results).toContain('plain                 0.0112');
    expect(jobs).toMatchSnapshot();
    expect(results).toMatchSnapshot();
  });

  it('at 120x40: the jobs with their loss sparklines above the results', () => {
    const text = screen(120, 40);
    fits(text, 120, 40);
    expect(text).toMatch(/✓ 0\.6 s {2}MAE 0\.0148 → 0\.0010 +█[▇▆▅▄▃▂▁]+/);
    expect(text).toContain('generalisation: output mean abs error');
    expect(text).toMatchSnapshot();
  });
});

describe('keys', () => {
  const cleanup = cleanupAfterEach();

  it('tab flips to the results; q quits and hands over what the screen showed', async () => {
    const feed = fixedFeed();
    const quits: number[] = [];
    const app = render(
      <SweepDashboard
        info={INFO}
        feed={feed}
        onQuit={(frame) => quits.push(frame.done)}
        color={false}
        size={{ columns: 80, rows: 24 }}
        sampling={FAST_SAMPLING}
      />,
    );
    cleanup(() => app.unmount());
    await eventually(() => expect(plainText(app.lastFrame())).toContain('done 7/14'));
    expect(plainText(app.lastFrame())).not.toContain('generalisation');
    app.stdin.write('\t');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('generalisation'));
    feed.done(7, 'MAE 0.0148 → 0.0006');
    app.stdin.write('q');
    await eventually(() => expect(quits).toEqual([8]));
  });
});

describe.skipIf(!hasScript)('sia-ae denoise --sweep on a terminal', () => {
  const SMALL = ['denoise', '--sweep', '--architectures', '35-25-12-12', '--mutation-prob', '0.1', '--workers', '1'];
  const run = (args: string[], keyWhen: (seen: string) => boolean) => {
    let typed = false;
    return onTerminal(['node', 'bin/sia-ae.js', ...SMALL, ...args], (seen, type) => {
      if (!typed && keyWhen(seen)) {
        typed = true;
        type('q');
      }
    });
  };

  it('q while jobs run stops the workers: status 130, the terminal restored', async () => {
    const { status, output } = await run(['--epochs', '1000000'], (seen) => /running 1/.test(seen));
    expect(status).toBe(INTERRUPTED_STATUS);
    expect(output).toContain(ENTER_ALTERNATE);
    expect(output.lastIndexOf(LEAVE_ALTERNATE)).toBeGreaterThan(output.lastIndexOf(ENTER_ALTERNATE));
    expect(output).toContain('stopped (q)');
  });

  it('stays open when the sweep is done; q leaves the tables on the terminal (status 0)', async () => {
    const { status, output } = await run(['--epochs', '50'], (seen) => /the sweep is done/.test(seen));
    expect(status).toBe(0);
    const after = output.slice(output.lastIndexOf(LEAVE_ALTERNATE));
    expect(after).toContain('35-25-12-12: denoising autoencoders, each trained on its noise setting');
    expect(after).toContain('generalisation: output mean abs error');
  });
});
