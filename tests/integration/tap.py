# tests/integration/tap.py
# A few lines of TAP for the integration scripts: a plan, numbered results
# with diagnostics, and the "1..0 # SKIP" form for a missing tool.

import shutil
import sys


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def diag(self, text):
        for line in str(text).splitlines() or [""]:
            print("# " + line, flush=True)

    def ok(self, passed, description, details=""):
        self.count += 1
        if not passed:
            self.failed += 1
        print(f"{'ok' if passed else 'not ok'} {self.count} - {description}", flush=True)
        if details and not passed:
            self.diag(details)
        return passed

    def skip(self, description, reason):
        self.count += 1
        print(f"ok {self.count} - {description} # SKIP {reason}", flush=True)

    def done(self):
        print(f"1..{self.count}", flush=True)
        sys.exit(1 if self.failed else 0)


def skip_all(reason):
    print(f"1..0 # SKIP {reason}", flush=True)
    sys.exit(0)


def require_tool(name, package):
    """Return the tool's path, or skip the whole script when it is missing."""
    path = shutil.which(name)
    if path is None:
        skip_all(f"{name} is not installed (Debian package {package})")
    return path
