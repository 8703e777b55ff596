/** The line plain output ends with after an export. */
export function exportedLine(dir: string, files: string[]): string {
  return `exported ${files.length} files to ${dir} (start with report.md)\n`;
}
