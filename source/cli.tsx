#!/usr/bin/env node
/**
 * The command line: flags -> validated settings -> the chosen command with the chosen output.
 * Bad input is one line on stderr and exit status 2; a diverged run is status 1 with advice.
 */
import meow from 'meow';
import { flagName, mergeSettings, readConfigFile, rejectCommandLineOnly, type RawSettings } from './config.js';
import { DivergedError, SaveError, UsageError } from './errors.js';
import { InterruptedError, INTERRUPTED_STATUS, watchProcess } from './io/interrupt.js';
import { COMMANDS, DEFAULT_COMMAND } from './commands/index.js';
import type { Command, CommandContext, OutputMode } from './commands/command.js';
import type { FlagSpec } from './options/option.js';
import { asciiStream } from './ui/ascii-stream.js';
import { terminalCapabilities, type Capabilities } from './ui/capabilities.js';

const OVERVIEW = `
  sia-ae: train autoencoders in the terminal and watch them learn

  Usage: sia-ae [command] [options]        (no command = ${DEFAULT_COMMAND})

  Commands
${COMMANDS.map((c) => `    ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

  sia-ae COMMAND --help shows a command's options; sia-ae --version (-v) the version.

  Examples
    sia-ae                          train the font autoencoder with the defaults
    sia-ae font --save model.json   ... and keep the model
    sia-ae generate --model model.json --grid 8
    sia-ae glyphs --chars abc
    sia-ae export --model model.json figures
`;

function allFlags(): Record<string, FlagSpec> {
  const general: Record<string, FlagSpec> = {
    help: { type: 'boolean', shortFlag: 'h' },
    version: { type: 'boolean', shortFlag: 'v' },
  };
  return Object.assign(general, ...COMMANDS.map((c) => c.flags));
}

function outputMode(flags: RawSettings, stdout: NodeJS.WriteStream, terminal: Capabilities): OutputMode {
  if (flags.json) return 'json';
  if (flags.plain || !stdout.isTTY || !terminal.fullScreen) return 'plain';
  return 'screen';
}

/** Settings for the command: its config file (if any) overlaid with the flags actually given. */
function settingsFor(command: Command, flags: RawSettings): RawSettings {
  // meow reads every boolean flag that was not given as false: false is "not given" here, so that one command's
  // switch (--sweep) is no stray flag of another, and a config file's true is not overridden.
  const given = Object.fromEntries(
    Object.entries(flags).filter(
      ([key, value]) =>
        key !== 'help' &&
        key !== 'config' &&
        value !== undefined &&
        value !== false &&
        !(Array.isArray(value) && value.length === 0),
    ),
  );
  const wrong = Object.keys(given).filter((key) => !(key in command.flags));
  if (wrong.length > 0)
    throw new UsageError(
      `${command.name} does not take ${wrong.map(flagName).join(', ')} (see sia-ae ${command.name} --help)`,
    );
  const fromFile = typeof flags.config === 'string' ? readConfigFile(flags.config) : {};
  if (typeof flags.config === 'string') rejectCommandLineOnly(fromFile, flags.config);
  const { json, plain, ...settings } = mergeSettings(fromFile, given);
  return settings;
}

/**
 * `--z -1.5,2` would read as flags -1 -.5 …: a negative number after an option that takes a value is joined
 * to it (`--z=-1.5,2`), so users need not know the `=` form.
 */
function joinNegativeValues(argv: string[]): string[] {
  const takesValue = (arg: string) =>
    allFlags()[arg.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())]?.type === 'string';
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (/^--[a-z-]+$/.test(argv[i]) && takesValue(argv[i]) && /^-[\d.]/.test(argv[i + 1] ?? ''))
      out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const cli = meow(OVERVIEW, {
    importMeta: import.meta,
    argv: joinNegativeValues(argv),
    flags: allFlags() as any,
    autoHelp: false,
    autoVersion: false,
    allowUnknownFlags: true,
  });
  const known = allFlags();
  const unknown = Object.keys(cli.flags).filter((key) => !(key in known));
  if (unknown.length > 0)
    throw new UsageError(`unknown option ${unknown.map(flagName).join(', ')} (see sia-ae --help)`);
  if (cli.flags.version) {
    process.stdout.write(`${cli.pkg.version}\n`); // meow read it from this program's package.json
    return 0;
  }
  const [name = DEFAULT_COMMAND, ...extra] = cli.input[0] === 'help' ? cli.input.slice(1) : cli.input;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    throw new UsageError(
      `unknown command "${name}": try ${COMMANDS.map((c) => c.name).join(', ')} (see sia-ae --help)`,
    );
  if (cli.flags.help || cli.input[0] === 'help') {
    process.stdout.write(cli.input.length === 0 ? OVERVIEW.slice(1) : command.help.slice(1));
    return 0;
  }
  const positional = command.arguments ?? [];
  if (extra.length > positional.length) {
    throw new UsageError(
      `unexpected argument "${extra[positional.length]}" (options start with --; see sia-ae ${command.name} --help)`,
    );
  }
  const flags = cli.flags as RawSettings;
  const terminal = terminalCapabilities(process.env, process.stdout);
  const output = outputMode(flags, process.stdout, terminal);
  const context: CommandContext = {
    // JSON stays as it is: its strings are data, not pictures.
    stdout: terminal.unicode || output === 'json' ? process.stdout : asciiStream(process.stdout),
    stderr: process.stderr,
    output,
    columns: process.stdout.columns || 80,
  };
  const settings = settingsFor(command, flags);
  positional.forEach((name, i) => {
    if (extra[i] !== undefined) settings[name] = extra[i];
  });
  return command.run(settings, context);
}

watchProcess();
main(process.argv.slice(2))
  .then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`sia-ae: ${error.message}\n`);
        process.exitCode = 2;
      } else if (error instanceof InterruptedError) {
        process.stderr.write(`sia-ae: stopped (${error.message})\n`);
        process.exitCode = INTERRUPTED_STATUS;
      } else if (error instanceof DivergedError) {
        process.stderr.write(`sia-ae: training diverged: ${error.message}; no model was saved\n`);
        process.exitCode = 1;
      } else if (error instanceof SaveError) {
        process.stderr.write(`sia-ae: ${error.message}\n`);
        process.exitCode = 1;
      } else {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(
          `sia-ae: internal error: ${message}` +
            `${process.env.SIA_AE_DEBUG ? `\n${(error as Error).stack}` : ' (SIA_AE_DEBUG=1 shows the stack)'}\n`,
        );
        process.exitCode = 1;
      }
    },
  )
  .finally(exitIfDawnStarted);

/** Dawn keeps Node running for as long as it lives (math/webgpu/device.ts): once the command is done, exit. */
async function exitIfDawnStarted(): Promise<void> {
  const { dawnStarted } = await import('./math/webgpu/device.js');
  if (dawnStarted()) process.exit();
}
