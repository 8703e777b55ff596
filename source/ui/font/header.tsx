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
}: {
  info: FontRunInfo;
  frame: GlyphFrame;
  width: number;
  color: boolean;
}) {
  const last = frame.last;
  const epoch = `epoch ${String(last?.epoch ?? 0).padStart(String(info.maxEpochs).length)}/${info.maxEpochs}`;
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

const KEYS: Record<Overlay, string> = {
  none: 'q quit  p pause  s save  e explore  ? help',
  help: 'q quit  ? or esc close the help',
  explorer: 'arrows move (shift: faster)  enter keep  esc back  q quit',
};

export function FontFooter({
  overlay,
  extraKeys,
  message,
  width,
}: {
  overlay: Overlay;
  extraKeys: string;
  message: string;
  width: number;
}) {
  return <Footer keys={KEYS[overlay] + (overlay === 'none' ? extraKeys : '')} message={message} width={width} />;
}
