/**
 * Typed experiment settings: defaults, JSON config files, and validation that turns any bad value into one
 * UsageError naming the setting and what it accepts. Flags override the config file, which overrides defaults.
 */
import { UsageError } from './errors.js';
import { MiB, readRegularFile } from './io/files.js';

/** Raw settings as they arrive from flags or a config file: strings, numbers, booleans or lists. */
export type RawSettings = Record<string, unknown>;

/** Settings fit in a few KiB; the limit only stops a wrong path (a disk image, /dev/zero) from filling the memory. */
export const CONFIG_FILE_LIMIT = MiB;

/** Reads a JSON config file of settings (keys as the flags are spelled in camelCase: "mutationProb"). */
export function readConfigFile(file: string): RawSettings {
  const text = readRegularFile(file, { what: 'config file', limit: CONFIG_FILE_LIMIT });
  let parsed: unknown;
  try {
    // A byte-order mark is invisible in an editor: a file saved "with BOM" is the same settings.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`config file ${file} must hold one JSON object of settings, e.g. {"epochs": 500}`);
  }
  return parsed as RawSettings;
}

/** Settings that choose how the program runs, not what it trains: a config file naming them is a mistake. */
const COMMAND_LINE_ONLY: Record<string, string> = {
  json: 'output flags go on the command line (--json)',
  plain: 'output flags go on the command line (--plain)',
  config: 'a config file cannot name another config file',
};

/** Refuses a config file's settings that only the command line takes, rather than ignoring them. */
export function rejectCommandLineOnly(fromFile: RawSettings, file: string): void {
  const key = Object.keys(COMMAND_LINE_ONLY).find((name) => Object.hasOwn(fromFile, name));
  if (key) throw new UsageError(`config file ${file} sets "${key}": ${COMMAND_LINE_ONLY[key]}`);
}

/** Flags given on the command line win over the config file's settings; unset flags (undefined) do not. */
export function mergeSettings(fromFile: RawSettings, fromFlags: RawSettings): RawSettings {
  const merged = { ...fromFile };
  for (const [key, value] of Object.entries(fromFlags)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) merged[key] = value;
  }
  return merged;
}

/** Rejects settings this command does not take, naming them (a typo in a config file must not pass silently). */
export function rejectUnknown(settings: RawSettings, known: readonly string[], command: string): void {
  const unknown = Object.keys(settings).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new UsageError(`${command} does not take ${unknown.map(flagName).join(', ')} (see sia-ae ${command} --help)`);
  }
}

/** "mutationProb" -> "--mutation-prob", for messages. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** The bound itself is not allowed (lr > 0). */
  exclusiveMin?: boolean;
  integer?: boolean;
}

/** A learning rate: any positive step (0 would not learn, a negative one climbs the loss). */
export const LEARNING_RATE_RULE: NumberRule = { min: 0, exclusiveMin: true };

/** What the Rng takes without wrapping (it reads the seed as an unsigned 32-bit integer). */
export const SEED_RULE: NumberRule = { min: 0, max: 2 ** 32 - 1, integer: true };

/**
 * Plain decimal notation (12, -0.5, 1e-3). Number() would also read "0x10", "0b1", "0o7", "Infinity" and
 * whitespace (as 0), none of which a user means as a setting.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseNumber(key: string, value: unknown, rule: NumberRule = {}): number {
  const what = `${flagName(key)} ${rule.integer ? 'takes a whole number' : 'takes a number'}`;
  const isDecimalText = typeof value === 'string' && DECIMAL.test(value.trim());
  if (typeof value !== 'number' && !isDecimalText) throw new UsageError(`${what}, got ${JSON.stringify(value)}`);
  const number = Number(value);
  // JSON.parse reads 1e999 as Infinity: say so, rather than "got null" (JSON.stringify(Infinity)).
  if (!Number.isFinite(number))
    throw new UsageError(`${flagName(key)} is out of range, got ${isDecimalText ? value : 'a number beyond 1e308'}`);
  if (rule.integer && !Number.isInteger(number)) throw new UsageError(`${what}, got ${value}`);
  const { min, max, exclusiveMin } = rule;
  if (min !== undefined && (exclusiveMin ? number <= min : number < min)) {
    throw new UsageError(
      `${flagName(key)} must be ${exclusiveMin ? 'greater than' : 'at least'} ${min}, got ${number}`,
    );
  }
  if (max !== undefined && number > max) throw new UsageError(`${flagName(key)} must be at most ${max}, got ${number}`);
  return number;
}

export function parseChoice<T extends string>(key: string, value: unknown, choices: readonly T[]): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flagName(key)} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
}

/** A list given as "1,2,3" (flag) or [1, 2, 3] (config file). */
export function parseList(key: string, value: unknown): unknown[] {
  if (Array.isArray(value))
    return value.flatMap((item) => (typeof item === 'string' ? listEntries(key, item) : [item]));
  if (typeof value === 'string' || typeof value === 'number') return listEntries(key, String(value));
  throw new UsageError(`${flagName(key)} takes a comma-separated list, got ${JSON.stringify(value)}`);
}

/** "35,,2" is a typo, not the list 35,2: an empty entry is refused (an empty text is the empty list). */
function listEntries(key: string, text: string): string[] {
  if (text.trim() === '') return [];
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.includes('')) throw new UsageError(`${flagName(key)} has an empty entry in "${text}"`);
  return entries;
}

export function parseNumberList(key: string, value: unknown, rule: NumberRule = {}): number[] {
  const list = parseList(key, value).map((item) => parseNumber(key, item, rule));
  if (list.length === 0) throw new UsageError(`${flagName(key)} needs at least one value`);
  return list;
}

export function parseString(key: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${flagName(key)} takes a non-empty text value`);
  return value;
}

/** A switch: true or false (a flag given without a value is true). */
export function parseBoolean(key: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new UsageError(`${flagName(key)} is a switch: true or false, got ${JSON.stringify(value)}`);
}

/** Reads `key` with `parse` when present, else the default. */
export function setting<T>(
  settings: RawSettings,
  key: string,
  fallback: T,
  parse: (key: string, value: unknown) => T,
): T {
  return settings[key] === undefined ? fallback : parse(key, settings[key]);
}
