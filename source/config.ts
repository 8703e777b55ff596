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
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`config file ${file} must hold one JSON object of settings, e.g. {"epochs": 500}`);
  }
  return parsed as RawSettings;
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

interface NumberRule {
  min?: number;
  max?: number;
  /** The bound itself is not allowed (lr > 0). */
  exclusiveMin?: boolean;
  integer?: boolean;
}

export function parseNumber(key: string, value: unknown, rule: NumberRule = {}): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  const what = `${flagName(key)} ${rule.integer ? 'takes a whole number' : 'takes a number'}`;
  if (!Number.isFinite(number)) throw new UsageError(`${what}, got ${JSON.stringify(value)}`);
  if (rule.integer && !Number.isInteger(number)) throw new UsageError(`${what}, got ${value}`);
  const { min, max, exclusiveMin } = rule;
  if (min !== undefined && (exclusiveMin ? number <= min : number < min)) {
    throw new UsageError(`${flagName(key)} must be ${exclusiveMin ? 'greater than' : 'at least'} ${min}, got ${number}`);
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
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]));
  if (typeof value === 'string' || typeof value === 'number') return String(value).split(',').filter((s) => s.trim() !== '');
  throw new UsageError(`${flagName(key)} takes a comma-separated list, got ${JSON.stringify(value)}`);
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
export function setting<T>(settings: RawSettings, key: string, fallback: T, parse: (key: string, value: unknown) => T): T {
  return settings[key] === undefined ? fallback : parse(key, settings[key]);
}
