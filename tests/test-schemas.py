#!/usr/bin/env python3
# Checks the RELAX NG schemas in data/ against the shipped codebook and the
# sidecar fixtures in tests/data/sidecars, with xmllint.  Prints TAP.
#
# Usage: test-schemas.py [SOURCE_ROOT]

import os
import shutil
import subprocess
import sys


def main():
    if len(sys.argv) > 1:
        root = os.path.abspath(sys.argv[1])
    else:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    xmllint = shutil.which('xmllint')
    if xmllint is None:
        print('1..0 # SKIP xmllint not installed')
        return 0

    data = os.path.join(root, 'data')
    codebook_rng = os.path.join(data, 'glossator-codebook.rng')
    annotations_rng = os.path.join(data, 'glossator-annotations.rng')
    sidecars = os.path.join(root, 'tests', 'data', 'sidecars')
    valid_dir = os.path.join(sidecars, 'valid')
    hostile_dir = os.path.join(sidecars, 'hostile')

    # (description, schema, file, expected to validate)
    checks = [
        ('claims.xml.in is a valid codebook', codebook_rng,
         os.path.join(data, 'codebooks', 'claims.xml.in'), True),
    ]

    for name in sorted(os.listdir(valid_dir)):
        if name.endswith('.xml'):
            checks.append((f'valid/{name} is a valid sidecar', annotations_rng,
                           os.path.join(valid_dir, name), True))

    manifest = os.path.join(hostile_dir, 'MANIFEST.tsv')
    with open(manifest, encoding='utf-8') as f:
        rows = [line.rstrip('\n').split('\t') for line in f]
    for row in rows[1:]:
        if len(row) != 4:
            continue
        name, _line, kind, what = row
        what = what.replace('#', '')  # '#' starts a TAP directive
        path = os.path.join(hostile_dir, name)
        if kind == 'schema':
            checks.append((f'hostile/{name} is refused by the schema ({what})',
                           annotations_rng, path, False))
        elif kind == 'semantic':
            checks.append((f'hostile/{name} passes the schema, '
                           f'semantic checks must refuse it ({what})',
                           annotations_rng, path, True))

    # The manifest and the folder must agree, so that no fixture goes
    # unchecked and no row names a file that is gone.
    listed = {row[0] for row in rows[1:] if row and row[0]}
    present = {name for name in os.listdir(hostile_dir) if name != 'MANIFEST.tsv'}
    bad_rows = [row for row in rows[1:]
                if len(row) != 4 or not row[1].isdigit()
                or row[2] not in ('malformed', 'schema', 'semantic')]

    print(f'1..{len(checks) + 1}')
    failed = 0
    if listed == present and not bad_rows and rows[0] == ['file', 'line', 'kind', 'what']:
        print('ok 1 - hostile/MANIFEST.tsv lists every hostile fixture')
    else:
        failed += 1
        print('not ok 1 - hostile/MANIFEST.tsv lists every hostile fixture')
        for name in sorted(present - listed):
            print(f'# not listed: {name}')
        for name in sorted(listed - present):
            print(f'# listed but missing: {name}')
        for row in bad_rows:
            print(f'# malformed row: {row!r}')

    for number, (description, schema, path, expect_valid) in enumerate(checks, 2):
        # No network, no XInclude, no entity substitution: the fixtures are
        # hostile on purpose.
        result = subprocess.run(
            [xmllint, '--noout', '--nonet', '--relaxng', schema, path],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            universal_newlines=True, errors='replace')
        # 0: valid; 3: validation error.  Anything else (a missing file, a
        # schema that does not compile, a parse error) is a failure whatever
        # was expected.
        if result.returncode == 0:
            ok = expect_valid
        elif result.returncode == 3:
            ok = not expect_valid
        else:
            ok = False
        print(f'{"ok" if ok else "not ok"} {number} - {description}')
        if not ok:
            failed += 1
            print(f'# xmllint exited with {result.returncode}')
            for line in (result.stderr or '').splitlines()[:10]:
                print(f'# {line}')

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
