/** What the font dashboard shows of its run that stays fixed: the glyphs, the model, the target. */
import type { Glyph } from '../../data/font.js';
import type { Autoencoder } from '../../nn/autoencoder.js';
import { ModelSnapshot } from '../../nn/model-snapshot.js';
import type { FontRun } from '../../run/font.js';
import { backendDisplayName } from '../../render/backend-name.js';

/** What stays fixed for the whole run. */
export interface FontRunInfo {
  glyphs: Glyph[];
  /** The model being trained: the explorer decodes with a copy of its weights, `s` saves it. */
  model: Autoencoder;
  /** The copy of the model the explorer decodes with, on the run's views backend. */
  snapshot: ModelSnapshot;
  backend: string;
  maxEpochs: number;
  target: number;
}

export function fontRunInfo(run: FontRun): FontRunInfo {
  return {
    glyphs: run.glyphs,
    model: run.model,
    snapshot: new ModelSnapshot(run.model, run.plan.views),
    backend: backendDisplayName(run.backend.backend.name),
    maxEpochs: run.plan.maxEpochs,
    target: run.plan.target,
  };
}
