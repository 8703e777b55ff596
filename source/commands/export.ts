/** `sia-ae export --model FILE DIR`: the figures, tables and report of a saved model, without training. */
import { loadFont, selectGlyphs } from '../data/font.js';
import { UsageError } from '../errors.js';
import { writeExport } from '../export/bundle.js';
import type { ExportBundle } from '../export/contents.js';
import { checkExportDirectory } from '../export/directory.js';
import { fontExport } from '../export/font.js';
import { createCpuBackend, createViewBackend } from '../math/select.js';
import { readAutoencoder } from '../nn/autoencoder-file.js';
import { modelFileKind } from '../nn/model-file.js';
import { VAE_KIND } from '../nn/vae-file.js';
import { trainFont, type GlyphDone } from '../train/font.js';
import { fontResult } from '../train/font-result.js';
import { parseString, rejectUnknown, setting, type RawSettings } from '../config.js';
import { writeJsonLine } from '../report/json.js';
import type { Command, CommandContext } from './command.js';
import { EXPORT_COMMAND, EXPORT_COMMAND_OPTIONS } from '../options/export.js';
import { optionsHelp } from '../options/help.js';
import { flagsOf, parseTable } from '../options/table.js';
import { exportedLine } from '../report/exported.js';
import { vaeModelExport } from './export-vae.js';
import { FONT_DEFAULTS, fontTraining } from '../options/font.js';

/** The export of each kind of saved model (the model file's `kind`). */
const SAVED_MODEL_EXPORTS = new Map<string, (file: string) => ExportBundle>([
  ['autoencoder', fontModelExport],
  [VAE_KIND, vaeModelExport],
]);

/**
 * A saved font model, evaluated as the trainer evaluates its last epoch (training for zero epochs): the same
 * result fields, glyph sheet, scatter and generated letters. A model file keeps no history, so no curves.
 */
function fontModelExport(file: string): ExportBundle {
  const backend = createCpuBackend();
  try {
    const { model, meta } = readAutoencoder(file, backend);
    const glyphs = selectGlyphs(loadFont(), meta.chars.join(''));
    const d = FONT_DEFAULTS;
    const events = trainFont(backend, glyphs, fontTraining({ ...d, epochs: 0 }, model.shape), model);
    const done = [...events].find((event): event is GlyphDone => event.type === 'done')!;
    const result = {
      event: 'result' as const,
      ...fontResult(done, glyphs, {
        backend: backend.name,
        backendReason: 'export evaluates on the CPU',
        seed: d.seed,
        target: d.target,
      }),
    };
    const config = {
      load: file,
      layers: model.shape.layers,
      activation: model.shape.activation,
      latentActivation: model.shape.latentActivation,
      loss: d.loss,
      target: d.target,
      subset: glyphs.length < loadFont().length ? meta.chars.join('') : undefined,
    };
    return fontExport({ config, glyphs, views: createViewBackend(), done, result, history: [], modelFile: file });
  } finally {
    backend.dispose();
  }
}

async function runExport(settings: RawSettings, context: CommandContext): Promise<number> {
  rejectUnknown(settings, [...Object.keys(EXPORT_COMMAND_OPTIONS), 'dir'], 'export');
  const file = parseTable(EXPORT_COMMAND_OPTIONS, settings).model;
  const dir = setting(settings, 'dir', undefined, parseString);
  if (!file || !dir) throw new UsageError('usage: sia-ae export --model FILE DIR (see sia-ae export --help)');
  checkExportDirectory(dir, `export directory ${dir}`, { '--model': file });
  const kind = modelFileKind(file);
  const exportOf = SAVED_MODEL_EXPORTS.get(kind);
  if (!exportOf)
    throw new UsageError(
      `${file}: cannot export a ${kind} model (export knows ${[...SAVED_MODEL_EXPORTS.keys()].join(', ')})`,
    );
  const files = writeExport(dir, exportOf(file));
  if (context.output === 'json')
    writeJsonLine(context.stdout, { event: 'result', experiment: 'export', model: file, dir, files });
  else context.stdout.write(exportedLine(dir, files));
  return 0;
}

export const exportCommand: Command = {
  name: 'export',
  summary: "write a saved model's figures, tables and report to DIR",
  flags: flagsOf(EXPORT_COMMAND_OPTIONS),
  arguments: ['dir'],
  help: `
  Usage: sia-ae export --model FILE DIR

  Writes what the screen shows of a saved model into DIR: for a font model the
  latent scatter, the glyph sheet, generated letters, interpolations and the
  latent grid as SVG; for a VAE the latent scatter by class and the digit grids
  (reconstructions, generated digits) as SVG and PNG, evaluated on the images
  it trained on. Also every table as CSV and Markdown, result.json (the result
  fields a run's --json result line has) and a report.md that links them. A
  model file keeps no training history, so no loss curves: \`--export DIR\` on
  the trainer writes those too.

  DIR must be new, empty, or an earlier export, whose files are replaced (each
  one whole); a directory holding any other file is refused, and so is a
  --model FILE inside DIR. A symlink to a directory is followed.

  Options
${optionsHelp(EXPORT_COMMAND_OPTIONS, EXPORT_COMMAND)}

  Examples
    sia-ae font --save font-model.json
    sia-ae export --model font-model.json font-figures
    sia-ae vae --save vae.json && sia-ae export --model vae.json vae-figures
`,
  run: runExport,
};
