/** Where a run is shown: the terminal's streams and width, and which of the three outputs was chosen. */

/** The dashboard, readable text lines, or JSON lines (docs: the --json contract). */
export type OutputMode = 'screen' | 'plain' | 'json';

export interface RunContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream;
  output: OutputMode;
  /** Terminal width for plain output (80 when unknown). */
  columns: number;
}
