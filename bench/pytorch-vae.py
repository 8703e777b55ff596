#!/usr/bin/env python3
"""PyTorch's side of bench/pytorch.ts: the comparison the issue quotes, on the CPU.

A small server, so that the driver can alternate it with our kernels in one run: it reads one command a line on
stdin and answers one JSON line on stdout.

    vae THREADS STEPS    times STEPS training steps of PyTorch's examples/vae (784-400-20, batch 128, Adam) on
                         THREADS intra-op threads
    matmul THREADS MS    ms per torch.mm of 128x784 by 784x512 on THREADS BLAS threads, repeated for >= MS ms

It first answers a line saying what it runs on (torch version, BLAS library, threads), or, where torch cannot be
imported, {"missing": "..."} and exits 0: CI does not install PyTorch (it is large), and the driver says it skipped.

PyTorch runs as the issue sets it up: intra-op threads (torch.set_num_threads), the BLAS at one thread per process
for the VAE; the matmul sets the BLAS's threads itself (openblas_set_num_threads), for one thread and for two.
OpenMP's threads wait passively: spinning, on 2 cores that other processes share, a VAE step on 2 intra-op threads
took 100-300 ms instead of 8 (measured here; each thread spins while the other waits for a core).
"""
import ctypes
import json
import os
import sys
import time

# Before torch loads: the BLAS and OpenMP read these once, at start-up.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

try:
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError as error:
    print(json.dumps({"missing": f"PyTorch is not installed for {sys.executable} ({error})"}), flush=True)
    sys.exit(0)

BATCH = 128


def loaded_blas():
    """The BLAS library the process really loaded: torch's BLAS_INFO only says 'generic' on Debian."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return sorted(paths)


def blas_threads_setter():
    """openblas_set_num_threads where the loaded BLAS is OpenBLAS (Debian's libblas.so.3 alternative), else None."""
    for path in loaded_blas():
        setter = getattr(ctypes.CDLL(path), "openblas_set_num_threads", None)
        if setter:
            return setter
    return None


class Vae(nn.Module):
    """PyTorch's examples/vae, as sia-ae's VAE follows it."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc21 = nn.Linear(400, 20)
        self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)

    def forward(self, x):
        h1 = F.relu(self.fc1(x))
        mu, logvar = self.fc21(h1), self.fc22(h1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z)))), mu, logvar


def mnist_batches(images_file, count):
    """`count` batches of MNIST training images in [0, 1] (raw IDX: a 16-byte header, then bytes)."""
    with open(images_file, "rb") as file:
        file.seek(16)
        pixels = file.read(count * BATCH * 784)
    images = torch.frombuffer(bytearray(pixels), dtype=torch.uint8).float().div_(255).view(count, BATCH, 784)
    return list(images)


class VaeSteps:
    def __init__(self, images_file):
        torch.manual_seed(1)
        self.model = Vae()
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-3)
        self.batches = mnist_batches(images_file, 40)
        self.next = 0

    def step(self):
        x = self.batches[self.next % len(self.batches)]
        self.next += 1
        recon, mu, logvar = self.model(x)
        bce = F.binary_cross_entropy(recon, x, reduction="sum")
        kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        self.optimizer.zero_grad()
        (bce + kld).backward()
        self.optimizer.step()
        return (bce + kld).item()

    def timed(self, threads, steps):
        torch.set_num_threads(threads)
        times = []
        for _ in range(steps):
            start = time.perf_counter()
            self.step()
            times.append((time.perf_counter() - start) * 1000)
        return times


def time_matmul(threads, sample_ms, set_blas_threads):
    a, b = torch.full((128, 784), 0.5), torch.full((784, 512), 0.25)
    out = torch.empty(128, 512)
    if set_blas_threads:
        set_blas_threads(threads)
    torch.mm(a, b, out=out)
    repeats = 1
    while True:
        start = time.perf_counter()
        for _ in range(repeats):
            torch.mm(a, b, out=out)
        elapsed = (time.perf_counter() - start) * 1000
        if elapsed >= sample_ms:
            break
        repeats *= 2
    if set_blas_threads:
        set_blas_threads(1)
    return elapsed / repeats


def main():
    images_file = sys.argv[1]
    set_blas_threads = blas_threads_setter()
    vae = VaeSteps(images_file)
    hello = {
        "torch": torch.__version__,
        "blas": loaded_blas(),
        "blasThreads": "set per matmul" if set_blas_threads else "unknown (not OpenBLAS)",
    }
    print(json.dumps(hello), flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "vae":
            answer = {"ms": vae.timed(int(args[0]), int(args[1]))}
        elif command == "matmul":
            answer = {"ms": time_matmul(int(args[0]), float(args[1]), set_blas_threads)}
        else:
            answer = {"error": f"unknown command {command}"}
        print(json.dumps(answer), flush=True)


main()
