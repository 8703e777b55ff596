/**
 * How a font or denoise run that stopped before its end reports it: the epoch it reached, why it stopped, and
 * the model it saved (with --save). The VAE says the same with its checkpoints (commands/vae.ts).
 */
import { interruptions, INTERRUPTED_STATUS } from '../io/interrupt.js';
import { writeJsonLine } from '../report/json.js';
import type { CommandContext } from './command.js';

export interface StoppedRun {
  epoch: number;
  /** The file the model went to, when --save was given. */
  saved?: string;
  /** More about where it stood ("loss 0.1, wrong pixels max 3"), for people. */
  detail?: string;
}

/** Writes the stop and returns the exit status of an interrupted run. */
export function reportStopped(context: CommandContext, { epoch, saved, detail }: StoppedRun): number {
  const reason = interruptions.reason ?? 'q';
  if (context.output === 'json') writeJsonLine(context.stdout, { event: 'stopped', reason, epoch, ...(saved ? { saved } : {}) });
  else context.stdout.write(`stopped at epoch ${epoch} (${reason})${detail ? `: ${detail}` : ''}\n${saved ? `saved the model to ${saved}\n` : ''}`);
  return INTERRUPTED_STATUS;
}
