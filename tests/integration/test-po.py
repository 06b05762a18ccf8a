#!/usr/bin/env python3
# tests/integration/test-po.py
# Checks every translation listed in po/LINGUAS with msgfmt -c --check-format.
# It first proves that the check bites: msgfmt must accept a good catalogue
# and reject a broken one that this script writes to a temporary folder.
#
# Usage: test-po.py SOURCE_ROOT

import pathlib
import subprocess
import sys
import tempfile

from tap import Tap, require_tool

HEADER = r'''msgid ""
msgstr ""
"Project-Id-Version: glossator\n"
"Report-Msgid-Bugs-To: \n"
"PO-Revision-Date: 2026-11-25 12:00+0000\n"
"Last-Translator: Test <test@example.org>\n"
"Language-Team: German\n"
"Language: de\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

'''

GOOD = HEADER + r'''#, c-format
msgid "%s is not a codebook"
msgstr "%s ist kein Codebuch"

#, c-format
msgid "%u annotation"
msgid_plural "%u annotations"
msgstr[0] "%u Annotation"
msgstr[1] "%u Annotationen"
'''

# A conversion that changed type, and a plural with a form missing.
BROKEN = HEADER + r'''#, c-format
msgid "%s is not a codebook"
msgstr "%d ist kein Codebuch"

#, c-format
msgid "%u annotation"
msgid_plural "%u annotations"
msgstr[0] "%u Annotation"
'''


def msgfmt_check(msgfmt, po):
    return subprocess.run([msgfmt, "-c", "--check-format", "-o", "/dev/null", str(po)],
                          capture_output=True, text=True)


def read_linguas(path):
    languages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        languages += line.split("#", 1)[0].split()
    return languages


def main():
    msgfmt = require_tool("msgfmt", "gettext")
    po_dir = pathlib.Path(sys.argv[1]) / "po"
    tap = Tap()

    with tempfile.TemporaryDirectory(prefix="glossator-po-") as tmp:
        good = pathlib.Path(tmp) / "good.po"
        broken = pathlib.Path(tmp) / "broken.po"
        good.write_text(GOOD, encoding="utf-8")
        broken.write_text(BROKEN, encoding="utf-8")
        run = msgfmt_check(msgfmt, good)
        tap.ok(run.returncode == 0, "msgfmt -c accepts a good catalogue", run.stderr)
        run = msgfmt_check(msgfmt, broken)
        tap.ok(run.returncode != 0, "msgfmt -c rejects a broken catalogue", run.stderr)
        tap.diag(run.stderr.replace(tmp + "/", ""))

    languages = read_linguas(po_dir / "LINGUAS")
    tap.ok(len(languages) == len(set(languages)), "LINGUAS lists each language once",
           repr(languages))
    on_disk = sorted(p.stem for p in po_dir.glob("*.po"))
    unlisted = [l for l in on_disk if l not in languages]
    tap.ok(not unlisted, "every po/*.po is listed in LINGUAS", "not listed: " + " ".join(unlisted))

    if not languages:
        tap.diag("LINGUAS lists no language yet")
    for language in languages:
        po = po_dir / (language + ".po")
        if not po.is_file():
            tap.ok(False, f"{language}: po/{po.name} exists")
            continue
        run = msgfmt_check(msgfmt, po)
        tap.ok(run.returncode == 0, f"{language}: msgfmt -c --check-format accepts po/{po.name}",
               run.stderr)

    tap.done()


if __name__ == "__main__":
    main()
