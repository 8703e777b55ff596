/** report.md: the outcome, every figure with its caption, the tables, and the configuration, linked together. */
import type { ExportBundle } from './contents.js';
import { keyValueTable, tableMarkdown } from './table.js';

export function reportMarkdown(bundle: ExportBundle): string {
  const parts = [`# ${bundle.title}`, bundle.summary.map((line) => `- ${line}`).join('\n')];
  if (bundle.figures.length > 0) {
    parts.push('## Figures');
    for (const figure of bundle.figures) {
      const files = [
        `[${figure.name}.svg](${figure.name}.svg)`,
        ...(figure.png ? [`[${figure.name}.png](${figure.name}.png)`] : []),
      ];
      parts.push(
        `### ${figure.title}`,
        `![${figure.title}](${figure.name}.svg)`,
        [figure.caption, `Files: ${files.join(', ')}.`].filter(Boolean).join(' '),
      );
    }
  }
  if (bundle.tables.length > 0) {
    parts.push(
      '## Tables',
      'Markdown rounds numbers to six significant digits; the CSV files and result.json hold them exactly.',
    );
    for (const table of bundle.tables) {
      const files = `[${table.name}.csv](${table.name}.csv), [${table.name}.md](${table.name}.md)`;
      parts.push(`### ${table.title}`);
      if (table.inReport === false) parts.push(`${table.rows.length} rows, in the files only: ${files}.`);
      else parts.push(tableMarkdown(table).trimEnd(), `Files: ${files}.`);
    }
  }
  parts.push(
    '## Configuration',
    tableMarkdown(keyValueTable('config', 'Configuration', bundle.config)).trimEnd(),
    '## Files',
    [
      '- [result.json](result.json): the result, the same object as the last line of `--json` output.',
      '- [config.json](config.json): the settings above; `--config config.json` runs with them again.',
      '- [manifest.json](manifest.json): every file of this export.',
    ].join('\n'),
  );
  return `${parts.join('\n\n')}\n`;
}
