#!/usr/bin/python3
"""Fault-injection suite: every fault leaves the database as it was.

On a throwaway cluster of its own, each trial snapshots the database
(`pg_dump --schema-only` and the migration table's rows), runs `pum install`
or `pum upgrade` of a generated module and strikes while a chosen statement
runs (seen in pg_stat_activity): backend terminated, client killed, Ctrl-C,
server restarted, TCP connection cut, disk full. It then checks that the
snapshot is unchanged and that the same command, rerun normally, succeeds.
It also runs 8 upgrades of one database at once, and Ctrl-C during a wait
for the module lock. It prints the figures recorded in docs/reliability.md.

  run_faults.py --cli build/bin/pum --cluster-script tests/support/pg_test_cluster.sh [--json out.json]
Exit status 0 when every trial passed, 1 otherwise, 77 (skip) when the
machine lacks what it needs (a failure under PUM_REQUIRE_ALL_TESTS=1).
"""
import argparse
import json
import shutil
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

SKIP = 77


def _require(what, error):
    print(f"faults: cannot run: {what} ({error})", file=sys.stderr)
    sys.exit(1 if os.environ.get("PUM_REQUIRE_ALL_TESTS") == "1" else SKIP)


try:
    import psycopg  # noqa: F401
except ImportError as e:
    _require("psycopg 3 is missing (python3-psycopg)", e)

from cluster import Cluster  # noqa: E402
from module_gen import generate  # noqa: E402
from trials import Suite  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True, help="the pum executable")
    ap.add_argument("--cluster-script", required=True, help="tests/support/pg_test_cluster.sh")
    ap.add_argument("--json", help="write the figures to this file too")
    ap.add_argument("--only", help="run only the trial groups whose name contains this")
    args = ap.parse_args()
    if not os.access(args.cli, os.X_OK):
        _require(f"no pum executable at {args.cli}", "build pum_cli")

    work = tempfile.mkdtemp(prefix="pum-faults.")
    os.chmod(work, 0o755)  # the server (user postgres) needs the tablespace below it
    cluster = Cluster(args.cluster_script, os.path.join(work, "cluster.env"))
    cluster.start()
    try:
        module = os.path.join(work, "module")
        install_points, upgrade_points = generate(module)
        suite = Suite(cluster, args.cli, module, install_points, upgrade_points, work)
        suite.run(args.only)
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    figures = suite.figures()
    suite.print_figures(figures)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=2)
    return 0 if figures["all_passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
