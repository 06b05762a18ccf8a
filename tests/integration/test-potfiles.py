#!/usr/bin/env python3
# tests/integration/test-potfiles.py
# po/POTFILES.in must list every file with translatable strings, and only
# files that exist; xgettext must then find the strings of each data file.
# The check is first run on a small tree made for the purpose, to prove
# that it catches a missing file and a stale entry.
#
# Usage: test-potfiles.py SOURCE_ROOT

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from tap import Tap

C_MARK = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext"
                    r"|g_dcgettext|g_dpgettext2?)\s*\(")
UI_MARK = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""", re.IGNORECASE)
# Data files that are translated when they are merged or compiled.
DATA_PATTERNS = ("data/*.desktop.in", "data/*.metainfo.xml.in", "data/*.gschema.xml",
                 "data/*.mime.xml", "data/codebooks/*.xml.in")
C_TOKEN = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def strip_comments(code):
    """C source without its comments (strings and characters kept)."""
    return C_TOKEN.sub(lambda m: " " if m.group(0)[0] == "/" else m.group(0), code)


def has_translatable_strings(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ui":
        return bool(UI_MARK.search(text))
    return bool(C_MARK.search(strip_comments(text)))


def read_potfiles(path):
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def problems(root):
    """(files with translatable strings missing from POTFILES.in, entries that do not exist)"""
    listed = read_potfiles(root / "po" / "POTFILES.in")
    candidates = set()
    for folder, suffixes in (("src", (".c", ".h")), ("ui", (".ui",))):
        for path in (root / folder).rglob("*"):
            if path.suffix in suffixes and path.is_file() and has_translatable_strings(path):
                candidates.add(path.relative_to(root).as_posix())
    for pattern in DATA_PATTERNS:
        candidates.update(p.relative_to(root).as_posix() for p in root.glob(pattern))
    missing = sorted(candidates - set(listed))
    stale = sorted(entry for entry in listed if not (root / entry).is_file())
    return missing, stale


def self_test(tap):
    """Plant a file that should be listed and an entry that should not be."""
    with tempfile.TemporaryDirectory(prefix="glossator-potfiles-") as tmp:
        root = pathlib.Path(tmp)
        files = {
            "po/POTFILES.in": "# comment\nsrc/core/listed.c\nsrc/core/gone.c\n",
            "src/core/listed.c": 'x = _("Listed");\n',
            "src/core/commented.c": '/* returns a string marked with N_() */\nx = "plain";\n',
            "src/gui/forgotten.c": 'label = C_("verb", "Open");\n',
            "ui/forgotten.ui": '<property name="label" translatable="yes">Save</property>\n',
            "ui/plain.ui": '<property name="icon-name">document-save</property>\n',
        }
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        missing, stale = problems(root)
        tap.ok(missing == ["src/gui/forgotten.c", "ui/forgotten.ui"],
               "the check finds the files planted without a POTFILES.in entry", repr(missing))
        tap.ok(stale == ["src/core/gone.c"],
               "the check finds the planted entry for a file that does not exist", repr(stale))


def expected_msgids(root):
    """One string from each kind of translatable data file, as xgettext should see it."""
    expected = {}
    desktop = root / "data" / "io.github.glossator.Glossator.desktop.in"
    for line in desktop.read_text(encoding="utf-8").splitlines():
        if line.startswith("GenericName="):
            expected["desktop entry"] = line.split("=", 1)[1]
    metainfo = ET.parse(root / "data" / "io.github.glossator.Glossator.metainfo.xml.in")
    expected["metainfo"] = metainfo.getroot().findtext("summary")
    mime = ET.parse(root / "data" / "io.github.glossator.Glossator.mime.xml")
    expected["MIME type"] = mime.getroot().findtext(
        ".//{http://www.freedesktop.org/standards/shared-mime-info}comment")
    schema = ET.parse(root / "data" / "io.github.glossator.Glossator.gschema.xml")
    expected["GSettings schema"] = schema.getroot().findtext(".//key/summary")
    return expected


def extract(tap, root):
    xgettext = shutil.which("xgettext")
    if xgettext is None:
        tap.skip("xgettext extracts every file in POTFILES.in", "xgettext is not installed (gettext)")
        return
    with tempfile.TemporaryDirectory(prefix="glossator-pot-") as tmp:
        pot = pathlib.Path(tmp) / "glossator.pot"
        env = dict(os.environ, GETTEXTDATADIRS=str(root / "data"))
        run = subprocess.run([xgettext, "--package-name=glossator", "-f",
                              str(root / "po" / "POTFILES.in"), "-D", str(root), "-o", str(pot),
                              "--from-code=UTF-8", "--add-comments", "--keyword=_",
                              "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                              "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3"],
                             capture_output=True, text=True, env=env)
        if not tap.ok(run.returncode == 0 and pot.is_file(),
                      "xgettext extracts every file in POTFILES.in", run.stderr):
            return
        msgids = pot.read_text(encoding="utf-8")
        for kind, text in expected_msgids(root).items():
            tap.ok(bool(text) and f'msgid "{text}"' in msgids,
                   f"the template has the {kind}'s strings", repr(text))


def main():
    root = pathlib.Path(sys.argv[1])
    tap = Tap()
    self_test(tap)
    missing, stale = problems(root)
    tap.ok(not missing, "every file with translatable strings is in po/POTFILES.in",
           "missing:\n" + "\n".join(missing))
    tap.ok(not stale, "every file in po/POTFILES.in exists", "stale:\n" + "\n".join(stale))
    extract(tap, root)
    tap.done()


if __name__ == "__main__":
    main()
