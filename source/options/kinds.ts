/** The kinds of option value, each built on a parse helper of config.ts (whose messages tests assert). */
import {
  parseBoolean,
  parseChoice,
  parseList,
  parseNumber,
  parseNumberList,
  parseString,
  type NumberRule,
  type RawSettings,
} from '../config.js';
import type { FlagOnly, Option, OptionText } from './option.js';

const VALUE = { type: 'string' } as const;

/** An option whose value is checked by `parse`, with `fallback` when none is given. */
export function custom<T>(
  fallback: T,
  parse: (key: string, value: unknown, settings: RawSettings) => T,
  text: OptionText,
): Option<T> {
  return { flag: VALUE, default: fallback, parse, ...text };
}

/** A whole number within `rule` (`fallback` undefined: optional). */
export function whole<D extends number | undefined>(
  fallback: D,
  rule: Omit<NumberRule, 'integer'>,
  text: OptionText,
): Option<number | D> {
  const parse = (key: string, value: unknown) => parseNumber(key, value, { ...rule, integer: true });
  return custom<number | D>(fallback, parse, { placeholder: 'N', ...text });
}

/** Any number within `rule`. */
export function decimal(fallback: number, rule: NumberRule, text: OptionText): Option<number> {
  return custom(fallback, (key, value) => parseNumber(key, value, rule), { placeholder: 'X', ...text });
}

/** One of `choices`. */
export function choice<C extends string, D extends C | undefined>(
  choices: readonly C[],
  fallback: D,
  text: OptionText,
): Option<C | D> {
  return custom<C | D>(fallback, (key, value) => parseChoice(key, value, choices), { placeholder: 'NAME', ...text });
}

/** A comma-separated list of numbers within `rule` (a config file may give a JSON array). */
export function numbers(fallback: number[], rule: NumberRule, text: OptionText): Option<number[]> {
  return custom(fallback, (key, value) => parseNumberList(key, value, rule), { placeholder: 'LIST', ...text });
}

/** A comma-separated list of texts. */
export function texts(fallback: string[], text: OptionText): Option<string[]> {
  return custom(fallback, (key, value) => parseList(key, value).map(String), { placeholder: 'LIST', ...text });
}

/** A non-empty text, absent unless given. */
export function text(about: OptionText): Option<string | undefined> {
  return custom<string | undefined>(undefined, (key, value) => parseString(key, value), about);
}

/** A switch: off unless given. */
export function switchOption(about: OptionText): Option<boolean> {
  return { flag: { type: 'boolean' }, default: false, parse: (key, value) => parseBoolean(key, value), ...about };
}

/** A flag read before the config is (output mode, config file, backend). */
export function flagOnly(about: OptionText & { type?: 'string' | 'boolean' }): FlagOnly {
  const { type = 'string', ...rest } = about;
  return { flag: { type }, flagOnly: true, ...rest };
}
