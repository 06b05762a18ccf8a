#!/usr/bin/env python3
# tests/integration/test-mime.py
# Builds a MIME database from the built shared-mime-info entry in a temporary
# folder and checks that annotation sidecars get their own type, also where
# the system's database knows *.xml as application/xml.
#
# Usage: test-mime.py BUILT-MIME.xml SOURCE_ROOT

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from tap import Tap, require_tool

TYPE = "application/x-glossator-annotations+xml"
NAMESPACE = "https://glossator.github.io/ns/annotations/1"
SYSTEM_DATA_DIRS = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"


def main():
    update = require_tool("update-mime-database", "shared-mime-info")
    entry = pathlib.Path(sys.argv[1])
    root = pathlib.Path(sys.argv[2])
    tap = Tap()

    with tempfile.TemporaryDirectory(prefix="glossator-mime-") as tmp:
        share = pathlib.Path(tmp) / "share"
        packages = share / "mime" / "packages"
        packages.mkdir(parents=True)
        shutil.copy(entry, packages / entry.name)

        # The temporary database comes first; the system's (with *.xml) after it.
        env = dict(os.environ, XDG_DATA_HOME=str(share),
                   XDG_DATA_DIRS=f"{share}:{SYSTEM_DATA_DIRS}")
        run = subprocess.run([update, str(share / "mime")], capture_output=True, text=True,
                             env=env)
        tap.ok(run.returncode == 0 and not run.stderr.strip(),
               "update-mime-database accepts the entry", run.stdout + run.stderr)
        mime = share / "mime"

        def lines(name):
            path = mime / name
            return path.read_text(encoding="utf-8").splitlines() if path.exists() else []

        globs = [l for l in lines("globs2") if TYPE in l]
        tap.ok(any(l.endswith(":*.annotations.xml") and int(l.split(":")[0]) > 50 for l in globs),
               "*.annotations.xml is a glob with a weight above *.xml's 50", repr(globs))
        tap.ok(f"{TYPE} application/xml" in lines("subclasses"),
               "the type is a subclass of application/xml")
        tap.ok(f"{NAMESPACE} annotations {TYPE}" in lines("XMLnamespaces"),
               "the root element <annotations> in the Glossator namespace identifies it")

        gio = shutil.which("gio")
        if gio is None:
            tap.skip("a sidecar's content type", "gio is not installed (libglib2.0-bin)")
        else:
            sidecar = pathlib.Path(tmp) / "riverside-library.txt.annotations.xml"
            shutil.copy(root / "data" / "samples" / sidecar.name, sidecar)
            run = subprocess.run([gio, "info", "-a", "standard::content-type", str(sidecar)],
                                 capture_output=True, text=True, env=env)
            tap.ok(f"standard::content-type: {TYPE}" in run.stdout,
                   "GIO sees the sample sidecar as Glossator annotations",
                   run.stdout + run.stderr)

    tap.done()


if __name__ == "__main__":
    main()
