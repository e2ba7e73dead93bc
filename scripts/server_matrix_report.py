#!/usr/bin/python3
"""The server matrix's table, from what scripts/server-matrix.sh left in OUT/<major>/.

    server_matrix_report.py OUT MAJOR...

Reads ctest's JUnit file (one entry per gtest test, one for the whole pytest run)
and pytest's (one entry per Python test). A test is passed, not applicable (a skip
whose reason starts with "not applicable: needs PostGIS" or "not applicable: needs
pg_dump") or failed (a failure, or
a skip for any other reason: nothing skips quietly). Prints a Markdown table and
the details; exits 1 when anything failed or a major had no server.
"""

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

NOT_APPLICABLE = ("not applicable: needs PostGIS", "not applicable: needs pg_dump")
FIXTURES = {"db_cluster_start", "db_cluster_stop"}


@dataclass
class Server:
    major: str
    version: str = "?"
    postgis: str = "?"
    source: str = ""
    seconds: str = ""
    passed: list = field(default_factory=list)
    not_applicable: dict = field(default_factory=dict)  # reason -> test names
    failed: list = field(default_factory=list)
    missing: bool = False

    def run(self) -> int:
        return len(self.passed) + self.not_applicable_count() + len(self.failed)

    def not_applicable_count(self) -> int:
        return sum(len(names) for names in self.not_applicable.values())


def skip_reason(text: str) -> str:
    """The reason gtest printed after `file:line: Skipped`, or pytest's skip message."""
    match = re.search(r": Skipped\n(.*)", text)
    reason = match.group(1) if match else text
    return reason.removeprefix("Skipped: ").strip()


def classify(server: Server, name: str, outcome: str, reason: str = "") -> None:
    if outcome == "passed":
        server.passed.append(name)
    elif outcome == "skipped" and reason.startswith(NOT_APPLICABLE):
        server.not_applicable.setdefault(reason, []).append(name)
    elif outcome == "skipped":
        server.failed.append(f"{name} (skipped: {reason or 'no reason given'})")
    else:
        server.failed.append(name)


def outcome_of(case: ET.Element) -> str:
    if case.find("failure") is not None or case.find("error") is not None:
        return "failed"
    if case.find("skipped") is not None or case.get("status") in ("notrun", "disabled"):
        return "skipped"
    return "passed" if case.get("status", "run") == "run" else "failed"


def read_fixture(server: Server, case: ET.Element, output: str) -> None:
    """The start fixture prints the server's version and whether the template has PostGIS."""
    match = re.search(r"PostgreSQL (.+?) running in .* \(PostGIS: ([01])\)", output)
    if match:
        server.version = match.group(1).split(" ")[0]
        server.postgis = "yes" if match.group(2) == "1" else "no"
    if outcome_of(case) != "passed":
        server.failed.append(case.get("name"))


def read_pytest(server: Server, path: Path, ctest_outcome: str) -> None:
    """One entry per Python test; the ctest entry itself only when pytest left no file or nothing failed in it."""
    if not path.exists():
        classify(server, "python.pytest (no pytest report)", "failed")
        return
    before = len(server.failed)
    for case in ET.parse(path).getroot().iter("testcase"):
        name = f"python:{case.get('classname', '').removeprefix('tests.python.')}::{case.get('name')}"
        skipped = case.find("skipped")
        reason = skip_reason(skipped.get("message", "")) if skipped is not None else ""
        classify(server, name, outcome_of(case), reason)
    if ctest_outcome != "passed" and len(server.failed) == before:
        classify(server, "python.pytest (failed outside any test)", "failed")


def read_server(out: Path, major: str) -> Server:
    server = Server(major)
    folder = out / major
    if (folder / "missing").exists() or not (folder / "ctest.xml").exists():
        server.missing = True
        return server
    server.source = (folder / "source").read_text().strip() if (folder / "source").exists() else ""
    server.seconds = (folder / "seconds").read_text().strip() if (folder / "seconds").exists() else ""
    for case in ET.parse(folder / "ctest.xml").getroot().iter("testcase"):
        name, output = case.get("name"), case.findtext("system-out") or ""
        if name in FIXTURES:
            read_fixture(server, case, output)
        elif name == "python.pytest":
            read_pytest(server, folder / "pytest.xml", outcome_of(case))
        else:
            outcome = outcome_of(case)
            classify(server, name, outcome, skip_reason(output) if outcome == "skipped" else "")
    return server


def short_reason(reason: str) -> str:
    """`needs PostGIS` / `needs pg_dump 18`: the table's words for a reason."""
    words = reason.removeprefix("not applicable: ").split(",")[0].split(" or newer")[0]
    return words


def table(servers: list) -> str:
    lines = ["| major | server | source | PostGIS | tests run | passed | not applicable | failed | time |",
             "| --- | --- | --- | --- | ---: | ---: | --- | --- | ---: |"]
    for s in servers:
        if s.missing:
            lines.append(f"| {s.major} | no server here | | | | | | not run | |")
            continue
        na_text = "; ".join(f"{len(names)} ({short_reason(reason)})" for reason, names in sorted(s.not_applicable.items())) or "0"
        failed = f"{len(s.failed)}: " + ", ".join(s.failed[:3]) + (", ... (below)" if len(s.failed) > 3 else "") \
            if s.failed else "0"
        lines.append(f"| {s.major} | {s.version} | {s.source} | {s.postgis} | {s.run()} | {len(s.passed)} | "
                     f"{na_text} | {failed} | {s.seconds} s |")
    return "\n".join(lines)


def details(servers: list) -> str:
    lines = []
    for s in servers:
        for reason, names in sorted(s.not_applicable.items()):
            lines.append(f"- {s.major}: {len(names)} not applicable, \"{reason}\": " + ", ".join(sorted(names)))
        for name in s.failed:
            lines.append(f"- {s.major}: FAILED {name}")
    return "\n".join(lines)


def cross_table(path: Path) -> tuple:
    """The module compared across servers (OUT/cross.txt: first|second|exit code|last line); and the failures."""
    if not path.exists():
        return "", []
    lines = ["| pum check | against | result |", "| --- | --- | --- |"]
    failed = []
    for row in path.read_text().splitlines():
        first, second, code, message = (row.split("|", 3) + ["", "", ""])[:4]
        equal = code == "0"
        lines.append(f"| {first} | {second} | {'equal' if equal else 'DIFFERENT or failed: ' + message} |")
        if not equal:
            failed.append(f"check {first} vs {second}")
    return "\n".join(lines), failed


def main(argv: list) -> int:
    out, majors = Path(argv[1]), argv[2:]
    servers = [read_server(out, major) for major in majors]
    print(table(servers))
    cross, cross_failed = cross_table(out / "cross.txt")
    if cross:
        print("\n" + cross)
    text = details(servers)
    if text:
        print("\n" + text)
    bad = [s.major for s in servers if s.missing or s.failed] + cross_failed
    print("\nserver matrix: " + ("FAILED on " + " ".join(bad) if bad else "every server green"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
