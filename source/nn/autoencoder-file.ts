/** Saving and loading an autoencoder with the characters it was trained on. */
import { GLYPH_PIXELS, loadFont, type Glyph } from '../data/font.js';
import { UsageError } from '../errors.js';
import { ACTIVATIONS, type Backend } from '../math/backend.js';
import { Autoencoder, type AutoencoderShape } from './autoencoder.js';
import { autoencoderSize, checkMemory } from './memory.js';
import { loadModelFile, saveModelFile } from './model-file.js';

const KIND = 'autoencoder';

export interface AutoencoderMeta {
  /** The characters the model was trained on, in font order. */
  chars: string[];
}

export function saveAutoencoder(file: string, model: Autoencoder, glyphs: Glyph[]): void {
  saveModelFile(file, {
    kind: KIND,
    shape: model.shape,
    meta: { chars: glyphs.map((g) => g.char) },
    parameters: model.store.values,
  });
}

export function loadAutoencoder(file: string, backend: Backend): Autoencoder {
  return readAutoencoder(file, backend).model;
}

export function readAutoencoder(file: string, backend: Backend): { model: Autoencoder; meta: AutoencoderMeta } {
  const saved = loadModelFile(file, KIND);
  const shape = saved.shape as AutoencoderShape;
  const valid =
    Array.isArray(shape?.layers) &&
    shape.layers.length >= 2 &&
    shape.layers.every((w) => Number.isInteger(w) && w > 0) &&
    [shape.activation, shape.latentActivation, shape.outputActivation].every((a) => ACTIVATIONS.includes(a));
  if (!valid) throw new UsageError(`${file}: corrupt model file (bad shape)`);
  if (shape.layers[0] !== GLYPH_PIXELS)
    throw new UsageError(
      `${file}: not a font model (its input has ${shape.layers[0]} pixels, a glyph ${GLYPH_PIXELS})`,
    );
  const meta = saved.meta as AutoencoderMeta;
  const font = loadFont();
  const isGlyph = (char: unknown) => font.some((g) => g.char === char);
  if (
    !Array.isArray(meta?.chars) ||
    meta.chars.length === 0 ||
    !meta.chars.every(isGlyph) ||
    new Set(meta.chars).size !== meta.chars.length
  ) {
    throw new UsageError(`${file}: corrupt model file (its training characters are not distinct glyphs of the font)`);
  }
  // A training batch and every glyph at once are the most rows a font model is given.
  checkMemory(file, autoencoderSize(shape.layers), 2 * font.length);
  const model = new Autoencoder(backend, shape);
  if (saved.parameters.length !== model.store.size) {
    throw new UsageError(
      `${file}: corrupt model file (${saved.parameters.length} parameters, the shape needs ${model.store.size})`,
    );
  }
  model.store.values.set(saved.parameters);
  return { model, meta };
}
