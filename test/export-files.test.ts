/** Tables as CSV and Markdown, and the export directory, whose files an export replaces one by one, never another's. */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportDirectory, writeExportDirectory } from '../source/export/directory.js';
import { exportFiles, writeExport } from '../source/export/bundle.js';
import type { ExportBundle } from '../source/export/contents.js';
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

  it("Markdown escapes the font's punctuation, rounds to 6 digits and aligns numbers right", () => {
    expect(tableMarkdown(table)).toBe(
      [
        '| char | wrong | z |',
        '| --- | ---: | ---: |',
        '| \\| | 0 | 0.123457 |',
        '| a,"b" | 12 | -3 |',
        '| \\` |  | 1e-7 |',
        '',
      ].join('\n'),
    );
  });

  it('key-value tables join lists, write objects as JSON and skip unset values', () => {
    const kv = keyValueTable('c', 'C', { layers: [35, 30, 2], nested: { a: 1 }, unset: undefined, lr: 0.02 });
    expect(kv.rows).toEqual([
      ['layers', '35,30,2'],
      ['nested', '{"a":1}'],
      ['lr', 0.02],
    ]);
  });
});

const bundle = (tag: string): ExportBundle => ({
  experiment: 'test',
  title: `Test ${tag}`,
  summary: [tag],
  config: { seed: 1 },
  result: { event: 'result', tag },
  figures: [],
  tables: [objectTable('rows', 'Rows', [{ tag }])],
});

describe('the export directory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sia-ae-export-'));

  it('writes report, result, config, tables and a manifest listing them all', () => {
    const dir = path.join(root, 'first');
    const names = writeExport(dir, bundle('one'));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    expect(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).files).toEqual(
      names.filter((n) => n !== 'manifest.json'),
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8'))).toEqual({ event: 'result', tag: 'one' });
  });

  it('writes a PNG beside the SVG of a figure that asks for one (digit grids)', () => {
    const svg = pixelGridSvg({
      title: 'Digits',
      bitmapRows: 28,
      bitmapCols: 28,
      shading: 'gray',
      rows: [[{ pixels: new Float32Array(784).fill(0.5) }]],
    });
    const files = exportFiles({ ...bundle('png'), figures: [{ name: 'digits', title: 'Digits', svg, png: true }] });
    const png = files.find((f) => f.name === 'digits.png')!.data as Buffer;
    const [width, height] = [/ width="(\d+)"/, / height="(\d+)"/].map((re) => 2 * Number(re.exec(svg)![1]));
    expect(pngSize(png)).toEqual({ width, height });
    expect(files.map((f) => f.name)).toContain('digits.svg');
  });

  it('replaces the files of an earlier export and removes those the new one no longer writes', () => {
    const dir = path.join(root, 'replace');
    writeExport(dir, {
      ...bundle('old'),
      tables: [...bundle('old').tables, objectTable('only-old', 'Old', [{ a: 1 }])],
    });
    writeExport(dir, bundle('new'));
    expect(readdirSync(dir).sort()).toEqual(
      exportFiles(bundle('new'))
        .map((f) => f.name)
        .sort(),
    );
    expect(readFileSync(path.join(dir, 'rows.csv'), 'utf8')).toBe('tag\nnew\n');
  });

  it('never deletes a file it did not write: a file put into an earlier export is refused by name and kept', () => {
    const dir = path.join(root, 'mine');
    writeExport(dir, bundle('old'));
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => checkExportDirectory(dir)).toThrow(/holds notes\.txt, which no sia-ae export wrote/);
    expect(() => writeExport(dir, bundle('new'))).toThrow(UsageError);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('leaves, after a failed write, no temporary file and a directory the next export accepts', () => {
    const dir = path.join(root, 'failed');
    writeExport(dir, bundle('old'));
    // 250 characters: a valid name, but its temporary file's name is too long (ENAMETOOLONG).
    const failing = { name: 'x'.repeat(250), data: 'x' };
    expect(() =>
      writeExportDirectory(dir, [{ name: 'new.csv', data: 'x' }, failing, ...exportFiles(bundle('new'))]),
    ).toThrow(/could not save .*ENAMETOOLONG/);
    writeExport(dir, bundle('new'));
    expect(readdirSync(dir).sort()).toEqual(
      exportFiles(bundle('new'))
        .map((f) => f.name)
        .sort(),
    );
  });

  it('follows a symlink to a directory: the files go into its target and the link stays', () => {
    mkdirSync(path.join(root, 'real'));
    symlinkSync('real', path.join(root, 'link'));
    writeExport(path.join(root, 'link'), bundle('linked'));
    expect(lstatSync(path.join(root, 'link')).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(root, 'real'))).toContain('report.md');
  });

  it('refuses a model file (--save, --model) inside the export directory', () => {
    const dir = path.join(root, 'owner');
    expect(() => checkExportDirectory(dir, undefined, { '--save': path.join(dir, 'model.json') })).toThrow(
      /--save .*model\.json lies inside the export directory/,
    );
    expect(() => checkExportDirectory(dir, undefined, { '--save': path.join(root, 'model.json') })).not.toThrow();
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
