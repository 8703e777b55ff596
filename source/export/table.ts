/**
 * Tables as exported files: CSV with the exact numbers (as JSON writes them) and Markdown for reading, rounded
 * to six significant digits.
 */

export type Cell = string | number | boolean | null;

export interface Table {
  /** File name without extension: NAME.csv and NAME.md. */
  name: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** false: too long to print inside report.md, which links the files instead. */
  inReport?: boolean;
}

/** A table of objects that share their keys (denoise rows, the optimizer comparison …); columns in key order. */
export function objectTable(name: string, title: string, objects: Array<Record<string, Cell>>, inReport = true): Table {
  const columns = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  return { name, title, columns, rows: objects.map((o) => columns.map((c) => o[c] ?? null)), inReport };
}

/** Settings or results as two columns; lists are joined by commas, nested objects written as JSON. */
export function keyValueTable(
  name: string,
  title: string,
  object: Record<string, unknown>,
  columns = ['setting', 'value'],
): Table {
  const cell = (value: unknown): Cell => {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Cell;
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(',');
    return JSON.stringify(value);
  };
  const rows = Object.entries(object)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, cell(value)]);
  return { name, title, columns, rows };
}

/** RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled; empty for null. */
export function tableCsv(table: Table): string {
  const field = (cell: Cell) => {
    const value = cell === null ? '' : String(cell);
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table; numeric columns align right. */
export function tableMarkdown(table: Table): string {
  const cell = (value: Cell) => {
    if (value === null) return '';
    if (typeof value === 'number')
      return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
    // Backslash-escape Markdown's punctuation: the glyphs ` * _ ~ | are characters of the font.
    return String(value)
      .replace(/[\\`*_~|<>[\]]/g, (c) => `\\${c}`)
      .replace(/\r?\n/g, ' ');
  };
  const numeric = table.columns.map(
    (_, c) => table.rows.length > 0 && table.rows.every((r) => typeof r[c] === 'number' || r[c] === null),
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return (
    [
      line(table.columns.map((c) => cell(c))),
      line(numeric.map((right) => (right ? '---:' : '---'))),
      ...table.rows.map((row) => line(row.map(cell))),
    ].join('\n') + '\n'
  );
}
