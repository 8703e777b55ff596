/**
 * Keys for a long run without the dashboard: `s` saves a checkpoint and carries on; Ctrl-C (or `q`) stops,
 * and the caller saves. Without a terminal on stdin only the SIGINT signal is there, and it stops too.
 * Returns the function that puts the terminal back.
 */
export interface StopKeys {
  onSave(): void;
  onStop(): void;
}

const CTRL_C = '\u0003';

export function listenForKeys(stdin: NodeJS.ReadStream, { onSave, onStop }: StopKeys): () => void {
  const onSignal = () => onStop();
  process.on('SIGINT', onSignal);
  if (!stdin.isTTY) return () => process.off('SIGINT', onSignal);
  const onData = (data: Buffer) => {
    const key = data.toString();
    if (key === 's') onSave();
    else if (key === 'q' || key === CTRL_C) onStop();
  };
  // Raw mode delivers Ctrl-C as a key instead of a signal, so it is handled above.
  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode(false);
    stdin.pause();
    process.off('SIGINT', onSignal);
  };
}
