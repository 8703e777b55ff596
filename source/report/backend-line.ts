/** The first line of a run's text output: which backend it runs on, and why that one. */
export function backendLine(name: string, reason: string): string {
  return `backend ${name}: ${reason}\n`;
}
