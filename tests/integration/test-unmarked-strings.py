#!/usr/bin/env python3
# tests/integration/test-unmarked-strings.py
# Runs check-unmarked.py on a planted fixture, where it must report exactly
# the lines marked "expect: unmarked", and then on src/, where it must report
# nothing.
#
# Usage: test-unmarked-strings.py SOURCE_ROOT

import importlib.util
import pathlib
import sys

from tap import Tap

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_unmarked", HERE / "check-unmarked.py")
check_unmarked = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_unmarked)


def main():
    root = pathlib.Path(sys.argv[1])
    tap = Tap()

    fixture = HERE / "fixtures" / "unmarked.c"
    code = fixture.read_text(encoding="utf-8")
    expected = {number for number, text in enumerate(code.splitlines(), 1)
                if "expect: unmarked" in text and not text.startswith(" *")}
    found = check_unmarked.check_source(code)
    lines = {line for line, _function, _literal in found}
    report = "\n".join(f"unmarked.c:{l}: {f}: {s}" for l, f, s in found)

    tap.ok(any(f == "g_printerr" and s == '"Cannot open the file\\n"' for _l, f, s in found),
           'the planted g_printerr ("Cannot open the file\\n") is caught', report)
    tap.ok(expected <= lines, f"all {len(expected)} planted unmarked strings are caught",
           "missed lines: " + ", ".join(map(str, sorted(expected - lines))))
    tap.ok(lines <= expected, "nothing else in the fixture is reported",
           "\n".join(r for r in report.splitlines()
                     if int(r.split(":")[1]) not in expected))

    findings = check_unmarked.check_paths([root / "src"])
    tap.ok(not findings, "every user-visible string in src/ is marked for translation",
           "\n".join(f"{p.relative_to(root)}:{l}: {f}: {s}" for p, l, f, s in findings))

    tap.done()


if __name__ == "__main__":
    main()
