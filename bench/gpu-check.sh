#!/usr/bin/env bash
# The GPU checks of issue 12 in one go, for a GPU machine (no network needed): what sia-ae doctor sees, the WebGPU
# conformance tests with the adapter required (kernels, font, denoise, VAE), then `sia-ae bench --only gpu` (the
# font trainers' steps/s, the VAE's samples/s against the CPU's). About 2-4 minutes; each step has a time limit,
# so the whole stays under 8.
#
#   bash bench/gpu-check.sh
#
# A machine without libvulkan.so.1 (e.g. a container with only the NVIDIA driver's libraries) can be given one in
# the tree: copy libvulkan.so.1 from Debian's libvulkan1 into .gpu-libs/ (git-ignored; carry that path with the
# working tree) and this script puts it on LD_LIBRARY_PATH. Where the driver's Vulkan ICD file is missing but its
# library (libGLX_nvidia.so.0) is there, the script writes an ICD file for it and points VK_ICD_FILENAMES at it.
set -u
cd "$(dirname "$0")/.."

if [ -e .gpu-libs/libvulkan.so.1 ]; then
  export LD_LIBRARY_PATH="$PWD/.gpu-libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "using the carried .gpu-libs/libvulkan.so.1"
fi

icd_found() { ls /usr/share/vulkan/icd.d/nvidia_icd*.json /etc/vulkan/icd.d/nvidia_icd*.json >/dev/null 2>&1; }
nvidia_gl=$(ldconfig -p 2>/dev/null | awk '/libGLX_nvidia.so.0/ { print $NF; exit }')
if [ -z "${VK_ICD_FILENAMES:-}" ] && ! icd_found && [ -n "$nvidia_gl" ]; then
  icd=$(mktemp --suffix=.json)
  printf '{"file_format_version":"1.0.0","ICD":{"library_path":"%s","api_version":"1.3.0"}}\n' "$nvidia_gl" >"$icd"
  export VK_ICD_FILENAMES="$icd"
  echo "no nvidia_icd.json: wrote $icd for $nvidia_gl"
fi
unset DISPLAY # Dawn's Vulkan needs no display; a forwarded X one only gets in the way

status=0
step() {
  local limit=$1
  shift
  echo
  echo "== $* (at most ${limit} s)"
  local started=$SECONDS
  timeout "$limit" "$@" || { echo "!! exit status $? from: $*"; status=1; }
  echo "== $((SECONDS - started)) s"
}

step 60 npx tsx source/cli.tsx doctor
step 200 env SIA_AE_REQUIRE_WEBGPU=1 npx vitest run test/webgpu-*.test.ts test/bench-gpu.test.ts
step 200 npx tsx source/cli.tsx bench --only gpu
exit $status
