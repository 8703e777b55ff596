/**
 * bench/pytorch-vae.py as a child process that answers one JSON line per command line. The first line it writes
 * says what it runs on, or that it cannot import torch.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./pytorch-vae.py', import.meta.url));

export interface TorchInfo {
  torch: string;
  blas: string[];
  blasThreads: string;
}

export class PythonServer {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    readonly python: string,
    readonly info: TorchInfo,
  ) {}

  /** Starts the script on `python`; answers the server, or why it cannot run there. */
  static async start(python: string, imagesFile: string): Promise<PythonServer | string> {
    const child = spawn(python, [SCRIPT, imagesFile], { stdio: ['pipe', 'pipe', 'pipe'] });
    const failed = new Promise<string>((resolve) => child.on('error', (error) => resolve(error.message)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await Promise.race([lines.next().then((line) => (line.done ? undefined : line.value)), failed]);
    const hello = first === undefined ? { missing: `${python} exited without an answer` } : parseHello(first);
    if ('missing' in hello) {
      child.kill();
      return hello.missing;
    }
    return new PythonServer(child, lines, python, hello);
  }

  /** Sends one command and waits for its answer line. */
  async ask<T>(command: string): Promise<T> {
    this.child.stdin.write(`${command}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error(`${this.python} ${SCRIPT} exited during "${command}"`);
    const answer = JSON.parse(line.value);
    if (answer.error) throw new Error(answer.error);
    return answer as T;
  }

  close(): void {
    this.child.stdin.end();
  }
}

function parseHello(line: string): TorchInfo | { missing: string } {
  try {
    return JSON.parse(line);
  } catch {
    return { missing: `unexpected first line: ${line}` };
  }
}
