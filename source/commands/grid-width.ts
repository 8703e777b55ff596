/**
 * `generate --grid N` draws N cells to a row. On a terminal a row wider than the screen wraps into noise, so
 * there it is refused, naming the largest grid that fits; a file or a pipe has no width, so anything goes there.
 */
import { UsageError } from '../errors.js';
import type { CommandContext } from './command.js';

/** `cell`: one cell's width in columns; cells are one column apart. */
export function checkGridWidth(n: number, cell: number, context: CommandContext): void {
  if (context.output === 'json' || !context.stdout.isTTY) return;
  const width = n * (cell + 1) - 1;
  if (width <= context.columns) return;
  const fits = Math.floor((context.columns + 1) / (cell + 1));
  const smaller = fits >= 2 ? `use --grid ${fits} or less, ` : '';
  throw new UsageError(
    `--grid ${n} draws ${width} columns and this terminal has ${context.columns}: ` +
      `${smaller}widen the terminal, or send the output to a file`,
  );
}
