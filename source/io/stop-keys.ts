/**
 * Keys for a long run without the dashboard: `s` saves a checkpoint and carries on; Ctrl-C (or `q`) stops,
 * and the caller saves. Signals and a lost terminal stop it the same way (io/interrupt.ts); without a terminal
 * on stdin they are all there is. Returns the function that puts the terminal back.
 */
import { interruptions } from './interrupt.js';

export interface StopKeys {
  onSave(): void;
  onStop(): void;
}

const CTRL_C = '\u0003';

export function listenForKeys(stdin: NodeJS.ReadStream, { onSave, onStop }: StopKeys): () => void {
  const unsubscribe = interruptions.subscribe(onStop);
  if (!stdin.isTTY) return unsubscribe;
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
    unsubscribe();
  };
}
