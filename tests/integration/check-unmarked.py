#!/usr/bin/env python3
# tests/integration/check-unmarked.py
# Finds user-visible strings in C that are not marked for translation: a
# string literal with letters in the message argument of g_set_error,
# g_printerr, gtk_label_set_text and friends, outside _(), N_(), C_() ….
#
# Usage: check-unmarked.py PATH…   (files, or folders searched for *.c)
# Prints FILE:LINE: FUNCTION: "LITERAL" for each finding; exits 1 if any.
#
# A literal without letters ("%s\n", "• ") needs no translation. A string
# that must stay as it is (a file format keyword, a program name) is kept by
# writing /* not translatable */ on its line or on the line of the call.

import pathlib
import re
import sys

# Function name → the positions (from 0) of its user-visible arguments.
FUNCTIONS = {
    "g_set_error": [3],
    "g_set_error_literal": [3],
    "g_error_new": [2],
    "g_error_new_literal": [2],
    "g_prefix_error": [1],
    "g_propagate_prefixed_error": [2],
    "g_print": [0],
    "g_printerr": [0],
    "g_set_application_name": [0],
    "g_option_context_new": [0],
    "g_option_context_set_summary": [1],
    "g_option_context_set_description": [1],
    "g_notification_new": [0],
    "g_notification_set_body": [1],
    "gtk_label_new": [0],
    "gtk_label_new_with_mnemonic": [0],
    "gtk_label_set_text": [1],
    "gtk_label_set_label": [1],
    "gtk_label_set_markup": [1],
    "gtk_label_set_text_with_mnemonic": [1],
    "gtk_button_new_with_label": [0],
    "gtk_button_new_with_mnemonic": [0],
    "gtk_button_set_label": [1],
    "gtk_check_button_new_with_label": [0],
    "gtk_window_set_title": [1],
    "gtk_widget_set_tooltip_text": [1],
    "gtk_widget_set_tooltip_markup": [1],
    "gtk_entry_set_placeholder_text": [1],
    "gtk_file_filter_set_name": [1],
    "gtk_file_chooser_native_new": [0, 3, 4],
    "gtk_dialog_add_button": [1],
    "gtk_message_dialog_new": [4],
    "gtk_message_dialog_new_with_markup": [4],
    "gtk_message_dialog_format_secondary_text": [1],
    "gtk_message_dialog_format_secondary_markup": [1],
    "show_info": [3],
}

# Calls whose string arguments are marked for translation.
MARKERS = {"_", "N_", "C_", "NC_", "Q_", "ngettext", "g_dngettext", "g_dgettext",
           "g_dcgettext", "g_dpgettext", "g_dpgettext2"}

# Calls that build their result from their string arguments.
PASS_THROUGH = {"g_strdup", "g_strdup_printf", "g_strconcat", "g_markup_printf_escaped",
                "g_markup_escape_text"}

OPT_OUT = re.compile(r"/\*\s*not translatable\s*\*/", re.IGNORECASE)

TOKEN = re.compile(r"""
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>(?:u8|[uUL])?"(?:\\.|[^"\\\n])*")
  | (?P<char>(?:u8|[uUL])?'(?:\\.|[^'\\\n])*')
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<number>\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*)
  | (?P<space>\s+)
  | (?P<punct>->|.)
""", re.S | re.X)

ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]+|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3}|.)")
CONVERSION = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                        r"(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnm%]")


def tokens(code):
    """(kind, text, line) for each token that is not white space or a comment,
    and the set of lines that carry the opt-out comment."""
    result = []
    opted_out = set()
    line = 1
    for match in TOKEN.finditer(code):
        kind, text = match.lastgroup, match.group(0)
        if kind == "comment":
            if OPT_OUT.search(text):
                opted_out.add(line)
        elif kind != "space":
            result.append((kind, text, line))
        line += text.count("\n")
    return result, opted_out


def has_letters(literal):
    body = literal[literal.index('"') + 1:-1]
    body = CONVERSION.sub("", ESCAPE.sub("", body))
    return any(ch.isalpha() for ch in body)


def split_arguments(toks, open_index):
    """The arguments of the call whose "(" is at open_index, as token lists,
    and the index of the closing ")"."""
    arguments, current, depth = [], [], 0
    for index in range(open_index, len(toks)):
        text = toks[index][1]
        if text in "([{":
            depth += 1
            if depth == 1:
                continue
        elif text in ")]}":
            depth -= 1
            if depth == 0:
                arguments.append(current)
                return arguments, index
        elif text == "," and depth == 1:
            arguments.append(current)
            current = []
            continue
        current.append(toks[index])
    arguments.append(current)
    return arguments, len(toks) - 1


def unmarked_literals(argument):
    """String literals that make up the argument's text: at its top level, in
    parentheses, or passed through a call like g_strdup_printf, but not inside
    a marker call nor inside any other call (g_strcmp0 (x, "Unknown") only
    compares)."""
    stack = []
    found = []
    for index, (kind, text, line) in enumerate(argument):
        if text in "([{":
            previous = argument[index - 1] if index else None
            if text != "(" or previous is None or previous[0] != "id":
                stack.append("group")
            elif previous[1] in MARKERS:
                stack.append("marker")
            elif previous[1] in PASS_THROUGH:
                stack.append("group")
            else:
                stack.append("other")
        elif text in ")]}":
            if stack:
                stack.pop()
        elif kind == "string" and all(entry == "group" for entry in stack):
            found.append((text, line))
    return found


def check_source(code):
    """(line, function, literal) for each unmarked user-visible literal."""
    toks, opted_out = tokens(code)
    findings = []
    for index, (kind, text, line) in enumerate(toks[:-1]):
        if kind != "id" or text not in FUNCTIONS or toks[index + 1][1] != "(":
            continue
        if index and toks[index - 1][1] in (".", "->", "#"):
            continue
        arguments, _ = split_arguments(toks, index + 1)
        for position in FUNCTIONS[text]:
            if position >= len(arguments):
                continue
            for literal, literal_line in unmarked_literals(arguments[position]):
                if not has_letters(literal):
                    continue
                if line in opted_out or literal_line in opted_out:
                    continue
                findings.append((literal_line, text, literal))
    return findings


def c_files(paths):
    for path in map(pathlib.Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.c") if p.is_file())
        else:
            yield path


def check_paths(paths):
    """(path, line, function, literal) over every C file under paths."""
    findings = []
    for path in c_files(paths):
        code = path.read_text(encoding="utf-8", errors="replace")
        findings += [(path, *finding) for finding in check_source(code)]
    return findings


def main(argv):
    if len(argv) < 2:
        print(__doc__ or "usage: check-unmarked.py PATH…", file=sys.stderr)
        return 2
    findings = check_paths(argv[1:])
    for path, line, function, literal in findings:
        print(f"{path}:{line}: {function}: {literal}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
