/** Checks that an SVG is well-formed XML and renders to a picture that is not blank. */
import { XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { rasterise } from '../../source/export/png.js';

/** Fails the test unless `svg` parses as XML (the validator's error names line and column). */
export function expectValidXml(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
}

/** Share of pixels that are not (near) white. */
export function inkShare(svg: string, zoom = 1): number {
  const { pixels, width, height } = rasterise(svg, zoom);
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * 230) ink++;
  return ink / (width * height);
}

/** The width and height a PNG file declares in its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
