/** `sia-ae doctor`: why the GPU is used or not here, and what to install. */
import { rejectUnknown, type RawSettings } from '../config.js';
import type { GpuDiagnosis } from '../math/webgpu/doctor.js';
import { DOCTOR, DOCTOR_OPTIONS } from '../options/doctor.js';
import { optionsHelp } from '../options/help.js';
import { flagsOf } from '../options/table.js';
import { writeJsonLine } from '../report/json.js';
import type { Command, CommandContext } from './command.js';

async function runDoctor(settings: RawSettings, context: CommandContext): Promise<number> {
  rejectUnknown(settings, Object.keys(DOCTOR_OPTIONS), 'doctor');
  // Loaded here, not with every command: probing loads Dawn.
  const { diagnoseGpu } = await import('../math/webgpu/doctor.js');
  const diagnosis = await diagnoseGpu();
  if (context.output === 'json') writeJsonLine(context.stdout, { ...diagnosis });
  else context.stdout.write(`${doctorLines(diagnosis).join('\n')}\n`);
  return 0;
}

export function doctorLines(d: GpuDiagnosis): string[] {
  return [
    'WebGPU adapters (Dawn):',
    ...d.paths.map(({ flags, adapter, error }) => {
      const found = adapter ? `${adapter.name} (${adapter.driver})${adapter.software ? ', software' : ''}` : error;
      return `  ${flags.join(',')}: ${found}`;
    }),
    'Libraries:',
    ...d.libraries.map((l) => `  ${l.file}: ${l.at ?? `missing (apt ${l.apt}: ${l.why})`}`),
    `NVIDIA driver: ${d.nvidiaDriver ? 'loaded' : 'none'}; Vulkan ICDs: ${d.vulkanIcds.join(', ') || 'none'}`,
    d.auto,
    ...(d.advice.length ? ['What to do:', ...d.advice.map((a) => `  ${a}`)] : []),
  ];
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'why the GPU is used or not here: adapters, libraries, what to install',
  flags: flagsOf(DOCTOR_OPTIONS),
  help: `
  Usage: sia-ae doctor [--json]

  Looks for the GPU paths here: the WebGPU adapters Dawn finds (Vulkan for an
  NVIDIA GPU, OpenGL ES for Mesa's llvmpipe), whether each is a software
  adapter, the libraries they need, the NVIDIA driver's Vulkan ICD, what
  --backend auto does and why, and what to install. SIA_AE_DAWN_FLAGS
  (e.g. backend=vulkan,verbose=1) passes flags to Dawn.

  Options
${optionsHelp(DOCTOR_OPTIONS, DOCTOR)}
`,
  run: runDoctor,
};
