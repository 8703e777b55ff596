/** The live dashboard driven by keys, with real training behind it (ink-testing-library). */
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { startFontRun } from '../source/commands/font.js';
import { drive, RunControl } from '../source/train/drive.js';
import type { GlyphEvent } from '../source/train/font.js';
import { FontDashboard, type FontDashboardProps } from '../source/ui/font/dashboard.js';
import { GlyphFeed } from '../source/ui/glyph-feed.js';
import { fontRunInfo } from '../source/ui/font/info.js';
import type { DashboardState } from '../source/ui/state.js';
import { cleanupAfterEach, eventually, FAST_SAMPLING, pause, plainText, trainedRun } from './font-fixture.js';

const RIGHT = '\u001B[C',
  LEFT = '\u001B[D',
  ESCAPE = '\u001B',
  END = '\u001B[F',
  UP = '\u001B[A',
  ENTER = '\r';
const fast = FAST_SAMPLING;
const size = { columns: 100, rows: 30 };
const cleanup = cleanupAfterEach();

function shownEpoch(frame: string | undefined): number {
  const match = /epoch\s+(\d+)\//.exec(plainText(frame));
  return match ? Number(match[1]) : -1;
}

/** Types a key as a person would: escape sequences written back to back can merge in Ink's input parser. */
async function press(app: { stdin: { write(data: string): void } }, key: string): Promise<void> {
  app.stdin.write(key);
  await pause(20);
}

/** The dashboard on a fixed-size test terminal, unmounted after the test; `props` override the defaults. */
function dashboard(props: Pick<FontDashboardProps, 'info' | 'feed'> & Partial<FontDashboardProps>) {
  const app = render(
    <FontDashboard
      control={new RunControl()}
      save={() => 'unused'}
      color={false}
      size={size}
      sampling={fast}
      {...props}
    />,
  );
  cleanup(() => app.unmount());
  return app;
}

describe('keys', () => {
  it('p pauses training (the epoch counter stops) and p again resumes it', async () => {
    const run = startFontRun({ backend: 'cpu', epochs: '1000000', target: '0', lr: '0.0001' });
    const feed = new GlyphFeed(),
      control = new RunControl();
    let events = 0;
    const training = drive(
      run.events,
      (event) => {
        events++;
        feed.push(event);
      },
      control,
    );
    const app = render(
      <FontDashboard
        info={fontRunInfo(run)}
        feed={feed}
        control={control}
        save={() => 'unused'}
        color={false}
        size={size}
        sampling={fast}
      />,
    );
    cleanup(() => {
      control.stop();
      app.unmount();
    });

    await eventually(() => expect(shownEpoch(app.lastFrame())).toBeGreaterThan(10));
    app.stdin.write('p');
    // The run's status, not the key's echo.
    await eventually(() => expect(plainText(app.lastFrame())).toContain('‖ paused'));
    const pausedAt = events,
      shown = shownEpoch(app.lastFrame());
    await pause(300);
    expect(events).toBe(pausedAt);
    expect(control.paused).toBe(true);
    expect(shownEpoch(app.lastFrame())).toBe(shown);

    app.stdin.write('p');
    await eventually(() => expect(shownEpoch(app.lastFrame())).toBeGreaterThan(shown));
    expect(events).toBeGreaterThan(pausedAt);
    control.stop();
    await training;
  });

  it('p shows "paused" in the frame the key draws, not at the next sampled frame', async () => {
    const run = startFontRun({ backend: 'cpu', epochs: '100', target: '0' });
    const feed = new GlyphFeed(),
      control = new RunControl();
    for (let i = 0; i < 3; i++) feed.push((run.events as Generator<GlyphEvent>).next().value!);
    // No sampled frame comes within the test: only the key's own redraw can show the status.
    const never = { minIntervalMs: 600_000, maxIntervalMs: 600_000 };
    const app = dashboard({ info: fontRunInfo(run), feed, control, sampling: never });
    expect(plainText(app.lastFrame())).toContain('● training');
    await press(app, 'p');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('‖ paused'));
    expect(control.paused).toBe(true);
    await press(app, 'p');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('● training'));
    expect(control.paused).toBe(false);
  });

  it('e opens the explorer; arrows move the cursor and change the glyph; Enter keeps it; Esc leaves', async () => {
    const { info, feed } = trainedRun(300);
    const app = dashboard({ info, feed });
    const cursor = () => {
      const match = /at \((-?[\d.]+), (-?[\d.]+)\)/.exec(plainText(app.lastFrame()));
      return match ? [Number(match[1]), Number(match[2])] : undefined;
    };
    const decoded = () =>
      plainText(app.lastFrame())
        .split('\n')
        .slice(4, 11)
        .map((line) => line.slice(-24))
        .join('\n');

    app.stdin.write('e');
    await eventually(() => expect(cursor()).toBeDefined());
    const [x0, y0] = cursor()!,
      glyph0 = decoded();
    for (let i = 0; i < 8; i++) await press(app, RIGHT);
    await eventually(() => expect(cursor()![0]).toBeGreaterThan(x0));
    expect(cursor()![1]).toBe(y0);
    expect(decoded()).not.toBe(glyph0);
    const [x1] = cursor()!;
    await press(app, UP);
    await eventually(() => expect(cursor()![1]).toBeGreaterThan(y0));
    expect(cursor()![0]).toBe(x1);

    app.stdin.write(ENTER);
    await eventually(() => expect(plainText(app.lastFrame())).toContain('kept 1:'));
    app.stdin.write('\u001B');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('original | reconstruction'));
  });

  it('← → scrub through the replay of a run; Esc and End return to live', async () => {
    const { info, feed } = trainedRun(300);
    const epochs = feed.frame().snapshots.map((snapshot) => snapshot.epoch);
    const app = dashboard({ info, feed });
    const text = () => plainText(app.lastFrame());
    const live = text();
    expect(live).toContain('epoch 300/');

    await press(app, LEFT);
    await eventually(() => expect(text()).toContain(`replay: epoch ${epochs.at(-1)} of 300`));
    await press(app, LEFT);
    await eventually(() => expect(text()).toContain(`replay: epoch ${epochs.at(-2)} of 300`));
    await press(app, RIGHT);
    await eventually(() => expect(text()).toContain(`replay: epoch ${epochs.at(-1)} of 300`));
    await press(app, RIGHT);
    await eventually(() => expect(text()).toBe(live));

    for (let i = 0; i < epochs.length + 3; i++) await press(app, LEFT);
    await eventually(() => expect(text()).toContain('replay: epoch 0 of 300'));
    expect(text()).toContain('esc live');
    await press(app, ESCAPE);
    await eventually(() => expect(text()).toBe(live));
    await press(app, LEFT);
    await eventually(() => expect(text()).toContain('replay: epoch'));
    await press(app, END);
    await eventually(() => expect(text()).toBe(live));
  });

  it('q quits cleanly, handing over what the user kept; s saves and says where', async () => {
    const { info, feed } = trainedRun(50);
    let finalState: DashboardState | undefined;
    const save = vi.fn(() => 'model.json');
    const app = dashboard({ info, feed, save, onQuit: (state) => (finalState = state) });
    app.stdin.write('s');
    await eventually(() => expect(plainText(app.lastFrame())).toContain('saved the model to model.json'));
    expect(save).toHaveBeenCalledOnce();
    app.stdin.write('q');
    await eventually(() => expect(finalState).toBeDefined());
    expect(finalState!.kept).toEqual([]);
  });
});
