#!/usr/bin/env python3
# tests/integration/test-desktop-file.py
# Validates the built desktop entry with desktop-file-validate and checks
# that its icon, program and MIME types exist in the project.
#
# With D-Bus activation, the service file has the entry's name and starts
# the program as a GApplication service.
#
# Usage: test-desktop-file.py BUILT.desktop SOURCE_ROOT BUILT.service BINDIR

import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

from tap import Tap, require_tool

APP_ID = "io.github.glossator.Glossator"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def read_entry(path):
    """The [Desktop Entry] group as a dict, without the translated keys."""
    entry = {}
    group = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line
            continue
        if group == "[Desktop Entry]" and "=" in line:
            key, value = line.split("=", 1)
            if "[" not in key:
                entry[key.strip()] = value.strip()
    return entry


def main():
    validate = require_tool("desktop-file-validate", "desktop-file-utils")
    desktop = pathlib.Path(sys.argv[1])
    root = pathlib.Path(sys.argv[2])
    tap = Tap()

    run = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
    output = (run.stdout + run.stderr).strip()
    problems = [l for l in output.splitlines() if " error: " in l or " warning: " in l]
    hints = [l for l in output.splitlines() if " hint: " in l]
    for hint in sorted(set(hints)):
        tap.diag(hint)
    tap.ok(run.returncode == 0 and not problems,
           f"desktop-file-validate accepts {desktop.name}", output)

    entry = read_entry(desktop)
    tap.ok(desktop.name == APP_ID + ".desktop", "the file is named after the application id",
           desktop.name)
    tap.ok(entry.get("Icon") == APP_ID, "Icon is the application id", repr(entry.get("Icon")))
    for icon in ("icons/hicolor/scalable/apps/" + APP_ID + ".svg",
                 "icons/hicolor/symbolic/apps/" + APP_ID + "-symbolic.svg"):
        tap.ok((root / "data" / icon).is_file(), f"data/{icon} exists")
    tap.ok(entry.get("Exec", "").split()[:1] == ["glossator"], "Exec runs glossator",
           repr(entry.get("Exec")))
    tap.ok(entry.get("Categories") == "Office;Education;Science;",
           "Categories are Office, Education and Science", repr(entry.get("Categories")))

    for key in ("Name", "GenericName", "Comment", "Keywords"):
        tap.ok(bool(entry.get(key)), f"{key} is set")

    service = pathlib.Path(sys.argv[3])
    bindir = sys.argv[4]
    tap.ok(entry.get("DBusActivatable") == "true", "DBusActivatable is true",
           repr(entry.get("DBusActivatable")))
    groups = service.read_text(encoding="utf-8").splitlines()
    keys = dict(l.split("=", 1) for l in groups if "=" in l)
    tap.ok(groups[:1] == ["[D-BUS Service]"] and service.name == APP_ID + ".service"
           and keys.get("Name") == APP_ID,
           "the D-Bus service file is named after the application id and owns that name",
           "\n".join(groups))
    tap.ok(keys.get("Exec") == f"{bindir}/glossator --gapplication-service",
           "the D-Bus service starts the installed glossator as a service", repr(keys.get("Exec")))

    mime_types = [t for t in entry.get("MimeType", "").split(";") if t]
    tap.ok("text/plain" in mime_types, "MimeType has text/plain", repr(mime_types))
    defined = {t.get("type") for t in
               ET.parse(root / "data" / (APP_ID + ".mime.xml")).getroot().iter(MIME_NS + "mime-type")}
    own = [t for t in mime_types if "glossator" in t]
    tap.ok(bool(own) and all(t in defined for t in own),
           "the annotations MIME type is listed and defined in the shared-mime-info entry",
           f"listed {own}, defined {sorted(defined)}")

    tap.done()


if __name__ == "__main__":
    main()
