#!/usr/bin/env python3
# tests/integration/test-gschema.py
# Compiles the GSettings schemas in data/ strictly, without writing anything,
# and checks that every key carries a translatable summary and description.
#
# Usage: test-gschema.py SOURCE_ROOT

import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

from tap import Tap, require_tool


def main():
    compiler = require_tool("glib-compile-schemas", "libglib2.0-bin")
    data = pathlib.Path(sys.argv[1]) / "data"
    tap = Tap()

    run = subprocess.run([compiler, "--strict", "--dry-run", str(data)],
                         capture_output=True, text=True)
    tap.ok(run.returncode == 0 and not run.stderr.strip(),
           "glib-compile-schemas --strict --dry-run accepts data/", run.stdout + run.stderr)

    schemas = sorted(data.glob("*.gschema.xml"))
    tap.ok(bool(schemas), "data/ has a schema")
    for path in schemas:
        schemalist = ET.parse(path).getroot()
        tap.ok(schemalist.get("gettext-domain") == "glossator",
               f"{path.name} names the glossator gettext domain",
               repr(schemalist.get("gettext-domain")))
        bare = [key.get("name") for key in schemalist.iter("key")
                if not (key.findtext("summary", "").strip()
                        and key.findtext("description", "").strip())]
        tap.ok(not bare, f"every key in {path.name} has a summary and a description",
               "missing in: " + ", ".join(bare))

    tap.done()


if __name__ == "__main__":
    main()
