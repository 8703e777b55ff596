/** Every subcommand, in the order `sia-ae --help` lists them. */
import type { Command } from './command.js';
import { benchCommand } from './bench.js';
import { denoiseCommand } from './denoise.js';
import { doctorCommand } from './doctor.js';
import { exportCommand } from './export.js';
import { fontCommand } from './font.js';
import { generateCommand } from './generate.js';
import { glyphsCommand } from './glyphs.js';
import { vaeCommand } from './vae.js';

export const DEFAULT_COMMAND = 'font';

export const COMMANDS: Command[] = [
  fontCommand,
  denoiseCommand,
  vaeCommand,
  generateCommand,
  glyphsCommand,
  benchCommand,
  exportCommand,
  doctorCommand,
];
