/** SVG -> pixels and PNG through resvg (a maintained renderer; its platform binary ships as an npm package). */
import { createRequire } from 'node:module';

/** resvg's native binding is loaded when a picture is first rendered, not with every command that can export. */
function loadResvg(): typeof import('@resvg/resvg-js') {
  return createRequire(import.meta.url)('@resvg/resvg-js');
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Buffer;
  asPng(): Buffer;
}

/** The picture rendered `zoom` times the SVG's own size, on white. Throws on malformed SVG. */
export function rasterise(svg: string, zoom = 2): Raster {
  const image = new (loadResvg().Resvg)(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    logLevel: 'off',
  }).render();
  return { width: image.width, height: image.height, pixels: image.pixels, asPng: () => image.asPng() };
}

export function svgToPng(svg: string, zoom = 2): Buffer {
  return rasterise(svg, zoom).asPng();
}
