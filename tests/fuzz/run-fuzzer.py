#!/usr/bin/env python3
"""Runs one libFuzzer harness for a while on a copy of its seed corpus, and
passes when libFuzzer finds nothing (no crash, leak, timeout or sanitizer
report). The seeds are read-only: libFuzzer writes the inputs it finds
into a temporary folder, removed afterwards. An input that fails is kept
in ARTIFACT_DIR, and the command that replays it is printed.

usage: run-fuzzer.py HARNESS SECONDS ARTIFACT_DIR PATTERN...

Each PATTERN is a file, or a glob ("**" for any folders); patterns that
match nothing (the shared corpus is absent) are skipped."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    harness, seconds, artifact_dir, *patterns = sys.argv[1:]
    harness = os.path.abspath(harness)
    os.makedirs(artifact_dir, exist_ok=True)
    name = os.path.basename(harness)

    with tempfile.TemporaryDirectory(prefix=name + "-") as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.mkdir(corpus)
        n_seeds = 0
        for pattern in patterns:
            for path in sorted(glob.glob(pattern, recursive=True)):
                if os.path.isfile(path):
                    shutil.copyfile(path, os.path.join(corpus, f"{n_seeds:04d}-{os.path.basename(path)}"))
                    n_seeds += 1
        print(f"# {name}: {n_seeds} seeds, {seconds} s", flush=True)

        before = set(os.listdir(artifact_dir))
        command = [harness, f"-max_total_time={seconds}", "-timeout=10",
                   "-print_final_stats=1", f"-artifact_prefix={artifact_dir}/{name}-", corpus]
        # The fast unwinder, whatever build-aux/test --sanitize chose for the
        # other tests: it runs the fuzzer ten times as fast, and a leak in a
        # harness's run still shows Glossator's frames (built with frame
        # pointers).
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "fast_unwind_on_malloc=1"]))
        # libFuzzer exits 77 (a skip for meson) when it finds something
        status = subprocess.run(command, cwd=tmp, env=env).returncode

    found = sorted(a for a in set(os.listdir(artifact_dir)) - before if a.startswith(name + "-"))
    for artifact in found:
        print(f"# found: replay with {harness} {os.path.join(artifact_dir, artifact)}")
    if status != 0 or found:
        print(f"# {name} failed (exit status {status})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
