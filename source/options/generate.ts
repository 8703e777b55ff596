/** `sia-ae generate` options: what to decode from a saved model's latent space. */
import { custom, text, whole } from './kinds.js';
import { configOption, outputOptions, seedOption } from './shared.js';

/** The --help sections of generate's options. */
export const WHAT = 'what';
export const OUTPUT = 'output';

export const GENERATE_OPTIONS = {
  model: text({ placeholder: 'FILE', group: WHAT, help: 'a font or VAE model saved with --save' }),
  /** Repeatable; a config file may give one point ("0,0") or a list. Checked against the model's latent size. */
  z: {
    ...custom<unknown[]>([], (_key, value) => (Array.isArray(value) ? value : [value]), {
      placeholder: 'X,Y',
      group: WHAT,
      help: 'decode this latent point (repeat for more points)',
    }),
    flag: { type: 'string', isMultiple: true } as const,
  },
  from: text({ placeholder: 'A', group: WHAT, help: 'interpolate from the code of glyph A ...' }),
  to: text({ placeholder: 'B', group: WHAT, help: '... to the code of glyph B ...' }),
  steps: whole(5, { min: 2, max: 64 }, { group: WHAT, help: '... in N steps, both ends included' }),
  /** A VAE's grid is at most 16 x 16 (generate-vae.ts). */
  grid: whole(
    undefined,
    { min: 2, max: 32 },
    {
      group: WHAT,
      help: 'an N x N grid over the latent range the training glyphs occupy (2-D models); VAE: over [-2, 2] x [-2, 2]',
    },
  ),
  samples: whole(
    undefined,
    { min: 1, max: 256 },
    {
      group: WHAT,
      help: 'VAE: N digits decoded from draws of N(0, I) ...',
    },
  ),
  seed: { ...seedOption(1, WHAT), help: '... with this seed' },
  ...outputOptions(OUTPUT, 'one result line: {"event":"result", "experiment":"generate","glyphs":[{label,z,pixels}]}'),
  config: configOption(OUTPUT),
};
