/** The VAE and denoise dashboards at a fixed state (snapshots, colour stripped), and driven by keys. */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderToString } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { startVaeRun } from '../source/commands/vae.js';
import { saveVaeCheckpoint } from '../source/nn/vae-file.js';
import { drive, RunControl } from '../source/train/drive.js';
import { DenoiseDashboard, DenoiseDashboardView } from '../source/ui/denoise/dashboard.js';
import { INITIAL_STATE } from '../source/ui/state.js';
import { VaeDashboard, VaeDashboardView } from '../source/ui/vae/dashboard.js';
import { VaeFeed } from '../source/ui/vae/feed.js';
import { cleanupAfterEach, eventually, FAST_SAMPLING, pause, plainText } from './font-fixture.js';
import { fixedDenoise, fixedVae, VAE_SETTINGS, vaeInfo } from './screens-fixture.js';

const vae = await fixedVae();
const denoise = fixedDenoise(200);
for (const event of denoise.events) denoise.feed.push(event);
const denoiseFrame = { ...denoise.feed.frame(), elapsedMs: 1234, epochsPerSecond: 1500 };

function fits(text: string, columns: number, rows: number): void {
  const lines = text.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
}

const vaeBoth = await fixedVae({ optimizer: 'both', layers: '32' });
const vaeScreen = (columns: number, rows: number, page = 0, color = false, shown = vae) =>
  plainText(
    renderToString(
      <VaeDashboardView
        info={shown.info}
        frame={shown.frame}
        state={{ ...INITIAL_STATE, page }}
        size={{ columns, rows }}
        color={color}
      />,
      { columns },
    ),
  );
const denoiseScreen = (columns: number, rows: number, page = 0) =>
  plainText(
    renderToString(
      <DenoiseDashboardView
        info={denoise.info}
        frame={denoiseFrame}
        state={{ ...INITIAL_STATE, page }}
        size={{ columns, rows }}
        color={false}
      />,
      { columns },
    ),
  );

describe('the VAE dashboard at a fixed state (2 epochs on 256 images, cpu-js)', () => {
  it('at 80x24: three pages (chart and scatter, reconstructions, generated digits)', () => {
    const pages = [0, 1, 2].map((page) => vaeScreen(80, 24, page));
    pages.forEach((text) => fits(text, 80, 24));
    expect(pages[0]).toContain('latent space');
    expect(pages[0]).toContain('validation');
    expect(pages[1]).toContain('original | reconstruction');
    expect(pages[2]).toContain('generated');
    expect(pages.join('\n=== next page ===\n')).toMatchSnapshot();
  });

  it('at 120x40: every panel at once', () => {
    const text = vaeScreen(120, 40);
    fits(text, 120, 40);
    for (const title of ['loss per image', 'latent space', 'original | reconstruction', 'generated', 'samples/s'])
      expect(text).toContain(title);
    expect(text).toMatchSnapshot();
  });

  it('--optimizer both: a loss chart per optimizer', () => {
    const text = vaeScreen(120, 40, 0, false, vaeBoth);
    expect(text).toMatch(/^adam +train [\d.]+ val [\d.]+/m);
    expect(text).toMatch(/^rmsprop +train [\d.]+ val [\d.]+/m);
    expect(text.match(/── train   ┈┈ validation/g)).toHaveLength(2);
    expect(text).toContain('adam: latent space');
    expect(text).toContain('o optimizer');
  });

  it("--optimizer both at 200x60: both runs' pictures side by side, each labelled", () => {
    const text = vaeScreen(200, 60, 0, false, vaeBoth);
    for (const panel of ['latent space', 'original | reconstruction', 'generated'])
      for (const optimizer of ['adam', 'rmsprop']) expect(text).toContain(`${optimizer}: ${panel}`);
    expect(text).not.toContain('o optimizer');
  });

  it('says how much room it needs when the terminal is too small', () => {
    expect(vaeScreen(50, 12)).toContain('this terminal is 50x12');
  });
});

describe('the denoise dashboard at a fixed state (200 epochs, cpu-js)', () => {
  it('at 80x24: the triplets with in/out scores, then the loss chart', () => {
    const pages = [0, 1].map((page) => denoiseScreen(80, 24, page));
    pages.forEach((text) => fits(text, 80, 24));
    expect(pages[0]).toMatch(/in +\d+ px \d\.\d{3}/);
    expect(pages[0]).toMatch(/out +\d+ px \d\.\d{3}/);
    expect(pages[1]).toContain('loss');
    expect(pages.join('\n=== next page ===\n')).toMatchSnapshot();
  });

  it('at 80 columns: the whole state and notice, and whole rows of triplets as the header says', () => {
    const notice = 'training done: q quits and keeps the model in the terminal';
    const text = plainText(
      renderToString(
        <DenoiseDashboardView
          info={denoise.info}
          frame={{ ...denoiseFrame, notice }}
          state={INITIAL_STATE}
          size={{ columns: 80, rows: 24 }}
          color={false}
        />,
        { columns: 80 },
      ),
    );
    expect(text).toMatch(/■ epoch limit reached$/m);
    expect(text).toContain(notice);
    expect(text).toContain('rows 1-1 of 8');
    const lines = text.split('\n');
    expect(lines.filter((line) => /^in +\d+ px/.test(line))).toHaveLength(1);
    // The row ends with its captions: no part of a second row under them.
    const captions = lines.findIndex((line) => /^\S +a +b +c$/.test(line));
    expect(lines.slice(captions + 1, -1).join('')).toBe('');
  });

  it('at 120x40: triplets beside the chart', () => {
    const text = denoiseScreen(120, 40);
    fits(text, 120, 40);
    expect(text).toContain('clean | noisy | denoised');
    expect(text).toMatchSnapshot();
  });
});

const fast = FAST_SAMPLING;
const size = { columns: 100, rows: 30 };
const cleanup = cleanupAfterEach();
const shownBatch = (frame: string | undefined) => {
  const match = /epoch (\d+)\/\d+ batch (\d+)\//.exec(plainText(frame));
  return match ? Number(match[1]) * 1000 + Number(match[2]) : -1;
};

/** The live VAE dashboard at 100x30 on a run's feed, unmounted after the test. */
function showVae(
  run: Awaited<ReturnType<typeof startVaeRun>>,
  feed: VaeFeed,
  control: RunControl,
  { save, onQuit }: { save: () => Promise<string> | string; onQuit: () => void },
) {
  const app = render(
    <VaeDashboard
      info={vaeInfo(run)}
      feed={feed}
      control={control}
      save={save}
      color={false}
      size={size}
      sampling={fast}
      onQuit={onQuit}
    />,
  );
  cleanup(() => {
    control.stop();
    app.unmount();
  });
  return app;
}

describe('VAE dashboard keys', () => {
  it('p pauses (the batch counter stops), s saves a checkpoint file, q quits', async () => {
    const run = await startVaeRun({ ...VAE_SETTINGS, epochs: '1000', layers: '32' }, undefined, 'every-epoch');
    const feed = new VaeFeed(['adam'], undefined),
      control = new RunControl();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sia-vae-')), 'checkpoint.json');
    const save = async () => {
      saveVaeCheckpoint(file, await run.trainings[0].checkpoint(), {
        dataset: 'mnist',
        validation: 200,
        trainSize: 256,
      });
      return file;
    };
    let events = 0,
      quit = false;
    const training = drive(
      run.events,
      (event) => {
        events++;
        feed.push(event);
      },
      control,
    );
    const app = showVae(run, feed, control, { save, onQuit: () => (quit = true) });

    await eventually(() => expect(shownBatch(app.lastFrame())).toBeGreaterThan(1002));
    app.stdin.write('p');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('‖ paused'));
    const pausedAt = events,
      shown = shownBatch(app.lastFrame());
    await pause(300);
    expect(events).toBe(pausedAt);
    expect(shownBatch(app.lastFrame())).toBe(shown);

    app.stdin.write('s');
    await eventually(() => expect(plainText(app.lastFrame())).toContain(`saved a checkpoint to ${file}`.slice(0, 40)));
    expect(existsSync(file)).toBe(true);

    app.stdin.write('q');
    await eventually(() => expect(quit).toBe(true));
    control.stop();
    await training;
  });
});

describe('VAE dashboard keys with --optimizer both', () => {
  it('o switches the pictures between the optimizers', async () => {
    const run = await startVaeRun(
      { ...VAE_SETTINGS, epochs: '1', layers: '32', optimizer: 'both' },
      undefined,
      'every-epoch',
    );
    const feed = new VaeFeed(run.optimizers, undefined),
      control = new RunControl();
    const training = drive(run.events, feed.push, control);
    const app = showVae(run, feed, control, { save: () => 'unused', onQuit: () => undefined });
    await eventually(() => expect(plainText(app.lastFrame())).toContain('adam: latent space: 200'));
    app.stdin.write('o');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('rmsprop: latent space: 200'));
    app.stdin.write('o');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('adam: latent space: 200'));
    control.stop();
    await training;
  });
});

describe('denoise dashboard keys', () => {
  it('p pauses the epoch counter; q quits', async () => {
    const { info, feed, events } = fixedDenoise(1_000_000);
    const control = new RunControl();
    let count = 0,
      quit = false;
    const training = drive(
      events,
      (event) => {
        count++;
        feed.push(event);
      },
      control,
    );
    const app = render(
      <DenoiseDashboard
        info={info}
        feed={feed}
        control={control}
        save={() => 'unused'}
        color={false}
        size={size}
        sampling={fast}
        onQuit={() => (quit = true)}
      />,
    );
    cleanup(() => {
      control.stop();
      app.unmount();
    });
    const epoch = () => Number(/epoch (\d+)\//.exec(plainText(app.lastFrame()))?.[1] ?? -1);
    await eventually(() => expect(epoch()).toBeGreaterThan(10));
    app.stdin.write('p');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('‖ paused'));
    const pausedAt = count,
      shown = epoch();
    await pause(300);
    expect(count).toBe(pausedAt);
    expect(epoch()).toBe(shown);
    app.stdin.write('q');
    await eventually(() => expect(quit).toBe(true));
    control.stop();
    await training;
  });
});
