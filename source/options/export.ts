/** `sia-ae export --model FILE DIR` options (DIR is an argument, not an option). */
import { text } from './kinds.js';
import { configOption, outputOptions } from './shared.js';

/** The --help section of its options. */
export const EXPORT_COMMAND = 'export';

export const EXPORT_COMMAND_OPTIONS = {
  model: text({ placeholder: 'FILE', group: EXPORT_COMMAND, help: 'a model saved with --save' }),
  ...outputOptions(EXPORT_COMMAND, 'one line: {"event":"result","experiment":"export",...}'),
  config: configOption(EXPORT_COMMAND),
};
