/** What frames every dashboard: the run's status mark, the footer of keys and messages, the too-small notice. */
import { Box, Text } from 'ink';
import type { RunStatus } from './run-feed.js';
import { clip } from './text-block.js';

const STATUS: Record<RunStatus, { mark: string; color: string }> = {
  starting: { mark: '…', color: 'gray' },
  training: { mark: '●', color: 'green' },
  paused: { mark: '‖', color: 'yellow' },
  finished: { mark: '✓', color: 'green' },
  'reached the target': { mark: '✓', color: 'green' },
  'epoch limit reached': { mark: '■', color: 'yellow' },
  failed: { mark: '✗', color: 'red' },
};

/** A header line: `text`, then the status mark and name in bold (coloured when allowed), clipped to `width`. */
export function StatusLine({
  text,
  status,
  width,
  color,
}: {
  text: string;
  status: RunStatus;
  width: number;
  color: boolean;
}) {
  const { mark, color: tint } = STATUS[status];
  const state = clip(`${mark} ${status}`, width);
  // The state is what a glance looks for: the text gives way to it, and the line never wraps.
  const lead = text.length + state.length <= width ? text : `${clip(text, width - state.length - 1)} `;
  return (
    <Text>
      {lead}
      <Text bold color={color ? tint : undefined}>
        {state}
      </Text>
    </Text>
  );
}

/** The keys on the left, the last message on the right, in inverse video across the whole width. */
export function Footer({ keys, message, width }: { keys: string; message: string; width: number }) {
  return <Text inverse>{clip(footerLine(keys, message, width), width).padEnd(width)}</Text>;
}

/** The message whole where the keys leave room for it; else the message first and only `? help` of the keys. */
function footerLine(keys: string, message: string, width: number): string {
  if (!message) return keys;
  const room = width - keys.length - 2;
  if (message.length <= room) return `${keys}  ${message.padStart(room)}`;
  const help = '  ? help';
  return message.length + help.length <= width ? `${message}${help.padStart(width - message.length)}` : message;
}

export function TooSmall({
  need,
  columns,
  rows,
}: {
  need: { columns: number; rows: number };
  columns: number;
  rows: number;
}) {
  return (
    <Box flexDirection="column" width={columns}>
      <Text>{`sia-ae needs at least ${need.columns}x${need.rows} characters;`}</Text>
      <Text>{`this terminal is ${columns}x${rows}.`}</Text>
      <Text>Enlarge it, or press q to quit.</Text>
    </Box>
  );
}
