/** The options part of a command's --help, made from its table: flag, placeholder, help and default. */
import { flagName } from '../config.js';
import { wrapWords } from '../render/format.js';
import { isValued, type AnyOption, type OptionTable } from './option.js';

/** Help lines stay within a classic terminal's width. */
const WIDTH = 80;
const INDENT = '    ';

/** The entries of `group`, the flags in one column and their help wrapped in the next. */
export function optionsHelp(table: OptionTable, group: string): string {
  const entries = Object.entries(table).filter(([, option]) => option.group === group);
  const flags = entries.map(([key, option]) => `${flagName(key)}${option.placeholder ? ` ${option.placeholder}` : ''}`);
  // The help column fits the flags, but a flag far longer than the rest gets its help on the next line.
  const column = Math.min(Math.max(...flags.map((flag) => flag.length)), 20) + 2;
  return entries.map(([, option], i) => entryLines(flags[i], option, column)).join('\n');
}

function entryLines(flag: string, option: AnyOption, column: number): string {
  const words = [...option.help.split(/\s+/), ...shownDefault(option)].filter((word) => word !== '');
  const lines = wrapWords(words, WIDTH - INDENT.length - column);
  const first = flag.length + 2 <= column ? [`${flag.padEnd(column)}${lines.shift() ?? ''}`] : [flag];
  const rest = lines.map((line) => `${' '.repeat(column)}${line}`);
  return [...first, ...rest].map((line) => `${INDENT}${line}`.trimEnd()).join('\n');
}

/** "[25]", "[0.3 / 0.1,0.3]" (a single run's and a sweep's), none for a switch or an absent default. */
function shownDefault(option: AnyOption): string[] {
  if (option.shown !== undefined) return [`[${option.shown}]`];
  if (!isValued(option) || !showsValue(option.default)) return [];
  const sweep = option.sweepDefault === undefined ? '' : ` / ${valueText(option.sweepDefault)}`;
  return [`[${valueText(option.default)}${sweep}]`];
}

const showsValue = (value: unknown) =>
  value !== undefined && typeof value !== 'boolean' && !(Array.isArray(value) && value.length === 0);

/** A value as a flag takes it: lists comma-separated, architectures dash-joined. */
function valueText(value: unknown): string {
  if (!Array.isArray(value)) return String(value);
  return value.map((item) => (Array.isArray(item) ? item.join('-') : String(item))).join(',');
}
