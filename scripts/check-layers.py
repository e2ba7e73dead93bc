#!/usr/bin/env python3
"""Checks core/'s #includes against the layering declared in core/README.md.

    scripts/check-layers.py [REPOSITORY_ROOT]

The ```layers block of core/README.md lists each folder and the folders it
uses; a folder may include its own headers and those of every folder it
reaches through that list. Fails (exit 1, one line per fault, file:line)
on an include that crosses the layering, a folder of core/ not declared, a
declared folder that uses an undeclared one, or a cycle.
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def read_layers(readme):
    """The declared graph: folder -> set of folders it uses directly."""
    text = readme.read_text(encoding="utf-8")
    match = re.search(r"```layers\n(.*?)```", text, re.S)
    if not match:
        sys.exit(f"{readme}: no ```layers block")
    layers = {}
    for number, line in enumerate(match.group(1).splitlines(), 1):
        if not line.strip():
            continue
        name, _, uses = line.partition(":")
        layers[name.strip()] = set(uses.split())
    return layers


def reachable(layers):
    """folder -> every folder it may include (itself included); None on a cycle."""
    closure = {}

    def visit(name, path):
        if name in path:
            raise ValueError(" -> ".join(path + [name]))
        if name not in closure:
            found = {name}
            for used in layers.get(name, ()):
                found |= visit(used, path + [name])
            closure[name] = found
        return closure[name]

    for name in layers:
        visit(name, [])
    return closure


def folder_of(include):
    """The core folder an include names ("pum/db/x.h" or "db/x.h"), or None."""
    parts = include.split("/")
    if parts[0] == "pum" and len(parts) == 3:
        return parts[1]
    if len(parts) == 2 and parts[0] != "pum":
        return parts[0]
    return None


def core_files(core):
    """(folder, path) for every header and source of core/."""
    for top in (core / "include" / "pum", core / "src"):
        for path in sorted(top.rglob("*")):
            if path.is_file() and path.suffix in (".h", ".cpp", ".in"):
                yield path.relative_to(top).parts[0], path


def check(root):
    core = root / "core"
    layers = read_layers(core / "README.md")
    faults = []
    for name, uses in layers.items():
        faults += [f"core/README.md: '{name}' uses undeclared folder '{u}'" for u in uses - layers.keys()]
    try:
        allowed = reachable(layers)
    except ValueError as cycle:
        return faults + [f"core/README.md: the layering has a cycle: {cycle}"]
    for folder, path in core_files(core):
        shown = path.relative_to(root)
        if folder not in layers:
            faults.append(f"{shown}: folder '{folder}' is not declared in core/README.md's layers")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            target = folder_of(match.group(1)) if match else None
            if target is not None and target not in allowed[folder]:
                faults.append(f"{shown}:{number}: '{folder}' may not include {match.group(1)} ('{target}')")
    return faults


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent).resolve()
    faults = check(root)
    for fault in faults:
        print(fault)
    if faults:
        print(f"check-layers: {len(faults)} fault(s)", file=sys.stderr)
        return 1
    print("check-layers: every include of core/ follows core/README.md's layers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
