/** Tables as CSV and Markdown, and the export directory that is replaced whole or not at all. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportDirectory, writeDirectoryAtomically } from '../source/export/directory.js';
import { exportFiles, writeExport, type ExportBundle } from '../source/export/bundle.js';
import { keyValueTable, objectTable, tableCsv, tableMarkdown } from '../source/export/table.js';
import { UsageError } from '../source/errors.js';
import { pixelGridSvg } from '../source/render/svg/pixel-grid.js';
import { pngSize } from './helpers/svg.js';

describe('tables', () => {
  const table = objectTable('t', 'T', [
    { char: '|', wrong: 0, z: 0.1234567891 },
    { char: 'a,"b"', wrong: 12, z: -3 },
    { char: '`', wrong: null, z: 1e-7 },
  ]);

  it('CSV quotes what needs quoting and keeps numbers exact', () => {
    expect(tableCsv(table)).toBe('char,wrong,z\n|,0,0.1234567891\n"a,""b""",12,-3\n`,,1e-7\n');
  });

  it('Markdown escapes the font\'s punctuation, rounds to 6 digits and aligns numbers right', () => {
    expect(tableMarkdown(table)).toBe([
      '| char | wrong | z |',
      '| --- | ---: | ---: |',
      '| \\| | 0 | 0.123457 |',
      '| a,"b" | 12 | -3 |',
      '| \\` |  | 1e-7 |',
      '',
    ].join('\n'));
  });

  it('key-value tables join lists, write objects as JSON and skip unset values', () => {
    const kv = keyValueTable('c', 'C', { layers: [35, 30, 2], nested: { a: 1 }, unset: undefined, lr: 0.02 });
    expect(kv.rows).toEqual([['layers', '35,30,2'], ['nested', '{"a":1}'], ['lr', 0.02]]);
  });
});

const bundle = (tag: string): ExportBundle => ({
  experiment: 'test', title: `Test ${tag}`, summary: [tag], config: { seed: 1 }, result: { event: 'result', tag },
  figures: [], tables: [objectTable('rows', 'Rows', [{ tag }])],
});

describe('the export directory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sia-ae-export-'));

  it('writes report, result, config, tables and a manifest listing them all', () => {
    const dir = path.join(root, 'first');
    const names = writeExport(dir, bundle('one'));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    expect(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).files).toEqual(names.filter((n) => n !== 'manifest.json'));
    expect(JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8'))).toEqual({ event: 'result', tag: 'one' });
  });

  it('writes a PNG beside the SVG of a figure that asks for one (digit grids)', () => {
    const svg = pixelGridSvg({ title: 'Digits', bitmapRows: 28, bitmapCols: 28, shading: 'gray', rows: [[{ pixels: new Float32Array(784).fill(0.5) }]] });
    const files = exportFiles({ ...bundle('png'), figures: [{ name: 'digits', title: 'Digits', svg, png: true }] });
    const png = files.find((f) => f.name === 'digits.png')!.data as Buffer;
    const [width, height] = [/ width="(\d+)"/, / height="(\d+)"/].map((re) => 2 * Number(re.exec(svg)![1]));
    expect(pngSize(png)).toEqual({ width, height });
    expect(files.map((f) => f.name)).toContain('digits.svg');
  });

  it('replaces an earlier export whole: no file of the old one is left, no temporary directory either', () => {
    const dir = path.join(root, 'replace');
    writeDirectoryAtomically(dir, [...exportFiles(bundle('old')), { name: 'only-in-old.txt', data: 'x' }]);
    writeExport(dir, bundle('new'));
    expect(existsSync(path.join(dir, 'only-in-old.txt'))).toBe(false);
    expect(readFileSync(path.join(dir, 'rows.csv'), 'utf8')).toBe('tag\nnew\n');
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('leaves the earlier export as it was when writing the new one fails', () => {
    const dir = path.join(root, 'kept');
    writeExport(dir, bundle('old'));
    const before = readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]);
    expect(() => writeDirectoryAtomically(dir, [...exportFiles(bundle('new')), { name: 'no/such/subdir', data: 'x' }])).toThrow(/ENOENT/);
    expect(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')])).toEqual(before);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a missing parent, a file, and a directory of other files (one clear UsageError each)', () => {
    const file = path.join(root, 'a-file');
    writeFileSync(file, 'x');
    const foreign = path.join(root, 'foreign');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'thesis.tex'), 'precious');
    expect(() => checkExportDirectory(path.join(root, 'no', 'dir'))).toThrow(/the directory .*no does not exist/);
    expect(() => checkExportDirectory(file)).toThrow(/is a file, not a directory/);
    expect(() => checkExportDirectory(foreign)).toThrow(/holds other files/);
    expect(() => writeExport(foreign, bundle('x'))).toThrow(UsageError);
    expect(readFileSync(path.join(foreign, 'thesis.tex'), 'utf8')).toBe('precious');
    mkdirSync(path.join(root, 'empty'));
    expect(() => checkExportDirectory(path.join(root, 'empty'))).not.toThrow();
  });
});
