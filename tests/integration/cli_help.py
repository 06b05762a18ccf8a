# tests/integration/cli_help.py
# What glossator-cli says of itself, read in the C locale: its commands and
# their options, for the checks of the documentation that describes them.

import os
import re
import subprocess


def run(args):
    """ARGS run in the C locale (untranslated), with their output."""
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=30)


def cli_commands(cli):
    """The commands `glossator-cli --help` lists under "Commands:"."""
    commands, inside = [], False
    for line in run([cli, "--help"]).stdout.splitlines():
        if line.strip() == "Commands:":
            inside = True
        elif inside and line.startswith("  ") and line.split():
            commands.append(line.split()[0])
        elif inside:
            break
    return commands


def long_options(help_text):
    """The long options a GOption help lists, sorted."""
    return sorted(set(re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", help_text, re.M)))


def formats(help_text):
    """The formats the --format option's help names: "The format: a, b or c"."""
    found = re.search(r"The format: ([^\n]+)", help_text)
    if found is None:
        return []
    return re.split(r", | or ", found.group(1).strip())
