/** How a font or denoise run that stopped before its end says so: the epoch it reached, why, what it saved. */
import type { GlyphStopped } from '../run/glyph-run.js';
import { writeJsonLine } from './json.js';

export function writeStoppedText(out: NodeJS.WritableStream, { reason, saved, last }: GlyphStopped): void {
  const detail = last
    ? `: loss ${last.loss.toFixed(5)}, wrong pixels max ${last.maxPixelError} mean ${last.meanPixelError.toFixed(2)}`
    : '';
  out.write(
    `stopped at epoch ${last?.epoch ?? 0} (${reason})${detail}\n` +
      saved.map((file) => `saved the model to ${file}\n`).join(''),
  );
}

export function writeStoppedJson(out: NodeJS.WritableStream, { reason, saved, last }: GlyphStopped): void {
  writeJsonLine(out, {
    event: 'stopped',
    reason,
    epoch: last?.epoch ?? 0,
    ...(saved.length > 0 ? { saved: saved[0] } : {}),
  });
}
