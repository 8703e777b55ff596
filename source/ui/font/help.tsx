/** The font dashboard's help page. */
import { TextBlock, type Rect } from '../text-block.js';

const HELP = [
  'q, Ctrl-C   quit (the terminal is restored; a summary stays on it)',
  'p           pause or resume training',
  's           save the model now (to --save FILE, or font-model.json)',
  'e           latent explorer: move a cursor over the latent plane and',
  '            watch the glyph it decodes to; Enter keeps it, Esc leaves',
  '← →         replay: the glyphs, codes and charts as they were at earlier',
  '            epochs (kept log-spaced); Esc or End returns to live',
  'tab         next page, when the terminal is too small for every panel',
  '↑ ↓         scroll the glyphs, when they do not fit',
  '?           this help (? or Esc closes it)',
  '',
  'glyphs      each trained glyph: the original, then the reconstruction;',
  '            X marks a pixel lit that should be dark, o one dark that',
  "            should be lit; the number is the glyph's wrong pixels",
  'latent      each glyph drawn at its 2-D code (braille dots, labelled)',
  'loss        the training loss (log scale when it spans decades) and',
  '            the wrong pixels: the most in any glyph, and the mean',
  '',
  'When training ends the dashboard stays open until q (--exit-on-done',
  'leaves at once). --plain or --json, or a pipe, print text instead.',
];

export function Help({ rect }: { rect: Rect }) {
  return <TextBlock title="keys" lines={HELP} rect={rect} />;
}
