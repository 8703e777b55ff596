/** The header (what runs, how far, how fast, a loss sparkline) and the footer (the keys, the last message). */
import { Box, Text } from 'ink';
import { formatDuration, wholeNumber } from '../../render/format.js';
import { sparkline } from '../../render/sparkline.js';
import { clip } from '../text-block.js';
import { Footer, StatusLine } from '../chrome.js';
import type { GlyphFrame } from '../glyph-feed.js';
import type { FontRunInfo } from './info.js';
import type { Overlay } from '../state.js';

export function Header({
  info,
  frame,
  width,
  color,
  liveEpoch,
}: {
  info: FontRunInfo;
  frame: GlyphFrame;
  width: number;
  color: boolean;
  /** The replay's: the epoch training is at while `frame` shows an earlier one. */
  liveEpoch?: number;
}) {
  const last = frame.last;
  const epoch =
    liveEpoch === undefined
      ? `epoch ${String(last?.epoch ?? 0).padStart(String(info.maxEpochs).length)}/${info.maxEpochs}`
      : `replay: epoch ${last?.epoch ?? 0} of ${liveEpoch}`;
  const first = `sia-ae font · ${info.backend} · ${epoch} · loss ${last ? last.loss.toPrecision(4) : '-'} `;
  const spark = sparkline(frame.loss, Math.min(40, width - first.length));
  const wrong = last
    ? `wrong pixels max ${last.maxPixelError} mean ${last.meanPixelError.toFixed(2)}`
    : 'wrong pixels -';
  const speed = wholeNumber(frame.epochsPerSecond);
  const second = `${wrong} · ${speed} epochs/s · ${formatDuration(frame.elapsedMs)} · `;
  return (
    <Box flexDirection="column" width={width} height={2}>
      <Text>{clip(first + spark, width)}</Text>
      <StatusLine text={second} status={frame.status} width={width} color={color} />
    </Box>
  );
}

const KEYS: Record<Overlay | 'replay', string> = {
  none: 'q quit  p pause  s save  e explore  ? help',
  replay: '← older  → newer  esc live  q quit  p pause  e explore  ? help',
  help: 'q quit  ? or esc close the help',
  explorer: 'arrows move (shift: faster)  enter keep  esc back  q quit',
};

export function FontFooter({
  overlay,
  replaying,
  extraKeys,
  message,
  width,
}: {
  overlay: Overlay;
  replaying: boolean;
  extraKeys: string;
  message: string;
  width: number;
}) {
  // The replay's keys come last: where the bar is cut (60 columns), Tab and the scroll keys matter more.
  const keys = overlay !== 'none' ? KEYS[overlay] : replaying ? KEYS.replay : `${KEYS.none}${extraKeys}  ←→ replay`;
  return <Footer keys={keys} message={message} width={width} />;
}
