"""The fault suite's trials: strike a running pum, then check nothing changed."""
import difflib
import os
import signal
import statistics
import subprocess
import time

import psycopg

from cut_proxy import CutProxy
from module_gen import spread

DB = "faults"
BASE_DB = "faults_at_1_0_0"
EXPECTED_VERSIONS = [("1.0.0", 1), ("1.1.0", 1)]
LOCK_KEY = "pum:public.pum_migrations"  # core/src/run/migration_table.cpp, MigrationTable::lock()
SIGINT_BOUND = 5.0  # generous, so that a loaded machine does not fail; the figure is printed
RUN_TIMEOUT = 120.0
CRASH_MARKS = ("terminate called", "Sanitizer", "Segmentation fault", "core dumped")


def describe_change(before, after):
    """The first lines that differ, for the report."""
    if before[1] != after[1]:
        return f"migration table rows {before[1]} -> {after[1]}"
    diff = [l for l in difflib.unified_diff(before[0].splitlines(), after[0].splitlines(), lineterm="", n=0)
            if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    return "schema: " + " | ".join(diff[:6])


class Result:
    def __init__(self, group, name):
        self.group, self.name = group, name
        self.struck = self.intact = self.rerun_ok = False
        self.problems = []
        self.stop_seconds = None
        self.detail = None

    @property
    def passed(self):
        return self.struck and self.intact and self.rerun_ok and not self.problems


class Run:
    """One pum process, its output in files (pipes could fill and block it)."""

    def __init__(self, argv, work, tag):
        self.out_path = os.path.join(work, f"{tag}.out")
        self.err_path = os.path.join(work, f"{tag}.err")
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL)

    def wait(self, timeout=RUN_TIMEOUT):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stderr(self):
        with open(self.err_path, encoding="utf-8", errors="replace") as f:
            return f.read()


class Suite:
    def __init__(self, cluster, cli, module, install_points, upgrade_points, work):
        self.cluster, self.cli, self.module, self.work = cluster, cli, module, work
        self.points = {"install": install_points, "upgrade": upgrade_points}
        self.results = []
        self.started = time.monotonic()
        self._runs = 0
        self._base_ready = False

    # --- running pum ----------------------------------------------------------
    def argv(self, command, conninfo=None, extra=()):
        return [self.cli, "-q", "-p", conninfo or self.cluster.conninfo(DB), "-d", self.module,
                command, *extra]

    def start(self, command, conninfo=None, extra=()):
        self._runs += 1
        return Run(self.argv(command, conninfo, extra), self.work, f"run{self._runs}")

    def run_ok(self, command, extra=()):
        run = self.start(command, extra=extra)
        rc = run.wait()
        if rc != 0:
            run.kill()
            return f"`pum {command}` exited with {rc}: {run.stderr().strip()[-400:]}"
        return None

    def prepare(self, command):
        """A fresh database, at 1.0.0 for an upgrade (a copy of one installed once)."""
        if command != "upgrade":
            self.cluster.recreate(DB)
            return
        if not self._base_ready:
            self.cluster.recreate(DB)
            problem = self.run_ok("install", ("--max-version", "1.0.0"))
            if problem:
                raise RuntimeError(f"faults: preparing the upgrade failed: {problem}")
            self.cluster.recreate(BASE_DB, template=DB)
            self._base_ready = True
        self.cluster.recreate(DB, template=BASE_DB)

    def wait_point(self, run, point):
        """Polls pg_stat_activity until the fault point's statement runs."""
        deadline = time.monotonic() + RUN_TIMEOUT
        while run.proc.poll() is None and time.monotonic() < deadline:
            try:
                if self.cluster.running_point(DB) == point:
                    return True
            except psycopg.OperationalError:
                pass
            time.sleep(0.001)
        return False

    # --- one trial --------------------------------------------------------------
    def trial(self, group, command, point, strike, conninfo=None):
        result = Result(group, f"{command} at {point}")
        self.prepare(command)
        before = self.cluster.snapshot(DB)
        run = self.start(command, conninfo)
        result.struck = self.wait_point(run, point)
        if result.struck:
            strike(run, result)
        else:
            result.problems.append(f"the run never reached {point}")
        self.finish(run, result, expect_failure=result.struck)
        self.check(result, before, command)
        return result

    def finish(self, run, result, expect_failure):
        rc = run.wait()
        if rc is None:
            result.problems.append(f"still running {RUN_TIMEOUT:.0f} s after the fault (hang)")
            run.kill()
            rc = run.proc.returncode
        err = run.stderr()
        if any(mark in err for mark in CRASH_MARKS):
            result.problems.append(f"crashed: {err.strip()[-400:]}")
        if expect_failure and rc == 0:
            result.problems.append("pum reported success although its run was cut")
        if rc is not None and rc < 0 and rc != -signal.SIGKILL:
            result.problems.append(f"pum died of signal {-rc}")

    def check(self, result, before, command):
        if not self.cluster.wait_no_clients(DB):
            result.problems.append("a session of the cut run is still connected 20 s later")
        after = self.cluster.snapshot(DB)
        result.intact = after == before
        if not result.intact:
            result.problems.append("database changed: " + describe_change(before, after))
        problem = self.run_ok(command)
        if problem is None and self.cluster.versions(DB) != EXPECTED_VERSIONS:
            problem = f"migration table after the rerun: {self.cluster.versions(DB)}"
        result.rerun_ok = problem is None
        if problem:
            result.problems.append(f"rerun: {problem}")

    # --- strikes ----------------------------------------------------------------
    def terminate(self, run, result):
        self.cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                         "AND pid <> pg_backend_pid() AND backend_type = 'client backend'", (DB,))

    @staticmethod
    def sigkill(run, result):
        run.proc.send_signal(signal.SIGKILL)

    @staticmethod
    def sigint(run, result):
        t0 = time.monotonic()
        run.proc.send_signal(signal.SIGINT)
        if run.wait(SIGINT_BOUND) is None:
            result.problems.append(f"still running {SIGINT_BOUND:.0f} s after SIGINT: Ctrl-C did not stop it")
            run.kill()
        else:
            result.stop_seconds = time.monotonic() - t0

    def restart(self, run, result):
        self.cluster.restart()

    # --- trial groups -------------------------------------------------------------
    def struck_at(self, group, strike, per_command, conninfo=None):
        for command in ("install", "upgrade"):
            for point in spread(self.points[command], per_command):
                self.record(self.trial(group, command, point, strike, conninfo))

    def group_terminate(self):
        self.struck_at("backend terminated", self.terminate, 10)

    def group_sigkill(self):
        self.struck_at("client SIGKILL", self.sigkill, 5)

    def group_sigint(self):
        self.struck_at("client SIGINT", self.sigint, 5)

    def group_restart(self):
        for command in ("install", "upgrade"):
            self.record(self.trial("server restart", command, self.points[command][len(self.points[command]) // 2],
                                   self.restart))

    def group_proxy(self):
        proxy = CutProxy(self.cluster.port)
        try:
            conninfo = self.cluster.conninfo(DB, host="127.0.0.1", port=proxy.port)
            for command in ("install", "upgrade"):
                point = self.points[command][len(self.points[command]) // 3]
                self.record(self.trial("TCP connection cut", command, point, lambda r, res: proxy.cut(),
                                       conninfo))
        finally:
            proxy.close()

    def group_sigint_long(self):
        """Ctrl-C during a 20 s statement: how fast the cancel reaches the server."""
        self.prepare("upgrade")
        self.cluster.sql(f"ALTER DATABASE {DB} SET faults.long = 'on'")
        before = self.cluster.snapshot(DB)
        result = Result("SIGINT during a 20 s statement", "upgrade at pg_sleep(20)")
        run = self.start("upgrade")
        result.struck = self.wait_point(run, "long")
        if result.struck:
            self.sigint(run, result)
        else:
            result.problems.append("the run never reached the long statement")
        self.finish(run, result, expect_failure=result.struck)
        self.cluster.sql(f"ALTER DATABASE {DB} RESET faults.long")
        self.check(result, before, "upgrade")
        self.record(result)

    def group_sigint_lock(self):
        """Ctrl-C while waiting for the module lock that another session holds."""
        result = Result("SIGINT during lock wait", "upgrade waiting for the module lock")
        self.prepare("upgrade")
        before = self.cluster.snapshot(DB)
        holder = psycopg.connect(self.cluster.conninfo(DB))  # not autocommit: the xact lock stays
        try:
            holder.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (LOCK_KEY,))
            run = self.start("upgrade")
            deadline = time.monotonic() + RUN_TIMEOUT
            while run.proc.poll() is None and time.monotonic() < deadline:
                if self.cluster.waiting_on_advisory_lock(DB):
                    result.struck = True
                    break
                time.sleep(0.005)
            if result.struck:
                self.sigint(run, result)
            else:
                result.problems.append("pum never waited for the module lock")
            run.kill()
            self.finish(run, result, expect_failure=result.struck)
        finally:
            holder.rollback()
            holder.close()
        self.check(result, before, "upgrade")
        self.record(result)

    def group_concurrent(self, n=8):
        """n upgrades of one database at once: one applies, the others find nothing to do."""
        result = Result("8 concurrent upgrades", f"{n} x upgrade")
        self.prepare("upgrade")
        problem = self.run_ok("upgrade")
        reference = self.cluster.snapshot(DB)[0] if problem is None else None
        self.prepare("upgrade")
        runs = [self.start("upgrade") for _ in range(n)]
        result.struck = True
        codes = [run.wait() for run in runs]
        ok = sum(1 for c in codes if c == 0)
        for run, rc in zip(runs, codes):
            if rc is None:
                result.problems.append("an upgrade hung")
                run.kill()
            elif rc != 0:
                err = run.stderr().strip()
                if rc < 0 or not err or any(m in err for m in CRASH_MARKS):
                    result.problems.append(f"an upgrade failed uncleanly ({rc}): {err[-300:]}")
        result.detail = f"{ok} succeeded, {n - ok} refused"
        versions = self.cluster.versions(DB)
        if versions != EXPECTED_VERSIONS:
            result.problems.append(f"migration table after {n} upgrades: {versions}")
        result.intact = reference is not None and self.cluster.snapshot(DB)[0] == reference
        rerun = self.run_ok("upgrade")
        result.rerun_ok = rerun is None and self.cluster.versions(DB) == EXPECTED_VERSIONS
        if rerun:
            result.problems.append(f"rerun: {rerun}")
        self.record(result)

    def group_disk_full(self):
        """The upgrade's bulk file fills a 2 MB tablespace (tmpfs), or raises where none can be mounted."""
        tiny = os.path.join(self.work, "tiny")
        os.makedirs(tiny, exist_ok=True)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", tiny],
                                 capture_output=True).returncode == 0 if os.getuid() == 0 else False
        how = "tablespace on a 2 MB tmpfs" if mounted else "a statement raising mid-file (no tmpfs)"
        result = Result("disk full", f"upgrade, {how}")
        try:
            self.prepare("upgrade")
            if mounted:
                subprocess.run(["chown", "postgres:", tiny], check=True)
                self.cluster.sql(f"CREATE TABLESPACE faults_tiny LOCATION '{tiny}'")
                setting = "default_tablespace = faults_tiny"
            else:
                setting = "faults.fail = 'on'"
            self.cluster.sql(f"ALTER DATABASE {DB} SET {setting}")
            before = self.cluster.snapshot(DB)
            run = self.start("upgrade")
            result.struck = True
            self.finish(run, result, expect_failure=True)
            err = run.stderr()
            expected = "No space left on device" if mounted else "simulated failure"
            if expected not in err:
                result.problems.append(f"the error does not say '{expected}': {err.strip()[-300:]}")
            self.cluster.sql(f"ALTER DATABASE {DB} RESET {setting.split(' ')[0]}")
            self.check(result, before, "upgrade")
        finally:
            if mounted:
                self.cluster.wait_no_clients(DB)
                self.cluster.sql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
                self.cluster.sql("DROP TABLESPACE IF EXISTS faults_tiny")
                subprocess.run(["umount", tiny], check=False)
        self.record(result)

    GROUPS = ("terminate", "sigkill", "sigint", "sigint_long", "sigint_lock", "restart", "proxy", "concurrent", "disk_full")

    def run(self, only=None):
        for name in self.GROUPS:
            if only and only not in name:
                continue
            getattr(self, f"group_{name}")()

    def record(self, result):
        self.results.append(result)
        status = "ok  " if result.passed else "FAIL"
        extra = f" (stopped {result.stop_seconds:.2f} s after SIGINT)" if result.stop_seconds is not None else ""
        print(f"faults: {status} {result.group}: {result.name}{extra}", flush=True)
        for p in result.problems:
            print(f"faults:        {p}", flush=True)

    # --- figures --------------------------------------------------------------------
    def figures(self):
        groups = {}
        for r in self.results:
            g = groups.setdefault(r.group, dict(trials=0, struck=0, intact=0, rerun_ok=0, passed=0,
                                                stop_seconds=[], problems=[]))
            g["trials"] += 1
            g["struck"] += r.struck
            g["intact"] += r.intact
            g["rerun_ok"] += r.rerun_ok
            g["passed"] += r.passed
            if r.stop_seconds is not None:
                g["stop_seconds"].append(round(r.stop_seconds, 3))
            if r.detail:
                g["detail"] = r.detail
            g["problems"] += [f"{r.name}: {p}" for p in r.problems]
        return dict(groups=groups, trials=len(self.results),
                    passed=sum(r.passed for r in self.results),
                    all_passed=bool(self.results) and all(r.passed for r in self.results),
                    seconds=round(time.monotonic() - self.started, 1))

    @staticmethod
    def print_figures(figures):
        print("\nfaults: figures")
        print(f"{'trial':32} {'trials':>6} {'struck':>6} {'intact':>6} {'rerun ok':>8}  SIGINT to exit (s)")
        for name, g in figures["groups"].items():
            stops = g["stop_seconds"]
            stop = (f"median {statistics.median(stops):.2f}, max {max(stops):.2f}" if stops else "")
            print(f"{name:32} {g['trials']:>6} {g['struck']:>6} {g['intact']:>6} {g['rerun_ok']:>8}  {stop}"
                  + (f"  [{g['detail']}]" if "detail" in g else ""))
        print(f"faults: {figures['passed']}/{figures['trials']} trials passed in {figures['seconds']} s")
        for g in figures["groups"].values():
            for p in g["problems"]:
                print(f"faults: FAILED {p}")
