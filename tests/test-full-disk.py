#!/usr/bin/env python3
"""glossator-cli on a full disk: `annotate` and `import` refuse with a message
that names the file and the reason, exit 1, keep the old sidecar byte for
byte and leave no temporary file. The disk fills up through the fail-write
shim (LD_PRELOAD), and, where a small tmpfs can be mounted (as root),
for real."""

import os
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ["GLOSSATOR_CLI"]
SHIM = os.environ.get("GLOSSATOR_FAIL_WRITE_SHIM")

checks = []


def check(ok, what):
    checks.append((bool(ok), what))


def run(args, env=None):
    return subprocess.run([CLI] + args, capture_output=True, text=True, env=env)


def listing(folder):
    return sorted(os.listdir(folder))


def article(folder, words=200):
    path = os.path.join(folder, "article.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Officials said the flight left at dawn. " * words)
    return path


def full_disk_case(folder, env, label):
    path = article(folder)
    sidecar = path + ".annotations.xml"
    first = run(["annotate", path, "--category", "factual", "--start", "0", "--end", "9"])
    check(first.returncode == 0, f"{label}: the first annotation is saved")
    with open(sidecar, "rb") as f:
        before = f.read()
    files = listing(folder)

    note = "A long note. " * 6000
    full = run(["annotate", path, "--category", "statistic", "--start", "10", "--end", "14", "--note", note], env=env)
    check(full.returncode == 1, f"{label}: annotate on a full disk exits 1 (got {full.returncode})")
    check("No space left on device" in full.stderr, f"{label}: the message says why: {full.stderr.strip()[:120]!r}")
    check("article.txt.annotations.xml" in full.stderr, f"{label}: the message names the file")
    with open(sidecar, "rb") as f:
        check(f.read() == before, f"{label}: the old sidecar is unchanged byte for byte")
    check(listing(folder) == files, f"{label}: no file is left behind ({listing(folder)})")


def first_save_case(folder, env, label):
    path = article(folder)
    full = run(["annotate", path, "--category", "factual", "--start", "0", "--end", "9"], env=env)
    check(full.returncode == 1, f"{label}: the first save of a new sidecar on a full disk exits 1")
    check(listing(folder) == ["article.txt"], f"{label}: no sidecar and no temporary file is left ({listing(folder)})")
    again = run(["annotate", path, "--category", "factual", "--start", "0", "--end", "9"])
    check(again.returncode == 0, f"{label}: with room again, annotate works (no broken sidecar blocks it)")


with tempfile.TemporaryDirectory() as tmp:
    if SHIM and os.path.exists(SHIM):
        env = dict(os.environ, LD_PRELOAD=SHIM, GLS_FAIL_WRITE_PATH="/.article.txt.annotations.xml.",
                   GLS_FAIL_WRITE_AFTER="2000")
        for case in (full_disk_case, first_save_case):
            folder = os.path.join(tmp, "shim-" + case.__name__)
            os.mkdir(folder)
            case(folder, env, "shim")

    real = os.path.join(tmp, "tmpfs")
    os.mkdir(real)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", real],
                             capture_output=True).returncode == 0
    if mounted:
        try:
            full_disk_case(real, None, "real tmpfs of 64 KiB")
        finally:
            subprocess.run(["umount", real])

print(f"1..{len(checks) + (0 if mounted else 1)}")
n = 0
for ok, what in checks:
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")
if not mounted:
    n += 1
    print(f"ok {n} # SKIP cannot mount a small tmpfs here (not root?)")
sys.exit(0)
