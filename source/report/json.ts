/** JSON lines on a stream: one object per line and nothing else (DESIGN.md's --json contract). */
export function writeJsonLine(out: NodeJS.WritableStream, object: Record<string, unknown>): void {
  out.write(`${JSON.stringify(object)}\n`);
}
