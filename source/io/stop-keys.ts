/**
 * Keys for a long run without the dashboard: `s` saves a checkpoint and carries on; Ctrl-C (or `q`) is an
 * interruption (io/interrupt.ts), so it stops the run the way a signal does, through whatever listens there.
 * Without a terminal on stdin there are no keys. Returns the function that puts the terminal back.
 */
import { interruptions } from './interrupt.js';

const CTRL_C = '\u0003';

export function listenForKeys(stdin: NodeJS.ReadStream, onSave: () => unknown): () => void {
  if (!stdin.isTTY) return () => {};
  const onData = (data: Buffer) => {
    const key = data.toString();
    if (key === 's') onSave();
    // Raw mode delivers Ctrl-C as a key instead of a signal: it counts as the signal would (twice exits at once).
    else if (key === CTRL_C) interruptions.interrupt('SIGINT');
    else if (key === 'q') interruptions.interrupt('q');
  };
  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode(false);
    stdin.pause();
  };
}
