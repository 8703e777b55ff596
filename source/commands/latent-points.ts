/** The --z points of `generate` (repeatable), checked against the model's latent size. */
import { UsageError } from '../errors.js';
import { parseNumberList, type RawSettings } from '../config.js';

export interface LatentPoint {
  label: string;
  z: number[];
}

export const pointLabel = (z: number[]) => z.map((v) => v.toFixed(2)).join(',');

export function zPoints(settings: RawSettings, latentSize: number): LatentPoint[] {
  // Repeated flags give a list; a config file may give one point ("0,0") or a list of them.
  const given = settings.z === undefined ? [] : Array.isArray(settings.z) ? settings.z : [settings.z];
  return given.map((text: unknown) => {
    const z = parseNumberList('z', text);
    if (z.length !== latentSize)
      throw new UsageError(`--z needs ${latentSize} numbers (the latent size), got "${text}"`);
    return { label: pointLabel(z), z };
  });
}
