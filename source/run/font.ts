/**
 * The font autoencoder's run (run/glyph-run.ts): at its end the result, saved with --save and exported with
 * --export, with the latent points kept in the explorer.
 */
import { writeExport } from '../export/bundle.js';
import { fontExport } from '../export/font.js';
import type { GlyphDone } from '../train/font.js';
import { fontResult, type FontResult } from '../train/font-result.js';
import { GlyphRun, type GlyphRunPlan } from './glyph-run.js';

export interface FontRunPlan extends GlyphRunPlan {
  /** Training stops once every glyph has at most this many wrong pixels. */
  target: number;
}

/** The end of a run that reached it. */
export interface FontOutcome {
  line: { event: 'result' } & FontResult;
  /** The reconstructions of the last epoch (the summary draws the glyphs that still have errors). */
  outputs: Float32Array;
  /** --save: where the model went. */
  saved?: string;
  exported?: { dir: string; files: string[] };
}

export class FontRun extends GlyphRun<FontRunPlan, FontOutcome> {
  /** Latent points the user kept in the explorer (the export draws them). */
  kept: number[][] = [];

  finish(): FontOutcome {
    const done = this.done!;
    const { plan } = this;
    if (plan.save) this.saveTo(plan.save);
    const result = fontResult(done, plan.glyphs, {
      backend: plan.backend.backend.name,
      backendReason: plan.backend.reason,
      seed: plan.seed,
      target: plan.target,
    });
    const line = { event: 'result' as const, ...result };
    return { line, outputs: done.last.outputs, saved: plan.save, exported: this.export(done, line) };
  }

  private export(done: GlyphDone, line: FontOutcome['line']): FontOutcome['exported'] {
    if (!this.plan.export) return undefined;
    const { dir, settings } = this.plan.export;
    const kept = this.kept.map((z, i) => ({ label: `kept ${i + 1}`, z }));
    const bundle = fontExport({
      config: settings,
      glyphs: this.glyphs,
      views: this.plan.views,
      done,
      result: line,
      history: this.history.rows,
      kept,
    });
    return { dir, files: writeExport(dir, bundle) };
  }
}
