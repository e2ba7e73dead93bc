#!/usr/bin/env python3
"""Writes the man page pum(1) and the bash completion from `pum --help`.

Run at build time against the freshly built executable, so that every command
and flag the CLI has (including ones added later) is documented and completed,
with nothing written by hand that could fall out of date. The help is CLI11's:

    Usage: pum install [OPTIONS]
    Options:
      -p,--parameter NAME VALUE ...
                                  Set a module parameter ...
    Subcommands:
      install                     Install the module ...

Usage: help_docs.py PUM_EXECUTABLE VERSION MAN_OUTPUT COMPLETION_OUTPUT
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

# Two or more spaces separate an entry from its description in CLI11's help.
_COLUMNS = re.compile(r"^  (\S.*?)(?:\s{2,}(\S.*))?$")
_SECTION = re.compile(r"^(Options|Subcommands|Positionals):\s*$")
_COMMAND_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


@dataclass
class Option:
    names: List[str]  # "-p", "--parameter"
    argument: str  # "NAME VALUE ..." or "" for a flag
    description: str


@dataclass
class Command:
    path: List[str]  # [] for pum itself, ["role", "login"]...
    summary: str = ""
    usage: str = ""
    aliases: List[str] = field(default_factory=list)
    options: List[Option] = field(default_factory=list)
    positionals: List[Tuple[str, str]] = field(default_factory=list)
    subcommands: List["Command"] = field(default_factory=list)
    footer: List[str] = field(default_factory=list)  # text after the sections (notes, examples)


def _help(pum: str, path: List[str]) -> str:
    done = subprocess.run([pum, *path, "--help"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"help_docs: '{' '.join(['pum', *path, '--help'])}' exited with "
                         f"{done.returncode}: {done.stderr.strip()}")
    return done.stdout


def _entries(lines: List[str]) -> List[Tuple[str, str]]:
    """(entry, description) pairs; a description may stand alone on the next line."""
    entries: List[Tuple[str, str]] = []
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("   ") and entries:  # continuation: the description of a long entry
            entry, text = entries[-1]
            entries[-1] = (entry, (text + " " + line.strip()).strip())
            continue
        match = _COLUMNS.match(line)
        if match:
            entries.append((match.group(1).strip(), (match.group(2) or "").strip()))
    return entries


def _option(entry: str, description: str) -> Option:
    spec, _, argument = entry.partition(" ")
    return Option(names=[n for n in spec.split(",") if n], argument=argument.strip(), description=description)


def parse(pum: str, path: List[str], aliases: Optional[List[str]] = None) -> Command:
    text = _help(pum, path)
    lines = text.splitlines()
    command = Command(path=path, aliases=aliases or [])
    sections: Dict[str, List[str]] = {}
    current = None
    for number, line in enumerate(lines):
        if number == 0 and not line.startswith("Usage:"):
            command.summary = line.strip()
            continue
        if line.startswith("Usage:"):
            command.usage = line[len("Usage:"):].strip()
            current = None
            continue
        section = _SECTION.match(line)
        if section:
            current = section.group(1)
            sections[current] = []
        elif current and (line.startswith(" ") or not line.strip()):
            sections[current].append(line)
        elif line.strip() or command.footer:
            # Text that is not indented ends the sections: notes and examples.
            current = None
            command.footer.append(line.rstrip())
    command.options = [_option(e, d) for e, d in _entries(sections.get("Options", []))]
    command.positionals = _entries(sections.get("Positionals", []))
    for entry, _ in _entries(sections.get("Subcommands", [])):
        names = [n.strip() for n in entry.split(",") if n.strip()]
        if not all(_COMMAND_NAME.match(n) for n in names):
            raise SystemExit(f"help_docs: '{entry}' under Subcommands of '{' '.join(['pum', *path])}' "
                             "is not a command name")
        if len(path) >= 4:
            raise SystemExit(f"help_docs: subcommands nested deeper than {' '.join(['pum', *path])}")
        command.subcommands.append(parse(pum, [*path, names[0]], names[1:]))
    while command.footer and not command.footer[-1].strip():
        command.footer.pop()
    if not command.usage:
        raise SystemExit(f"help_docs: no 'Usage:' line in the help of '{' '.join(['pum', *path])}'")
    return command


def walk(command: Command):
    yield command
    for sub in command.subcommands:
        yield from walk(sub)


# --- man page -------------------------------------------------------------------

def _roff(text: str) -> str:
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def _bold_names(names: List[str]) -> str:
    return ", ".join(f"\\fB{_roff(n)}\\fR" for n in names)


def _options_roff(options: List[Option]) -> List[str]:
    out: List[str] = []
    for option in options:
        argument = f" \\fI{_roff(option.argument)}\\fR" if option.argument else ""
        out += [".TP", _bold_names(option.names) + argument, _roff(option.description)]
    return out


def man_page(root: Command, version: str) -> str:
    out = [
        f'.TH PUM 1 "" "pum {version}" "User Commands"',
        ".SH NAME",
        "pum \\- " + _roff(root.summary.split(": ", 1)[-1] if ": " in root.summary else root.summary),
        ".SH SYNOPSIS",
        f".B pum\n{_roff(root.usage.split(' ', 1)[1] if ' ' in root.usage else '')}",
        ".SH DESCRIPTION",
        _roff(root.summary),
        ".PP",
        "Every command that changes the database runs in one transaction and commits only at the end.",
        "Run \\fBpum\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR for the help this page is generated from.",
        ".SH OPTIONS",
        *_options_roff(root.options),
        ".SH COMMANDS",
    ]
    for command in list(walk(root))[1:]:
        out += [f'.SS "{_roff("pum " + " ".join(command.path))}"']
        if command.aliases:
            out += [f"(also: {_roff(', '.join(command.aliases))})", ".br"]
        out += [_roff(command.summary), ".br", "Usage: " + _roff(command.usage)]
        for name, description in command.positionals:
            out += [".TP", f"\\fI{_roff(name)}\\fR", _roff(description)]
        # -h is on every command: listed once, under OPTIONS.
        out += _options_roff([o for o in command.options if "--help" not in o.names])
        if command.footer:
            out += [".PP", ".nf", *(_roff(line) for line in command.footer), ".fi"]
    out += [
        ".SH EXIT STATUS",
        "0 on success, 1 on failure (or when \\fBcheck\\fR finds differences), 2 for a usage error, "
        "130 when cancelled (Ctrl\\-C).",
        ".SH ENVIRONMENT",
        "libpq's variables (\\fBPGHOST\\fR, \\fBPGPORT\\fR, \\fBPGUSER\\fR, \\fBPGPASSWORD\\fR, "
        "\\fBPGSERVICE\\fR, \\fBPGSERVICEFILE\\fR...) fill in what \\fB\\-p\\fR leaves out.",
        ".SH FILES",
        ".TP",
        "\\fI~/.pg_service.conf\\fR, \\fI/etc/postgresql\\-common/pg_service.conf\\fR",
        "Connection services named by \\fB\\-p\\fR.",
        ".TP",
        "\\fIDIR/.pum.yaml\\fR",
        "The module's configuration.",
        ".SH SEE ALSO",
        "\\fBpsql\\fR(1), \\fBpg_dump\\fR(1)",
        "",
    ]
    return "\n".join(out)


# --- bash completion ------------------------------------------------------------

# Values of these options are completed as services, folders or files.
_SERVICE_OPTIONS = {"--pg-connection", "--pg-service", "--pg-connection-compared"}
_DIR_OPTIONS = {"--dir"}
_FILE_OPTIONS = {"--config-file", "--config_file", "--output-file", "--output_file"}


def _quote(words: List[str]) -> str:
    return "'" + " ".join(words).replace("'", "'\\''") + "'"


def completion(root: Command) -> str:
    lines = [
        "# bash completion for pum: generated from `pum --help` at build time (packaging/help_docs.py).",
        "# Commands and flags as the installed pum has them; service names from pg_service.conf.",
        "",
        "declare -gA _pum_subcommands=() _pum_flags=() _pum_valued=() _pum_choices=()",
    ]
    for command in walk(root):
        # The root is "pum": bash refuses an empty key.
        key = " ".join(["pum", *command.path])
        subs = [n for s in command.subcommands for n in [s.path[-1], *s.aliases]]
        flags = [n for o in command.options for n in o.names]
        valued = [n for o in command.options if o.argument for n in o.names]
        lines.append(f"_pum_subcommands[{_quote([key])}]={_quote(subs)}")
        lines.append(f"_pum_flags[{_quote([key])}]={_quote(flags)}")
        lines.append(f"_pum_valued[{_quote([key])}]={_quote(valued)}")
        for option in command.options:
            choices = re.search(r"\{([^}]*)\}", option.argument)
            kind = ("service" if set(option.names) & _SERVICE_OPTIONS else
                    "dir" if set(option.names) & _DIR_OPTIONS else
                    "file" if set(option.names) & _FILE_OPTIONS else "")
            for name in option.names:
                if choices:
                    lines.append(f"_pum_choices[{_quote([key + ' ' + name])}]="
                                 f"{_quote(choices.group(1).split(','))}")
                elif kind:
                    lines.append(f"_pum_choices[{_quote([key + ' ' + name])}]=@{kind}")
        for alias in command.aliases:
            parent = " ".join(["pum", *command.path[:-1]])
            lines.append(f"_pum_alias[{_quote([parent + ' ' + alias])}]="
                         f"{_quote([key])}")
    lines.insert(4, "declare -gA _pum_alias=()")
    lines.append(_COMPLETION_FUNCTION)
    return "\n".join(lines) + "\n"


_COMPLETION_FUNCTION = r'''
# The sections of every pg_service.conf libpq reads: PGSERVICEFILE (else
# ~/.pg_service.conf) and PGSYSCONFDIR/pg_service.conf (else Debian's default).
_pum_services()
{
    local file
    for file in "${PGSERVICEFILE:-$HOME/.pg_service.conf}" \
                "${PGSYSCONFDIR:-/etc/postgresql-common}/pg_service.conf"; do
        [[ -r $file ]] && sed -n 's/^[[:space:]]*\[\([^]]*\)\][[:space:]]*$/\1/p' "$file"
    done
}

_pum()
{
    local cur prev path=pum word i key choices
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    # Walk the words before the cursor: subcommands deepen the path, an option
    # that takes a value swallows the next word.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ " ${_pum_valued[$path]} " == *" $word "* ]]; then
            ((i++))
        elif [[ " ${_pum_subcommands[$path]} " == *" $word "* ]]; then
            key="$path $word"
            path=${_pum_alias[$key]:-$key}
        fi
    done
    choices=${_pum_choices["$path $prev"]-}
    if [[ -z $choices && " ${_pum_valued[$path]} " == *" $prev "* ]]; then
        return 0  # a free value (a parameter, a version...): nothing to offer
    fi
    case $choices in
        @service) mapfile -t COMPREPLY < <(compgen -W "$(_pum_services)" -- "$cur"); return 0 ;;
        @dir) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return 0 ;;
        @file) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return 0 ;;
        ?*) mapfile -t COMPREPLY < <(compgen -W "$choices" -- "$cur"); return 0 ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "${_pum_flags[$path]}" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -W "${_pum_subcommands[$path]}" -- "$cur")
    fi
}
complete -o default -F _pum pum
'''


def main(argv: List[str]) -> int:
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    pum, version, man_output, completion_output = argv[1:]
    root = parse(pum, [])
    page = man_page(root, version).encode("utf-8")
    if man_output.endswith(".gz"):
        # As Debian wants man pages: compressed at -9, without a name or a time stamp.
        with open(man_output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="",
                                                          mtime=0, compresslevel=9) as out:
            out.write(page)
    else:
        with open(man_output, "wb") as out:
            out.write(page)
    with open(completion_output, "w", encoding="utf-8") as out:
        out.write(completion(root))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
