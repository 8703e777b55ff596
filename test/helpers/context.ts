/** A command's context in this process: its stdout and stderr kept as strings, for running a command in-process. */
import { Writable } from 'node:stream';
import type { CommandContext, OutputMode } from '../../source/commands/command.js';

export interface CapturedContext {
  context: CommandContext;
  stdout: () => string;
  stderr: () => string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write: (chunk, _encoding, done) => {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export function capturedContext(output: OutputMode, columns = 80): CapturedContext {
  const out = collector(),
    err = collector();
  return { context: { stdout: out.stream, stderr: err.stream, output, columns }, stdout: out.text, stderr: err.text };
}
