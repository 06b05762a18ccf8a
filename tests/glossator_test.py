# tests/glossator_test.py
# What the Python tests of glossator-cli share: TAP output, running the
# command line, and the independent quote oracle (check-quotes.py).

import os
import subprocess
import sys

ROOT = os.path.abspath(os.environ.get('GLOSSATOR_SOURCE_ROOT')
                       or os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get('GLOSSATOR_CLI') or os.path.join(ROOT, '_build', 'src', 'cli', 'glossator-cli')
CHECK_QUOTES = os.path.join(ROOT, 'tests', 'check-quotes.py')

ENV = dict(os.environ)
ENV['LANG'] = 'C.UTF-8'
ENV['LC_ALL'] = 'C.UTF-8'
ENV.setdefault('GSETTINGS_BACKEND', 'memory')


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = []

    def check(self, ok, description, diagnostics=()):
        self.n += 1
        description = description.replace('#', '\\#').replace('\n', ' ')
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, description))
        if not ok:
            self.failed.append(self.n)
            for d in diagnostics:
                for line in str(d).split('\n'):
                    print('#   ' + line)
        sys.stdout.flush()
        return ok

    def skip(self, description, reason):
        self.n += 1
        print('ok %d - %s # SKIP %s' % (self.n, description.replace('#', '\\#'), reason))

    def finish(self):
        print('1..%d' % self.n)
        if self.failed:
            print('# failed %d of %d: %s' % (len(self.failed), self.n,
                                             ' '.join(map(str, self.failed))))
        sys.stdout.flush()
        return 1 if self.failed else 0


class Result:
    def __init__(self, args, rc, out_bytes, err_bytes):
        self.args = args
        self.rc = rc
        self.out_bytes = out_bytes
        self.err_bytes = err_bytes
        self.out = out_bytes.decode('utf-8', 'replace')
        self.err = err_bytes.decode('utf-8', 'replace')

    def diag(self, limit=3000):
        def cut(s):
            return s if len(s) <= limit else s[:limit] + '…'
        return ['command: glossator-cli ' + ' '.join(repr(a) for a in self.args),
                'exit status: %r' % self.rc,
                'stdout: ' + cut(self.out),
                'stderr: ' + cut(self.err)]


def cli(*args, cwd=None):
    args = [str(a) for a in args]
    try:
        p = subprocess.run([CLI] + args, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        return Result(args, p.returncode, p.stdout, p.stderr)
    except subprocess.TimeoutExpired as e:
        return Result(args, 'timeout', e.stdout or b'', e.stderr or b'')


def check_quotes(sidecar):
    """Runs the independent oracle; returns (ok, diagnostics)."""
    p = subprocess.run([sys.executable, CHECK_QUOTES, sidecar], env=ENV,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    out = p.stdout.decode('utf-8', 'replace')
    bad = [l for l in out.splitlines() if not l.startswith('ok ')]
    return p.returncode == 0, ['check-quotes.py exit %d' % p.returncode] + bad[:20] + \
        [p.stderr.decode('utf-8', 'replace')]


def tree(top):
    """Every file and folder under @top: {relative path: bytes, or 'dir'},
    to show that a command left them exactly as they were."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(top):
        for name in dirnames:
            found[os.path.relpath(os.path.join(dirpath, name), top)] = 'dir'
        for name in filenames:
            path = os.path.join(dirpath, name)
            with open(path, 'rb') as f:
                found[os.path.relpath(path, top)] = f.read()
    return found


def tree_diff(before, after):
    """What changed between two tree() results, one line each."""
    return ['%s: %s' % ('removed' if k not in after else 'created' if k not in before else 'changed', k)
            for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
