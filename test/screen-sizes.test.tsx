/**
 * Every screen (font, denoise, VAE) at every size from the minimum up, every page: within the terminal's width
 * and height (a wrapped line would scroll the title away), and its text by snapshot (colour stripped).
 */
import { renderToString } from 'ink';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { DenoiseDashboardView } from '../source/ui/denoise/dashboard.js';
import { FontDashboardView } from '../source/ui/font/dashboard.js';
import { INITIAL_STATE, type DashboardState } from '../source/ui/state.js';
import type { TerminalSize } from '../source/ui/terminal.js';
import { VaeDashboardView } from '../source/ui/vae/dashboard.js';
import { fixedFrame, plainText, trainedRun } from './font-fixture.js';
import { fixedDenoise, fixedVae } from './screens-fixture.js';

const SIZES: TerminalSize[] = [
  { columns: 60, rows: 17 },
  { columns: 72, rows: 24 },
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
  { columns: 120, rows: 40 },
  { columns: 200, rows: 60 },
];
/** More than any screen has: pages wrap around, and repeats are dropped. */
const PAGES = 4;

type View = (state: DashboardState, size: TerminalSize) => ReactElement;

const font = trainedRun(150);
const fontFrame = fixedFrame(font.feed);
const denoise = fixedDenoise(200);
for (const event of denoise.events) denoise.feed.push(event);
const denoiseFrame = { ...denoise.feed.frame(), elapsedMs: 1234, epochsPerSecond: 1500 };
const vae = await fixedVae();
const vaeBoth = await fixedVae({ optimizer: 'both', layers: '32' });

const screens: Record<string, View> = {
  font: (state, size) => (
    <FontDashboardView
      info={font.info}
      frame={fontFrame}
      state={state}
      size={size}
      color={false}
      decoder={font.info.snapshot}
    />
  ),
  denoise: (state, size) => (
    <DenoiseDashboardView info={denoise.info} frame={denoiseFrame} state={state} size={size} color={false} />
  ),
  vae: (state, size) => <VaeDashboardView info={vae.info} frame={vae.frame} state={state} size={size} color={false} />,
  'vae --optimizer both': (state, size) => (
    <VaeDashboardView info={vaeBoth.info} frame={vaeBoth.frame} state={state} size={size} color={false} />
  ),
};

/** Each distinct page of a screen at a size, as plain text. */
function pagesOf(view: View, size: TerminalSize): string[] {
  const pages = Array.from({ length: PAGES }, (_, page) =>
    plainText(renderToString(view({ ...INITIAL_STATE, page }, size), { columns: size.columns })),
  );
  return pages.filter((text, i) => pages.indexOf(text) === i);
}

describe.each(Object.entries(screens))('the %s screen', (_, view) => {
  it.each(SIZES)('at $columns x $rows stays within the terminal', (size) => {
    const pages = pagesOf(view, size);
    for (const text of pages) {
      const lines = text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(size.rows);
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(size.columns);
      // Title on top, keys at the bottom: nothing wrapped and pushed them off.
      expect(lines[0]).toMatch(/^sia-ae /);
      expect(lines.at(-1)).toMatch(/^q quit/);
      expect(lines.slice(0, 2).join('\n')).toMatch(
        /(training|paused|finished|reached the target|epoch limit reached)$/m,
      );
    }
    expect(pages.join('\n=== next page ===\n')).toMatchSnapshot();
  });
});
