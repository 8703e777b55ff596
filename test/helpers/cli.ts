/** Runs the real CLI as a subprocess (stdout is a pipe, so not a terminal), as a user's script would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/sia-ae.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `timeout` (ms): a run that hangs is killed and shows as status null instead of hanging the test. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  { timeout = 120_000, cwd }: { timeout?: number; cwd?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout,
    cwd,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON objects of a --json run, one per line. */
export function jsonLines(stdout: string): Array<Record<string, any>> {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}
