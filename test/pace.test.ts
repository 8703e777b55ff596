/** --pace: training held to at most N epochs a second, counted on a fake clock (not wall time). */
import { describe, expect, it } from 'vitest';
import { startDenoiseRun } from '../source/commands/denoise.js';
import { parseDenoiseConfig } from '../source/commands/denoise-config.js';
import { startFontRun } from '../source/commands/font.js';
import { isFontSweep } from '../source/commands/font-sweep.js';
import { parseFontConfig } from '../source/options/font.js';
import { drive, RunControl } from '../source/train/drive.js';
import { type Clock, Pacer } from '../source/train/pacer.js';

/** A clock that stands still until slept on: training takes no time, so only the pacer moves it. */
function fakeClock(): Clock & { ms: number } {
  const clock = {
    ms: 0,
    now: () => clock.ms,
    sleep: async (ms: number) => {
      clock.ms += ms;
    },
  };
  return clock;
}

function* endless(): Generator<number> {
  for (let i = 0; ; i++) yield i;
}

/** Events `drive` passes on in the first `windowMs` of the clock. */
async function eventsWithin(windowMs: number, control: RunControl, clock: Clock): Promise<number> {
  let events = 0;
  await drive(
    endless(),
    () => {
      if (clock.now() >= windowMs) control.stop();
      else events++;
    },
    control,
  );
  return events;
}

describe('--pace', () => {
  it('lets at most N events a second through', async () => {
    const clock = fakeClock();
    expect(await eventsWithin(10_000, new RunControl(new Pacer(5, clock)), clock)).toBe(50);
  });

  it('does not make up for a pause with a burst', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(2, clock);
    await pacer.wait();
    clock.ms += 60_000; // a minute paused
    const control = new RunControl(pacer);
    expect(await eventsWithin(70_000, control, clock)).toBe(20);
  });

  it('is read from --pace and given to the run', () => {
    expect(parseFontConfig({ pace: '4' }).pace).toBe(4);
    expect(startFontRun({ backend: 'cpu-js', pace: '4' }).control.pacer?.perSecond).toBe(4);
    expect(startFontRun({ backend: 'cpu-js' }).control.pacer).toBeUndefined();
    expect(() => parseFontConfig({ pace: '0' })).toThrow(/--pace/);
    expect(() => isFontSweep({ pace: '4', sweep: true })).toThrow('--pace applies to a single run, not --sweep');
  });

  it('paces the denoiser too: the same training loop', () => {
    const config = parseDenoiseConfig({ pace: '3' });
    expect(startDenoiseRun({ backend: 'cpu-js' }, config).control.pacer?.perSecond).toBe(3);
  });
});
