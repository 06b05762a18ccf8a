#!/usr/bin/env python3
# tests/integration/test-install.py
# Installs the build into a temporary DESTDIR with `meson install` and checks
# the tree: binaries, translations, desktop entry, metainfo, icons, schema,
# MIME entry and samples; then runs the installed glossator-cli.
#
# Usage: test-install.py BUILD_ROOT SOURCE_ROOT VERSION PREFIX BINDIR DATADIR LOCALEDIR
# (the last four absolute, as configured; BUILD_ROOT may also come from
# $GLOSSATOR_BUILD_ROOT)

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from tap import Tap, skip_all

APP_ID = "io.github.glossator.Glossator"


def read_linguas(path):
    languages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        languages += line.split("#", 1)[0].split()
    return languages


def main():
    build_root = pathlib.Path(sys.argv[1] or os.environ.get("GLOSSATOR_BUILD_ROOT", ""))
    source_root = pathlib.Path(sys.argv[2])
    version = sys.argv[3]
    prefix, bindir, datadir, localedir = (pathlib.PurePosixPath(p) for p in sys.argv[4:8])

    meson = os.environ.get("MESON") or shutil.which("meson")
    if meson is None:
        skip_all("meson is not in PATH")
    if not (build_root / "meson-private").is_dir():
        skip_all(f"{build_root} is not a meson build folder")

    tap = Tap()
    with tempfile.TemporaryDirectory(prefix="glossator-install-") as tmp:
        destdir = pathlib.Path(tmp)

        def installed(path):
            return destdir / pathlib.PurePosixPath(path).relative_to("/")

        run = subprocess.run([meson, "install", "-C", str(build_root), "--destdir", str(destdir),
                              "--no-rebuild", "--quiet"],
                             capture_output=True, text=True, timeout=100)
        if not tap.ok(run.returncode == 0, "meson install --destdir succeeds",
                      run.stdout + run.stderr):
            tap.done()

        share = installed(datadir)
        expected = [
            installed(bindir / "glossator"),
            installed(bindir / "glossator-cli"),
            share / "applications" / f"{APP_ID}.desktop",
            share / "metainfo" / f"{APP_ID}.metainfo.xml",
            share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
            share / "icons" / "hicolor" / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg",
            share / "glib-2.0" / "schemas" / f"{APP_ID}.gschema.xml",
            share / "mime" / "packages" / f"{APP_ID}.xml",
            share / "glossator" / "samples" / "riverside-library.txt",
            share / "glossator" / "samples" / "riverside-library.txt.annotations.xml",
        ]
        languages = read_linguas(source_root / "po" / "LINGUAS")
        expected += [installed(localedir / lang / "LC_MESSAGES" / "glossator.mo")
                     for lang in languages]
        if not languages:
            tap.diag("LINGUAS lists no language yet: no .mo file is expected")

        for path in expected:
            tap.ok(path.is_file(), f"installs {path.relative_to(destdir)}")
        for path in expected[:2]:
            tap.ok(os.access(path, os.X_OK), f"{path.name} is executable")

        # Nothing may land outside the prefix (an install_dir with an
        # absolute path that ignores the prefix would).
        top = installed(prefix)
        strays = [str(p.relative_to(destdir)) for p in destdir.rglob("*")
                  if p.is_file() and top not in p.parents]
        tap.ok(not strays, f"every installed file is under the prefix {prefix}",
               "\n".join(strays))

        # The post-install caches are not written into a DESTDIR.
        caches = [share / "glib-2.0" / "schemas" / "gschemas.compiled",
                  share / "icons" / "hicolor" / "icon-theme.cache",
                  share / "mime" / "mime.cache"]
        tap.ok(not any(p.exists() for p in caches), "no system cache is written into DESTDIR")

        cli = installed(bindir / "glossator-cli")
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("LANGUAGE", None)
        run = subprocess.run([str(cli), "--version"], capture_output=True, text=True,
                             env=env, timeout=30)
        tap.ok(run.returncode == 0 and run.stdout.strip() == f"glossator-cli {version}",
               "the installed glossator-cli --version names the version",
               f"exit {run.returncode}\n{run.stdout}{run.stderr}")

        sample = share / "glossator" / "samples" / "riverside-library.txt"
        run = subprocess.run([str(cli), "stats", str(sample)], capture_output=True, text=True,
                             env=env, timeout=30)
        total = [l.split() for l in run.stdout.splitlines() if l.split()[:1] == ["Total"]]
        tap.ok(run.returncode == 0 and total and int(total[0][1]) > 0,
               "the installed glossator-cli counts the installed sample's annotations",
               f"exit {run.returncode}\n{run.stdout}{run.stderr}")

    tap.done()


if __name__ == "__main__":
    main()
