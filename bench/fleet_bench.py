#!/usr/bin/python3
"""Times `pum fleet upgrade` over many databases, one at a time against --jobs N.

Generates a module (1.0.0: a schema and base tables; 1.1.0: several changelog
files of DDL and data changes), creates one database installed at 1.0.0,
copies it into DATABASES databases (CREATE DATABASE ... TEMPLATE), then for
each jobs value upgrades the whole fleet with `pum fleet upgrade --jobs J`,
recreating the copies before every run. Prints each run's wall time and the
median per jobs value; exits 1 if any run did not upgrade every database.

  /usr/bin/python3 bench/fleet_bench.py --env /tmp/cluster.env --cli build/bin/pum
  (cluster: tests/support/pg_test_cluster.sh start /tmp/cluster.env)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def read_env(path):
    env = {}
    for line in Path(path).read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            env[key] = value
    return env


def write_module(root: Path, files: int, rows: int):
    (root / "changelogs" / "1.0.0").mkdir(parents=True)
    (root / "changelogs" / "1.1.0").mkdir(parents=True)
    (root / ".pum.yaml").write_text("pum:\n  module: fleet_bench\n")
    base = ["CREATE SCHEMA fleet_bench;"]
    for i in range(files):
        base.append(f"CREATE TABLE fleet_bench.t{i} (id serial PRIMARY KEY, name text, value int);")
        base.append(f"INSERT INTO fleet_bench.t{i} (name, value) "
                    f"SELECT 'row ' || g, g FROM generate_series(1, {rows}) g;")
    (root / "changelogs" / "1.0.0" / "01_base.sql").write_text("\n".join(base) + "\n")
    for i in range(files):
        (root / "changelogs" / "1.1.0" / f"{i + 1:02d}_t{i}.sql").write_text(
            f"ALTER TABLE fleet_bench.t{i} ADD COLUMN doubled int;\n"
            f"UPDATE fleet_bench.t{i} SET doubled = value * 2;\n"
            f"CREATE INDEX ON fleet_bench.t{i} (doubled);\n"
            f"CREATE VIEW fleet_bench.v{i} AS SELECT id, name, doubled FROM fleet_bench.t{i} WHERE doubled > 10;\n")


class Cluster:
    def __init__(self, env):
        self.env = dict(os.environ, **env)

    def conninfo(self, dbname):
        e = self.env
        return f"host={e['PGHOST']} port={e['PGPORT']} user={e['PGUSER']} dbname={dbname}"

    def sql(self, statement, dbname="postgres"):
        quiet = dict(self.env, PGOPTIONS="-c client_min_messages=warning")  # no "does not exist, skipping"
        subprocess.run(["psql", "-qX", "-v", "ON_ERROR_STOP=1", "-d", self.conninfo(dbname), "-c", statement],
                       env=quiet, check=True, stdout=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--env", required=True, help="the cluster's env file (tests/support/pg_test_cluster.sh)")
    parser.add_argument("--cli", required=True, help="the pum executable")
    parser.add_argument("--databases", type=int, default=40)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--repeat", type=int, default=3, help="runs per jobs value (the median is reported)")
    parser.add_argument("--files", type=int, default=12, help="changelog files of 1.1.0")
    parser.add_argument("--rows", type=int, default=2000, help="rows per table")
    args = parser.parse_args()

    cluster = Cluster(read_env(args.env))
    names = [f"fleet_bench_{i:03d}" for i in range(args.databases)]
    template = "fleet_bench_template"
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        module = Path(folder) / "module"
        write_module(module, args.files, args.rows)
        cluster.sql(f"DROP DATABASE IF EXISTS {template}")
        cluster.sql(f"CREATE DATABASE {template} TEMPLATE template0")
        subprocess.run([args.cli, "-q", "-p", cluster.conninfo(template), "-d", str(module), "install",
                        "--max-version", "1.0.0"], env=cluster.env, check=True)
        targets = Path(folder) / "targets.txt"
        targets.write_text("".join(cluster.conninfo(n) + "\n" for n in names))
        results = {}
        for jobs in args.jobs:
            times = []
            for run in range(args.repeat):
                for name in names:
                    cluster.sql(f"DROP DATABASE IF EXISTS {name}")
                    cluster.sql(f"CREATE DATABASE {name} TEMPLATE {template}")
                start = time.monotonic()
                done = subprocess.run([args.cli, "-q", "-d", str(module), "fleet", "upgrade", "--targets",
                                       str(targets), "--jobs", str(jobs), "--json"],
                                      env=cluster.env, capture_output=True, text=True)
                seconds = time.monotonic() - start
                report = json.loads(done.stdout) if done.stdout.strip() else {}
                upgraded = report.get("counts", {}).get("upgraded", 0)
                if done.returncode != 0 or upgraded != len(names):
                    failures += 1
                    print(f"jobs {jobs} run {run + 1}: exit {done.returncode}, {upgraded} upgraded\n{done.stderr}")
                times.append(seconds)
                print(f"jobs {jobs:2d} run {run + 1}: {seconds:6.2f} s ({upgraded}/{len(names)} upgraded)", flush=True)
            results[jobs] = statistics.median(times)
        for name in names + [template]:
            cluster.sql(f"DROP DATABASE IF EXISTS {name}")
    print(f"\n{args.databases} databases, 1.0.0 -> 1.1.0 ({args.files} files, {args.rows} rows per table), "
          f"median of {args.repeat}; {os.cpu_count()} CPUs")
    first = results[args.jobs[0]]
    for jobs, seconds in results.items():
        print(f"  --jobs {jobs:2d}: {seconds:6.2f} s  ({seconds / len(names):.3f} s per database, "
              f"x{first / seconds:.2f} against --jobs {args.jobs[0]})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
