/** The terminal around a full-screen dashboard: the alternate screen, and its size as React state. */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';
export const CLEAR_SCREEN = '\u001B[2J\u001B[H';

/**
 * Switches to the alternate screen (the shell's screen comes back untouched afterwards). Returns the function
 * that switches back; it also runs if the process exits without calling it.
 */
export function enterAlternateScreen(stdout: NodeJS.WritableStream): () => void {
  stdout.write(ENTER_ALTERNATE_SCREEN);
  const restore = () => {
    process.off('exit', restore);
    stdout.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  };
  process.on('exit', restore);
  return restore;
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The terminal's size, updated on every resize. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
