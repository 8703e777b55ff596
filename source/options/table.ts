/** What a command's option table makes: meow's flags, the defaults, and the parser of its settings. */
import { flagName, setting, type RawSettings } from '../config.js';
import { UsageError } from '../errors.js';
import { isValued, type ConfigOf, type FlagSpec, type Option, type OptionTable } from './option.js';

export function flagsOf(table: OptionTable): Record<string, FlagSpec> {
  return Object.fromEntries(Object.entries(table).map(([key, option]) => [key, option.flag]));
}

export function defaultsOf<T extends OptionTable>(table: T): ConfigOf<T> {
  const valued = Object.entries(table).flatMap(([key, option]) => (isValued(option) ? [[key, option.default]] : []));
  return Object.fromEntries(valued) as ConfigOf<T>;
}

/**
 * Every valued option of `table` parsed from `settings` or defaulted (a sweep's default where it has one), in
 * the table's order: the order of the config an export writes. Keys outside the table are left to the caller.
 */
export function parseTable<T extends OptionTable>(table: T, settings: RawSettings, sweep = false): ConfigOf<T> {
  const config: RawSettings = {};
  for (const [key, option] of Object.entries(table)) {
    if (!isValued(option)) continue;
    const fallback = sweep && option.sweepDefault !== undefined ? option.sweepDefault : option.default;
    config[key] = setting(settings, key, fallback, (k, v) => option.parse(k, v, settings));
  }
  return config as ConfigOf<T>;
}

/** Refuses an option given outside its scope: a sweep's option without --sweep, a single run's with it. */
export function checkScope(table: OptionTable, settings: RawSettings, sweep: boolean): void {
  const given = Object.keys(table).filter((key) => key !== 'sweep' && settings[key] !== undefined);
  const strayOfSweep = given.find((key) => table[key].scope === 'sweep');
  if (!sweep && strayOfSweep) throw new UsageError(`${flagName(strayOfSweep)} needs --sweep`);
  const strayOfRun = given.find((key) => table[key].scope === 'run');
  if (sweep && strayOfRun) {
    const instead = table[strayOfRun].insteadInSweep ?? '';
    throw new UsageError(`${flagName(strayOfRun)} applies to a single run, not --sweep${instead}`);
  }
}

/** One option read when the command needs it (its rule may depend on what it read before). */
export function readOption<T extends OptionTable, K extends keyof ConfigOf<T> & string>(
  table: T,
  key: K,
  settings: RawSettings,
): ConfigOf<T>[K] {
  const option = table[key] as Option<ConfigOf<T>[K]>;
  return setting(settings, key, option.default, (k, v) => option.parse(k, v, settings));
}
