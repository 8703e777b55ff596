/**
 * Pre-rendered lines (from render/) in a box of a fixed size, with an optional bold title line. Trailing blanks
 * are dropped: Ink spends its time per character, and the box keeps the size anyway.
 */
import { Box, Text } from 'ink';
import { clipVisible } from '../render/ansi.js';

export interface Rect {
  width: number;
  height: number;
}

export function TextBlock({ title, lines, rect }: { title?: string; lines: string[]; rect: Rect }) {
  const room = Math.max(0, rect.height - (title === undefined ? 0 : 1));
  return (
    <Box flexDirection="column" width={rect.width} height={rect.height}>
      {title !== undefined && <Text bold>{clip(title, rect.width)}</Text>}
      <Text>
        {lines
          .slice(0, room)
          // A line wider than the box would wrap in it and push the panel below its own title.
          .map((line) => clipVisible(line.trimEnd(), rect.width))
          .join('\n')}
      </Text>
    </Box>
  );
}

/** Cuts plain text to `width` columns. */
export function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
