#!/usr/bin/env python3
# tests/integration/test-cli-docs.py
# The manual pages and the bash completion say what the programs do: man
# renders both pages without a warning; glossator-cli.1 has a section for
# every command `glossator-cli --help` lists and names every option of
# every command's --help, and every format; glossator.1 names every option
# of `glossator --help-all`; the completion offers the same commands,
# options and formats, and file names; --version prints the version.
#
# Usage: test-cli-docs.py SOURCE_ROOT BUILT_MAN_DIR GLOSSATOR GLOSSATOR_CLI VERSION

import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

from cli_help import cli_commands, formats, long_options, run
from tap import Tap, require_tool

COMPLETION_SCRIPT = "/usr/share/bash-completion/bash_completion"


def complete(completion, cwd, *words):
    """What bash completes for the command line WORDS (the last one being
    completed), as the completion function leaves it in COMPREPLY."""
    line = " ".join(shlex.quote(w) if w else "''" for w in words)
    script = f"""
source {COMPLETION_SCRIPT}
source {shlex.quote(str(completion))}
COMP_WORDS=({line})
COMP_CWORD={len(words) - 1}
COMP_LINE={shlex.quote(" ".join(words))}
COMP_POINT=${{#COMP_LINE}}
COMPREPLY=()
_glossator_cli
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], cwd=cwd,
                            capture_output=True, text=True, timeout=30)
    return sorted(l for l in result.stdout.splitlines() if l)


def main():
    man = require_tool("man", "man-db")
    root = pathlib.Path(sys.argv[1])
    man_dir = pathlib.Path(sys.argv[2])
    glossator, cli, version = sys.argv[3], sys.argv[4], sys.argv[5]
    completion = root / "data" / "completions" / "glossator-cli"
    tap = Tap()

    # --version
    out = run([glossator, "--version"])
    tap.ok(out.returncode == 0 and out.stdout.strip() == f"glossator {version}",
           "glossator --version prints the project's version", out.stdout + out.stderr)
    out = run([cli, "--version"])
    tap.ok(out.returncode == 0 and out.stdout.strip() == f"glossator-cli {version}",
           "glossator-cli --version prints the project's version", out.stdout + out.stderr)

    # the manual pages
    pages = {}
    for name in ("glossator", "glossator-cli"):
        page = man_dir / f"{name}.1"
        source = page.read_text(encoding="utf-8")
        pages[name] = source.replace("\\-", "-")
        rendered = run([man, "--warnings", "-E", "UTF-8", "-l", str(page)])
        tap.ok(rendered.returncode == 0 and rendered.stdout.strip() and not rendered.stderr.strip(),
               f"man renders {name}.1 without a warning", rendered.stderr)
        th = re.search(r'^\.TH .*"Glossator ([^"]+)"', source, re.M)
        tap.ok(th is not None and th.group(1) == version, f"{name}.1 names the version {version}",
               th.group(0) if th else "no .TH line")

    commands = cli_commands(cli)
    tap.ok(len(commands) >= 6, "glossator-cli --help lists its commands", commands)
    man_cli = pages["glossator-cli"]
    sections = re.findall(r'^\.SS "([\w-]+)', man_cli, re.M)
    tap.ok(sorted(sections) == sorted(commands),
           "glossator-cli.1 has a section for every command, and no other",
           f"sections {sections}\ncommands {commands}")
    all_formats = set()
    for command in commands:
        help_text = run([cli, command, "--help"]).stdout
        options = long_options(help_text)
        missing = [o for o in options if o not in man_cli]
        tap.ok(options and not missing, f"glossator-cli.1 names every option of {command}",
               f"options {options}, missing {missing}")
        all_formats.update(formats(help_text))
    missing = [f for f in sorted(all_formats) if not re.search(rf"\.BR? .*\b{f}\b", man_cli)]
    tap.ok(len(all_formats) >= 6 and not missing, "glossator-cli.1 names every format",
           f"formats {sorted(all_formats)}, missing {missing}")
    tap.ok(all(re.search(rf"^\.B {n}$", man_cli, re.M) for n in "012"),
           "glossator-cli.1 explains the exit statuses 0, 1 and 2")

    options = long_options(run([glossator, "--help-all"]).stdout)
    missing = [o for o in options if o not in pages["glossator"]]
    tap.ok("--version" in options and not missing, "glossator.1 names every option of glossator --help-all",
           f"options {options}, missing {missing}")

    # the bash completion
    if not pathlib.Path(COMPLETION_SCRIPT).is_file():
        tap.skip("the bash completion", "bash-completion is not installed (Debian package bash-completion)")
        tap.done()
    with tempfile.TemporaryDirectory(prefix="glossator-completion-") as tmp:
        for name in ("article one.txt", "article one.txt.annotations.xml", "notes.ann"):
            (pathlib.Path(tmp) / name).write_text("x", encoding="utf-8")
        (pathlib.Path(tmp) / "out").mkdir()

        offered = complete(completion, tmp, "glossator-cli", "")
        tap.ok(sorted(commands + ["--help", "--version"]) == offered,
               "the completion offers every command, and --help and --version",
               f"offered {offered}\ncommands {commands}")
        for command in commands:
            help_text = run([cli, command, "--help"]).stdout
            offered = complete(completion, tmp, "glossator-cli", command, "--")
            tap.ok(offered == long_options(help_text),
                   f"the completion offers every option of {command}, and no other",
                   f"offered {offered}\n--help {long_options(help_text)}")
            if formats(help_text):
                offered = complete(completion, tmp, "glossator-cli", command, "--format", "")
                tap.ok(offered == sorted(formats(help_text)),
                       f"the completion offers the formats of {command} --format",
                       f"offered {offered}\n--help {formats(help_text)}")
        offered = complete(completion, tmp, "glossator-cli", "list", "art")
        tap.ok(offered == ["article one.txt", "article one.txt.annotations.xml"],
               "the completion offers file names", offered)
        offered = complete(completion, tmp, "glossator-cli", "export", "--format", "csv", "-o", "o")
        tap.ok(offered == ["out"], "the completion offers a folder after -o", offered)

    tap.done()


if __name__ == "__main__":
    main()
