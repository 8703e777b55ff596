/**
 * One command-line option, declared once: how meow reads it, its default, how its value is checked, and its
 * --help entry. A command's table of these makes its flags, its typed config, its parser, defaults and help.
 */
import type { RawSettings } from '../config.js';

/** How meow reads a flag: every value arrives as text (and is parsed here), a switch as a boolean. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  shortFlag?: string;
  isMultiple?: boolean;
}

/** Where a command with a --sweep mode takes an option: one training, the sweep, or both. */
export type Scope = 'run' | 'sweep' | 'both';

/** What --help says of an option, and where. */
export interface OptionText {
  help: string;
  /** Shown after the flag: LIST, N, NAME; none for a switch. */
  placeholder?: string;
  /** The --help section it is listed in (the command's help names its sections). */
  group?: string;
  /** The default as --help shows it when the value itself does not say it ("the cores available"). */
  shown?: string;
  scope?: Scope;
  /** Added to the "applies to a single run" error (" (use --architectures)"). */
  insteadInSweep?: string;
}

/** An option whose value the command reads: it lands in the command's config under its key. */
export interface Option<T> extends OptionText {
  flag: FlagSpec;
  default: T;
  /** The default of a --sweep run, where it differs (lists that a sweep walks). */
  sweepDefault?: T;
  /** Checks a given value; `settings` holds all of them, for options checked against others. */
  parse(key: string, value: unknown, settings: RawSettings): T;
}

/** An option read before the command's config (--config, --json, --backend): a flag and help only. */
export interface FlagOnly extends OptionText {
  flag: FlagSpec;
  flagOnly: true;
}

export type AnyOption = Option<unknown> | FlagOnly;
export type OptionTable = Record<string, AnyOption>;

/** The typed config a table reads: every valued option's key with its value type. */
export type ConfigOf<T extends OptionTable> = {
  -readonly [K in keyof T as T[K] extends FlagOnly ? never : K]: T[K] extends Option<infer V> ? V : never;
};

export function isValued(option: AnyOption): option is Option<unknown> {
  return !('flagOnly' in option);
}
