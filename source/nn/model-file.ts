/**
 * The model file: versioned JSON with the parameters as base64 float32, written atomically.
 * Reading validates everything, so a corrupt or foreign file is one clear UsageError.
 */
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { MiB, readRegularFile } from '../io/files.js';

export const MODEL_FORMAT = 'sia-ae-model';
export const MODEL_VERSION = 1;
/** The file is read as one string, and V8's strings end just under 512 MiB: a larger model could not load anyway. */
export const MODEL_FILE_LIMIT = 500 * MiB;

export interface ModelFile<Shape = unknown, Meta = unknown> {
  kind: string;
  shape: Shape;
  /** Whatever the model's owner needs besides the weights (training glyphs, optimizer state, epoch …). */
  meta: Meta;
  parameters: Float32Array;
  /** Further named arrays (optimizer moments in a checkpoint). */
  arrays?: Record<string, Float32Array>;
}

const toBase64 = (values: Float32Array) =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

function fromBase64(text: unknown, file: string): Float32Array {
  if (typeof text !== 'string') throw new UsageError(`${file}: not a sia-ae model (parameters missing)`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) throw new UsageError(`${file}: corrupt model file (parameter bytes not a multiple of 4)`);
  const values = new Float32Array(bytes.length / 4);
  new Uint8Array(values.buffer).set(bytes);
  // Training never saves NaN or infinity (a diverged run saves nothing): such a value is corruption.
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw new UsageError(`${file}: corrupt model file (value ${bad} is ${values[bad]})`);
  return values;
}

export function saveModelFile(file: string, model: ModelFile): void {
  const arrays = Object.fromEntries(
    Object.entries(model.arrays ?? {}).map(([name, values]) => [name, toBase64(values)]),
  );
  const json = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: model.kind,
    shape: model.shape,
    meta: model.meta,
    parameters: toBase64(model.parameters),
    arrays,
  };
  writeFileAtomic(file, JSON.stringify(json));
}

export function loadModelFile(file: string, expectedKind: string): ModelFile {
  const json = readModelJson(file);
  if (json.kind !== expectedKind) throw new UsageError(`${file}: holds a ${json.kind} model, expected ${expectedKind}`);
  const arrays = Object.fromEntries(
    Object.entries(json.arrays ?? {}).map(([name, text]) => [name, fromBase64(text, file)]),
  );
  return { kind: json.kind, shape: json.shape, meta: json.meta, parameters: fromBase64(json.parameters, file), arrays };
}

/** The kind of model a file holds ("autoencoder" …), for commands that take any saved model. */
export function modelFileKind(file: string): string {
  return String(readModelJson(file).kind);
}

/** 2, or "1" (a string): a version of the wrong JSON type must not read as the right one. */
function describeVersion(version: unknown): string {
  if (typeof version === 'number') return String(version);
  if (version === undefined) return 'missing';
  const type =
    version === null
      ? 'null'
      : Array.isArray(version)
        ? 'an array'
        : typeof version === 'object'
          ? 'an object'
          : `a ${typeof version}`;
  return `${JSON.stringify(version)} (${type})`;
}

/** The file's JSON, checked to be a sia-ae model file of the version this program reads. */
function readModelJson(file: string): Record<string, any> {
  const text = readRegularFile(file, { what: 'model file', limit: MODEL_FILE_LIMIT });
  let json: Record<string, any>;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: corrupt model file (not valid JSON)`);
  }
  if (json?.format !== MODEL_FORMAT) throw new UsageError(`${file}: not a sia-ae model file`);
  if (json.version !== MODEL_VERSION)
    throw new UsageError(
      `${file}: model file version ${describeVersion(json.version)}, this sia-ae reads version ${MODEL_VERSION}`,
    );
  return json;
}
