/**
 * Runs a program on a 100x30 pseudo-terminal (util-linux's `script`), as a person at a terminal would, so that
 * it opens its dashboard; `onOutput` sees everything printed so far and may type into the terminal.
 */
import { spawn, spawnSync } from 'node:child_process';

export const hasScript = spawnSync('script', ['--version']).status === 0;

export const ENTER_ALTERNATE = '\u001B[?1049h';
/** The dashboards' key bar: the last line of a first frame. */
export const KEY_BAR = 'q quit';

export interface TerminalOptions {
  cwd?: string;
  /** Killed after this long, so that a program that never quits fails its test instead of hanging it. */
  timeoutMs?: number;
  /** Variables set on top of this process's (TERM, LC_ALL, NO_COLOR). */
  env?: Record<string, string>;
}

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

export function onTerminal(
  argv: string[],
  onOutput: (output: string, type: (keys: string) => void) => void,
  options: TerminalOptions = {},
): Promise<{ status: number | null; output: string }> {
  const command = `stty cols 100 rows 30; exec ${argv.map(quote).join(' ')}`;
  // A person's terminal, not CI's: Ink draws only the last frame when it sees CI variables.
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && !key.startsWith('CI_'),
      ),
    ),
    ...options.env,
  };
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'inherit'],
    env,
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    onOutput(output, (keys) => child.stdin.write(keys));
  });
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    }),
  );
}

/** Runs a dashboard until its first frame is drawn, then types q: the output up to the exit. */
export function openAndQuit(
  argv: string[],
  options: TerminalOptions = {},
): Promise<{ status: number | null; output: string }> {
  let typed = false;
  return onTerminal(
    argv,
    (output, type) => {
      if (!typed && output.includes(KEY_BAR)) {
        typed = true;
        type('q');
      }
    },
    options,
  );
}
