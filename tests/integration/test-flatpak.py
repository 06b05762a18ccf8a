#!/usr/bin/env python3
# tests/integration/test-flatpak.py
# The Flatpak manifest cannot be built here (no Flathub), but it can be
# read: it is JSON, names the application id, a GNOME runtime, the program,
# the filesystem access that sidecars need (README says why), and builds
# this source tree with meson.
#
# Usage: test-flatpak.py SOURCE_ROOT

import json
import pathlib
import sys

from tap import Tap

APP_ID = "io.github.glossator.Glossator"


def main():
    root = pathlib.Path(sys.argv[1])
    path = root / "build-aux" / "flatpak" / f"{APP_ID}.json"
    tap = Tap()

    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        tap.ok(False, f"{path.name} is JSON", str(error))
        tap.done()
    tap.ok(True, f"{path.name} is JSON")

    tap.ok(manifest.get("id") == APP_ID, "the manifest's id is the application id", manifest.get("id"))
    tap.ok(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
           "it builds on the GNOME runtime", f"{manifest.get('runtime')} {manifest.get('sdk')}")
    tap.ok(manifest.get("command") == "glossator", "it runs glossator", manifest.get("command"))

    args = manifest.get("finish-args", [])
    filesystems = [a.split("=", 1)[1] for a in args if a.startswith("--filesystem=")]
    tap.ok(filesystems == ["home"],
           "it asks for the home folder, and nothing else on disk, for the files beside an article",
           repr(filesystems))
    readme = (root / "README.md").read_text(encoding="utf-8")
    tap.ok("--filesystem=home" in readme and "document portal" in readme,
           "README says why it needs --filesystem=home")
    tap.ok("--socket=wayland" in args and "--socket=fallback-x11" in args,
           "it draws on Wayland, or on X11 without Wayland", repr(args))

    modules = manifest.get("modules", [])
    ours = modules[-1] if modules else {}
    sources = ours.get("sources", [])
    tree = [(path.parent / s["path"]).resolve() for s in sources if s.get("type") == "dir"]
    tap.ok(ours.get("buildsystem") == "meson" and tree == [root.resolve()],
           "its last module builds this source tree with meson", repr(ours))

    tap.done()


if __name__ == "__main__":
    main()
