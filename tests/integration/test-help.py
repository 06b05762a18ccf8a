#!/usr/bin/env python3
# tests/integration/test-help.py
# The user guide: every page is valid Mallard (yelp-check validate), linked
# from the guide and installed; its links resolve; it names every command
# glossator-cli lists; and it can be translated: itstool extracts its
# messages and merges a translation into pages that still validate; and
# each language in data/help/LINGUAS translates every message of the guide
# as it is now, into pages that validate.
#
# Usage: test-help.py SOURCE_ROOT GLOSSATOR_CLI

import pathlib
import re
import subprocess
import sys
import tempfile

from cli_help import cli_commands
from tap import Tap, require_tool

PO_HEADER = '''msgid ""
msgstr ""
"Project-Id-Version: glossator-help\\n"
"Language: de\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

'''


def main():
    yelp_check = require_tool("yelp-check", "yelp-tools")
    itstool = require_tool("itstool", "itstool")
    root = pathlib.Path(sys.argv[1])
    cli = sys.argv[2]
    help_dir = root / "data" / "help" / "C"
    pages = sorted(help_dir.glob("*.page"))
    tap = Tap()

    tap.ok(len(pages) >= 8, "the guide has its pages", [p.name for p in pages])
    names = [p.name for p in pages]
    run = subprocess.run([yelp_check, "validate", *names], cwd=help_dir,
                         capture_output=True, text=True)
    tap.ok(run.returncode == 0, "yelp-check validate accepts every page", run.stdout + run.stderr)
    for check in ("links", "orphans"):
        run = subprocess.run([yelp_check, check, *names], cwd=help_dir,
                             capture_output=True, text=True)
        tap.ok(run.returncode == 0 and not run.stdout.strip(),
               f"yelp-check {check} finds nothing wrong", run.stdout + run.stderr)

    listed = re.findall(r"'([\w-]+\.page)'", (root / "data" / "help" / "meson.build").read_text(encoding="utf-8"))
    tap.ok(sorted(listed) == names, "data/help/meson.build installs every page",
           f"listed {sorted(listed)}\non disk {names}")

    text = (help_dir / "command-line.page").read_text(encoding="utf-8")
    commands = cli_commands(cli)
    missing = [c for c in commands if f"glossator-cli {c}" not in text]
    tap.ok(commands and not missing, "the command-line page describes every command of glossator-cli",
           f"commands {commands}, missing {missing}")

    with tempfile.TemporaryDirectory(prefix="glossator-help-") as tmp:
        tmp = pathlib.Path(tmp)
        pot = tmp / "glossator.pot"
        run = subprocess.run([itstool, "-o", str(pot), *map(str, pages)],
                             capture_output=True, text=True)
        msgids = re.findall(r'^msgid "(.+)"$', pot.read_text(encoding="utf-8"), re.M) if pot.exists() else []
        tap.ok(run.returncode == 0 and "Working as a team" in msgids,
               "itstool extracts the guide's messages", run.stderr)

        po = tmp / "de.po"
        po.write_text(PO_HEADER + 'msgid "Working as a team"\nmsgstr "Arbeiten im Team"\n',
                      encoding="utf-8")
        mo = tmp / "de.mo"
        subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True)
        out = tmp / "de"
        out.mkdir()
        run = subprocess.run([itstool, "-m", str(mo), "-l", "de", "-o", str(out),
                              str(help_dir / "team.page")], capture_output=True, text=True)
        merged = out / "team.page"
        translated = merged.exists() and "Arbeiten im Team" in merged.read_text(encoding="utf-8")
        valid = subprocess.run([yelp_check, "validate", str(merged)], capture_output=True,
                               text=True) if merged.exists() else None
        tap.ok(run.returncode == 0 and translated and valid is not None and valid.returncode == 0,
               "a translation merges into a page that still validates",
               run.stderr + (valid.stdout if valid else ""))

        check_translations(tap, root, pages, pot, itstool, yelp_check, tmp)

    tap.done()


def catalog(path):
    """The translated messages of a po file: msgid → msgstr, fuzzy ones left out."""
    run = subprocess.run(["msgattrib", "--translated", "--no-fuzzy", "--no-obsolete",
                          "--no-wrap", str(path)], capture_output=True, text=True)
    entries = {}
    for block in run.stdout.split("\n\n"):
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        msgstr = re.search(r'^msgstr "(.*)"$', block, re.M)
        if msgid and msgstr and msgid.group(1) and msgstr.group(1):
            entries[msgid.group(1)] = msgstr.group(1)
    return entries


def check_translations(tap, root, pages, pot, itstool, yelp_check, tmp):
    linguas = root / "data" / "help" / "LINGUAS"
    languages = [line.strip() for line in linguas.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    tap.ok(languages, "data/help/LINGUAS names the guide's translations", languages)
    wanted = set(catalog(pot) or re.findall(r'^msgid "(.+)"$',
                                            subprocess.run(["msgcat", "--no-wrap", str(pot)],
                                                           capture_output=True, text=True).stdout,
                                            re.M))
    for lang in languages:
        po = root / "data" / "help" / lang / f"{lang}.po"
        run = subprocess.run(["msgfmt", "-c", "--check-format", "-o", str(tmp / f"{lang}.mo"), str(po)],
                             capture_output=True, text=True)
        tap.ok(run.returncode == 0, f"help {lang}: {po.name} is a valid catalogue", run.stderr)
        missing = sorted(wanted - set(catalog(po))) if po.exists() else sorted(wanted)
        tap.ok(not missing, f"help {lang}: every message of the guide is translated",
               f"{len(missing)} missing, the first: {missing[:3]}")
        out = tmp / f"pages-{lang}"
        out.mkdir()
        run = subprocess.run([itstool, "-m", str(tmp / f"{lang}.mo"), "-l", lang, "-o", str(out),
                              *map(str, pages)], capture_output=True, text=True)
        merged = sorted(out.glob("*.page"))
        valid = subprocess.run([yelp_check, "validate", *map(str, merged)],
                               capture_output=True, text=True) if merged else None
        tap.ok(run.returncode == 0 and len(merged) == len(pages) and valid and valid.returncode == 0,
               f"help {lang}: the translated pages validate",
               run.stderr + (valid.stdout if valid else ""))


if __name__ == "__main__":
    main()
