/** JSON lines on a stream: one object per line and nothing else (docs/CONTRACTS.md, JSON lines). */
export function writeJsonLine(out: NodeJS.WritableStream, object: Record<string, unknown>): void {
  out.write(`${JSON.stringify(object)}\n`);
}
