/** SVG -> PNG through resvg (a maintained renderer; its platform binary ships as an npm package). */
import { Resvg } from '@resvg/resvg-js';

/** The picture as PNG, `zoom` times the SVG's own size, on white. */
export function svgToPng(svg: string, zoom = 2): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, background: '#ffffff', logLevel: 'off' });
  return resvg.render().asPng();
}
