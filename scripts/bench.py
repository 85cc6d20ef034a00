"""Measures the release app: time to the first interactive screen (on an empty
database and on ten years of data, each start-up step from the app's own trace),
memory with the window open / closed to the tray / started with --background, idle
CPU and wake-ups per thread in the tray, and the same launch and memory figures for
the floor app (bench/floor), back to back. Each figure is printed with its goal (issue
16) and the ratio. Run by scripts/bench.sh under xvfb-run and dbus-run-session.
Prints figures only; asserts nothing.

Memory is RSS and PSS summed over the app and every process it started (WebKit's web
and network processes), read from /proc/PID/smaps_rollup.
"""
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

APP = os.path.abspath(sys.argv[1])
# Launches per median; HHR_BENCH_RUNS makes a quick trial run shorter.
RUNS = int(os.environ.get("HHR_BENCH_RUNS", "10"))
# The tray idle measurement; 10 minutes unless HHR_BENCH_IDLE_SECONDS says otherwise.
IDLE_SECONDS = int(os.environ.get("HHR_BENCH_IDLE_SECONDS", "600"))
TICK = os.sysconf("SC_CLK_TCK")
# "launch": only the launch figures and their steps (a quicker trial while working on them).
ONLY = os.environ.get("HHR_BENCH_ONLY", "")


def env_for(tmp):
    env = dict(os.environ)
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("HOME", "home")):
        env[var] = os.path.join(tmp, sub)
    return env


def children(pid):
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    kids.append(int(entry))
            except OSError:
                pass
    return kids


def tree(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children(p))
    return out


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def memory_mb(pid):
    rss = pss = 0
    names = []
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
            names.append(comm(p))
        except OSError:
            pass
    return rss / 1024, pss / 1024, names


def cpu_ticks(pid):
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except OSError:
            pass
    return total


def pause_reminders(tmp, seconds):
    """Pauses reminders in the app's own database (as the tray's Pause would), so that no
    reminder falls due during the idle measurement whatever the time of day."""
    import sqlite3
    db = os.path.join(tmp, "data", "org.highhamstringrehab.desktop", "rehab.db")
    until = (datetime.datetime.now() + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S")
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    conn = sqlite3.connect(db, timeout=10)
    with conn:
        conn.execute("INSERT INTO pauses (started_at, until_local, reason) VALUES (?, ?, 'until')", (started, until))
    conn.close()


def thread_switches(pid, name):
    """Voluntary context switches (each one a wake-up from sleep) of the app's threads
    named `name` (all threads if None)."""
    total = 0
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                comm_name = f.read().strip()
            if name is not None and comm_name != name:
                continue
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def launch(tmp, *args, binary=None, trace=False):
    env = env_for(tmp)
    if trace:
        env["HHR_STARTUP_TRACE"] = "1"
    return subprocess.Popen([binary or APP, *args], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


# Per binary, how long the processes of its launches to interactive (WebKit's included)
# outlived the program after it was stopped, in ms.
LINGER = {}


def alive(pid, started):
    """The process `pid` started at `started` (clock ticks since boot) is still running,
    not a zombie waiting to be reaped (a pid used again since is another process)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields[0] != "Z" and int(fields[19]) == started
    except (OSError, IndexError, ValueError):
        return False


def stop(proc):
    """Stops the program and waits until every process it started is gone (WebKit's web
    and network processes can outlive it by half a second, and would take the machine
    from the next launch measured); after 10 s the ones left are killed, with a warning.
    Returns how long they outlived it, in ms."""
    family = []
    for pid in tree(proc.pid)[1:]:
        try:
            family.append((pid, start_ticks(pid)))
        except (OSError, IndexError, ValueError):
            pass
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    stopped = time.monotonic()
    while any(alive(*p) for p in family):
        if time.monotonic() - stopped > 10:
            left = [pid for pid, started in family if alive(pid, started)]
            print("bench: processes %s still running 10 s after the program stopped; killed" % left, file=sys.stderr)
            for pid in left:
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass
            break
        time.sleep(0.005)
    return (time.monotonic() - stopped) * 1000


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def close_to_tray(proc):
    """Ctrl+W in the window, then Enter on the first-close notice ("Keep running in the tray")."""
    found = xdotool("search", "--sync", "--onlyvisible", "--name", "High Hamstring Rehab").stdout.split()
    if not found:
        raise RuntimeError("no window to close")
    xdotool("windowfocus", "--sync", found[0])
    xdotool("key", "--clearmodifiers", "ctrl+w")
    time.sleep(1.5)
    xdotool("key", "Return")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if not any(comm(p).startswith("WebKitWebProces") for p in tree(proc.pid)):
            return
        time.sleep(0.2)
    raise RuntimeError("the web process did not end after closing the window")


def ten_years_queries(release_dir):
    """Ten years of daily use (examples/ten_years.rs) and the screens' queries on it
    (examples/query_times.rs), through the app's own services."""
    examples = os.path.join(release_dir, "examples")
    tmp = tempfile.mkdtemp(prefix="hhr-bench-10y-")
    try:
        db = os.path.join(tmp, "rehab.db")
        made = subprocess.run([os.path.join(examples, "ten_years"), db], check=True, capture_output=True, text=True).stdout.strip()
        out = [("Ten years of daily use (examples/ten_years.rs)", made.split(": ")[0])]
        timed = subprocess.run([os.path.join(examples, "query_times"), db], check=True, capture_output=True, text=True).stdout
        for line in timed.splitlines():
            name, _, value = line.partition("\t")
            out.append(("10 years: " + name, value))
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --- start-up, memory and idle (issue 16) --------------------------------------------

# The goals of issue 16, each printed beside its figure.
GOAL_LAUNCH = 1.15     # launch to interactive, app / floor
GOAL_WINDOW_PSS = 1.2  # PSS with the window open, app / floor
GOAL_TRAY_PSS = 1.1    # PSS 20 s after a close to the tray, / a --background start
GOAL_IDLE_CPU = 0.2    # seconds of CPU per 10 minutes in the tray
SAMPLE_SECONDS = 30    # the per-thread wake-up sample


def data_dir(tmp):
    return os.path.join(tmp, "data", "org.highhamstringrehab.desktop")


def settle_database(db):
    """Folds the WAL into the file (so the .db alone is the whole database) and marks
    the first-run setup as skipped, so the app opens on Today, as for a user past it."""
    import sqlite3
    conn = sqlite3.connect(db, timeout=10)
    with conn:
        conn.execute("UPDATE settings SET setup = 'skipped'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def empty_database(workdir):
    """A database as the app makes it on a first start (through a --background start),
    its setup skipped."""
    tmp = tempfile.mkdtemp(prefix="hhr-bench-empty-")
    try:
        proc = launch(tmp, "--background", trace=True)
        try:
            for line in proc.stderr:
                if "hhr: step the day's reconcile" in line:
                    break
        finally:
            stop(proc)
        db = os.path.join(workdir, "empty.db")
        shutil.copy(os.path.join(data_dir(tmp), "rehab.db"), db)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(os.path.join(data_dir(tmp), "rehab.db" + suffix)):
                shutil.copy(os.path.join(data_dir(tmp), "rehab.db" + suffix), db + suffix)
        settle_database(db)
        return db
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ten_year_database(workdir, release_dir):
    """Ten years of daily use from the benchmark's own generator (examples/ten_years.rs),
    its setup skipped."""
    db = os.path.join(workdir, "ten-years.db")
    subprocess.run([os.path.join(release_dir, "examples", "ten_years"), db], check=True, capture_output=True)
    settle_database(db)
    return db


def fresh(db):
    """A new temp folder whose app data folder holds a copy of `db` (or nothing)."""
    tmp = tempfile.mkdtemp(prefix="hhr-bench-")
    if db:
        os.makedirs(data_dir(tmp))
        shutil.copy(db, os.path.join(data_dir(tmp), "rehab.db"))
    return tmp


def start_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[19])


def webkit_starts(pid, own_ms, wall_ms):
    """When WebKit's network and web processes were started, as steps on the program's
    scale (ms since `main`/`run`): their start times less the app's, from /proc (in
    clock ticks, 10 ms apart), less the time before `main`/`run`."""
    out = {}
    try:
        app = start_ticks(pid)
        for child in children(pid):
            name = {"WebKitWebProces": "web", "WebKitNetworkPr": "network"}.get(comm(child))
            if name:
                at = (start_ticks(child) - app) * 1000 / TICK - (wall_ms - own_ms)
                out["WebKit's %s process started (±10 ms)" % name] = (at, at)
    except OSError:
        pass
    return out


def wait_ready(proc):
    """Seconds from exec to the front end's first `ui_ready` call, the app's own figure
    (ms from `run`), and the start-up steps it traced: {name: (start, end)} in ms."""
    start = time.monotonic()
    steps = {}
    for line in proc.stderr:
        if line.startswith("hhr: step "):
            name, _, times = line[len("hhr: step "):].rpartition(": ")
            try:
                a, b = (float(t) for t in times.split())
                steps.setdefault(name, (a, b))
            except ValueError:
                pass
        if "hhr: interactive after" in line:
            seconds = time.monotonic() - start
            steps.update(webkit_starts(proc.pid, int(line.split()[-2]), seconds * 1000))
            return seconds, int(line.split()[-2]), steps
    raise RuntimeError("the app exited before its first screen was interactive")


def one_launch(binary, db):
    """A launch to the first interactive screen in a fresh folder holding a copy of `db`:
    wall-clock seconds, the in-process ms, the traced steps."""
    tmp = fresh(db)
    proc = launch(tmp, binary=binary, trace=True)
    try:
        return wait_ready(proc)
    finally:
        LINGER.setdefault(binary, []).append(stop(proc))
        shutil.rmtree(tmp, ignore_errors=True)


def launches(sides, runs=RUNS):
    """`runs` launches of each side ({key: (binary, db)}), taken in turn (floor, app,
    app, floor, app, app, …) so that a change in the machine's load falls on every side
    alike."""
    out = {key: [] for key in sides}
    for _ in range(runs):
        for key, (binary, db) in sides.items():
            out[key].append(one_launch(binary, db))
    return out


def median_ms(runs):
    return statistics.median(r[0] for r in runs) * 1000


def step_rows(label, runs):
    """One row per start-up step: its median length and where it falls (median start
    and end, ms since the app's `run` began)."""
    names = []
    for _, _, steps in runs:
        for name in sorted(steps, key=lambda n: steps[n][0]):
            if name not in names:
                names.append(name)
    ordered = sorted(names, key=lambda n: statistics.median(r[2][n][0] for r in runs if n in r[2]))
    rows = []
    before_run = statistics.median(r[0] * 1000 - r[1] for r in runs)
    rows.append(("%s: before `main`/`run` (exec, loading the libraries)" % label, "%.0f ms (wall time less the program's own)" % before_run))
    for name in ordered:
        seen = [r[2][name] for r in runs if name in r[2]]
        length = statistics.median(b - a for a, b in seen)
        rows.append(("%s: %s" % (label, name), "%.1f ms (at %.0f–%.0f ms)" % (
            length, statistics.median(a for a, _ in seen), statistics.median(b for _, b in seen))))
    rows.append(("%s: interactive (the program's own figure, from `main`/`run`)" % label, "%.0f ms" % statistics.median(r[1] for r in runs)))
    return rows


def ratio(value, base, goal, unit):
    r = value / base
    return "%.0f %s vs %.0f %s = %.2f× (goal ≤ %.2f×: %s)" % (value, unit, base, unit, r, goal, "met" if r <= goal else "not met")


def window_memory(binary, db):
    tmp = fresh(db)
    proc = launch(tmp, binary=binary)
    try:
        wait_ready(proc)
        time.sleep(5)
        return memory_mb(proc.pid)
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


def restarted(pid):
    """Whether the app replaced itself with a --background start after the close: its
    command line says so and no WebKit process is left under it."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return False
    return b"--background" in args and len(tree(pid)) == 1


def thread_wakes(pid, seconds):
    """Voluntary context switches (wake-ups from sleep) and CPU ticks of each thread of
    `pid` over `seconds`, by thread name (unnamed threads carry the process's name)."""
    def snap():
        out = {}
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/comm") as f:
                    name = f.read().strip()
                with open(f"/proc/{pid}/task/{tid}/status") as f:
                    switches = next(int(l.split()[1]) for l in f if l.startswith("voluntary_ctxt_switches:"))
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if tid == str(pid):
                    name = "main thread"
                out[tid] = (name, switches, int(fields[11]) + int(fields[12]))
            except (OSError, StopIteration):
                pass
        return out
    before = snap()
    time.sleep(seconds)
    after = snap()
    by_name = {}
    for tid, (name, switches, ticks) in after.items():
        _, s0, t0 = before.get(tid, (name, 0, 0))
        wakes, cpu, count = by_name.get(name, (0, 0, 0))
        by_name[name] = (wakes + switches - s0, cpu + ticks - t0, count + 1)
    return by_name


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


LOAD_AT_START = load_average()


def main():
    rows = []
    release_dir = os.path.dirname(os.path.abspath(sys.argv[1]))
    floor = os.path.join(os.path.dirname(APP), "tauri-floor")
    workdir = tempfile.mkdtemp(prefix="hhr-bench-dbs-")
    try:
        empty = empty_database(workdir)
        ten = ten_year_database(workdir, release_dir)

        # Launch to interactive, back to back and in turn: the floor, the app on an empty
        # database, the app on ten years of data.
        sides = {"empty": (APP, empty), "ten": (APP, ten)}
        if os.path.exists(floor):
            sides = {"floor": (floor, None), **sides}
        runs = launches(sides)
        f_runs, e_runs, t_runs = runs.get("floor"), runs["empty"], runs["ten"]
        if f_runs:
            f_ms = median_ms(f_runs)
            rows.append(("Floor: minimal Tauri window app (bench/floor), launch to interactive (median of %d)" % RUNS, "%.0f ms" % f_ms))
            rows.append(("Launch to interactive, empty database (median of %d) / floor" % RUNS, ratio(median_ms(e_runs), f_ms, GOAL_LAUNCH, "ms")))
            rows.append(("Launch to interactive, ten years of data (median of %d) / floor" % RUNS, ratio(median_ms(t_runs), f_ms, GOAL_LAUNCH, "ms")))
        else:
            rows.append(("Floor", "not built (bench/floor)"))
            rows.append(("Launch to interactive, empty database (median of %d)" % RUNS, "%.0f ms" % median_ms(e_runs)))
            rows.append(("Launch to interactive, ten years of data (median of %d)" % RUNS, "%.0f ms" % median_ms(t_runs)))
        rows.append(("Start-up: a launch's processes outlived it by (median; each launch waits for the last one's to be gone)",
                     "; ".join("%s %.0f ms" % (name, statistics.median(LINGER[binary]))
                               for name, binary in (("floor", floor), ("app", APP)) if binary in LINGER)))
        if f_runs:
            rows.extend(step_rows("Start-up, floor", f_runs))
        rows.extend(step_rows("Start-up step, empty database", e_runs))
        rows.extend(step_rows("Start-up step, ten years", t_runs))
        if ONLY == "launch":
            print_rows(rows)
            return

        # Memory with the window open, the app (Today, empty database) and the floor.
        rss, pss, names = window_memory(APP, empty)
        window_row = "RSS %.0f MB, PSS %.0f MB (%d processes)" % (rss, pss, len(names))
        if f_runs:
            f_rss, f_pss, _ = window_memory(floor, None)
            rows.append(("Floor: memory, window open", "RSS %.0f MB, PSS %.0f MB" % (f_rss, f_pss)))
            rows.append(("Memory, window open: PSS app / floor", ratio(pss, f_pss, GOAL_WINDOW_PSS, "MB") + "; " + window_row))
        else:
            rows.append(("Memory, window open", window_row))

        # In the tray: a --background start, then the app closed to the tray (it restarts
        # as a --background start), 20 s after each, in this run.
        tmp = fresh(empty)
        proc = launch(tmp, "--background")
        try:
            time.sleep(20)
            bg_rss, bg_pss, bg_names = memory_mb(proc.pid)
        finally:
            stop(proc)
            shutil.rmtree(tmp, ignore_errors=True)
        rows.append(("Memory, started with --background, after 20 s (%s)" % ", ".join(bg_names), "RSS %.0f MB, PSS %.0f MB" % (bg_rss, bg_pss)))

        tmp = fresh(empty)
        proc = launch(tmp)
        try:
            wait_ready(proc)
            time.sleep(5)
            close_to_tray(proc)
            deadline = time.monotonic() + 30
            while not restarted(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            how = "restarted as --background" if restarted(proc.pid) else "did not restart"
            time.sleep(20)
            rss, pss, names = memory_mb(proc.pid)
            rows.append(("Memory, 20 s after closing the window to the tray (%s; %s) / --background start" % (how, ", ".join(names)),
                         ratio(pss, bg_pss, GOAL_TRAY_PSS, "MB PSS") + "; RSS %.0f MB" % rss))

            # Idle in the tray: reminders paused (as the tray's Pause would), so none falls due.
            pause_reminders(tmp, IDLE_SECONDS + 120)
            before = cpu_ticks(proc.pid)
            wakes_before = thread_switches(proc.pid, "reminders")
            all_before = thread_switches(proc.pid, None)
            threads = thread_wakes(proc.pid, SAMPLE_SECONDS)
            time.sleep(max(0, IDLE_SECONDS - SAMPLE_SECONDS))
            ticks = cpu_ticks(proc.pid) - before
            wakes = thread_switches(proc.pid, "reminders") - wakes_before
            all_wakes = thread_switches(proc.pid, None) - all_before
            minutes = IDLE_SECONDS / 60
            per_ten = ticks / TICK * 600 / IDLE_SECONDS
            rows.append(("CPU over %g min idle in the tray, no reminder due" % minutes,
                         "%d ticks = %.2f s of CPU, %.2f s per 10 min (goal ≤ %.1f s: %s)" % (
                             ticks, ticks / TICK, per_ten, GOAL_IDLE_CPU, "met" if per_ten <= GOAL_IDLE_CPU else "not met")))
            rows.append(("Wake-ups over %g min in the tray" % minutes,
                         "all threads %d (%.2f a second); the reminder thread %d (%.1f a minute)" % (
                             all_wakes, all_wakes / IDLE_SECONDS, wakes, wakes / minutes)))
            listed = sorted(threads.items(), key=lambda kv: -kv[1][0])
            rows.append(("Wake-ups per thread over %d s in the tray (by name; threads; CPU ticks)" % SAMPLE_SECONDS,
                         "; ".join("%s ×%d: %d (%.2f/s, %d ticks)" % (name, count, w, w / SAMPLE_SECONDS, cpu)
                                   for name, (w, cpu, count) in listed)))
        finally:
            stop(proc)
            shutil.rmtree(tmp, ignore_errors=True)

        tmp = fresh(empty)
        env = env_for(tmp)
        env["HHR_BENCH_IPC"] = "1"
        proc = subprocess.Popen([APP], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        try:
            wait_ready(proc)
            for line in proc.stderr:
                if "get_today round trip" in line:
                    rows.append(("Today screen's command round trip through the webview IPC (get_today)", line.split("round trip", 1)[1].strip()))
                    break
        finally:
            stop(proc)
            shutil.rmtree(tmp, ignore_errors=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    rows.extend(ten_years_queries(os.path.dirname(os.path.abspath(sys.argv[1]))))
    print_rows(rows)


def print_rows(rows):
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_gb = int(f.readline().split()[1]) / 1024 / 1024
    print("High Hamstring Rehab benchmark, %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M %Z").strip())
    print("Machine: %s, %d cores, %.0f GiB, %s %s; Xvfb (software rendering); load average at the start %s, at the end %s" % (
        cpu, os.cpu_count(), mem_gb, platform.system(), platform.release(), LOAD_AT_START, load_average()))
    print()
    print("| Measure | Result |")
    print("|---|---|")
    for name, value in rows:
        print("| %s | %s |" % (name, value))


if __name__ == "__main__":
    main()
