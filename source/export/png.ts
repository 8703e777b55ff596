/** SVG -> pixels and PNG through resvg (a maintained renderer; its platform binary ships as an npm package). */
import { Resvg } from '@resvg/resvg-js';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Buffer;
  asPng(): Buffer;
}

/** The picture rendered `zoom` times the SVG's own size, on white. Throws on malformed SVG. */
export function rasterise(svg: string, zoom = 2): Raster {
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, background: '#ffffff', logLevel: 'off' }).render();
  return { width: image.width, height: image.height, pixels: image.pixels, asPng: () => image.asPng() };
}

export function svgToPng(svg: string, zoom = 2): Buffer {
  return rasterise(svg, zoom).asPng();
}
