"""Measures the release app: time to the first interactive screen, memory with the
window open / closed to the tray / started with --background, and idle CPU in the
tray. Run by scripts/bench.sh under xvfb-run and dbus-run-session. Prints figures only.

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
RUNS = 10
# The tray idle measurement; 10 minutes unless HHR_BENCH_IDLE_SECONDS says otherwise.
IDLE_SECONDS = int(os.environ.get("HHR_BENCH_IDLE_SECONDS", "600"))
TICK = os.sysconf("SC_CLK_TCK")


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


def launch(tmp, *args, binary=None):
    return subprocess.Popen([binary or APP, *args], env=env_for(tmp), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


def startup_and_memory(binary):
    """Median launch-to-interactive of RUNS launches, and memory with the window open."""
    startups = []
    for _ in range(RUNS):
        tmp = tempfile.mkdtemp(prefix="hhr-bench-")
        proc = launch(tmp, binary=binary)
        try:
            startups.append(wait_ready(proc)[0] * 1000)
        finally:
            stop(proc)
            shutil.rmtree(tmp, ignore_errors=True)
    tmp = tempfile.mkdtemp(prefix="hhr-bench-")
    proc = launch(tmp, binary=binary)
    try:
        wait_ready(proc)
        time.sleep(5)
        rss, pss, _ = memory_mb(proc.pid)
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return statistics.median(startups), rss, pss


def wait_ready(proc):
    """Seconds from exec to the front end's first `ui_ready` call, as the app reports it."""
    start = time.monotonic()
    for line in proc.stderr:
        if "hhr: interactive after" in line:
            return time.monotonic() - start, int(line.split()[-2])
    raise RuntimeError("the app exited before its first screen was interactive")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


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


def main():
    rows = []
    startups, inprocess = [], []
    for _ in range(RUNS):
        tmp = tempfile.mkdtemp(prefix="hhr-bench-")
        proc = launch(tmp)
        try:
            wall, own = wait_ready(proc)
            startups.append(wall * 1000)
            inprocess.append(own)
        finally:
            stop(proc)
            shutil.rmtree(tmp, ignore_errors=True)
    rows.append(("Launch to first interactive screen (median of %d)" % RUNS,
                 "%.0f ms (min %.0f, max %.0f; in-process %d ms)" % (
                     statistics.median(startups), min(startups), max(startups), statistics.median(inprocess))))

    tmp = tempfile.mkdtemp(prefix="hhr-bench-")
    proc = launch(tmp)
    try:
        wait_ready(proc)
        time.sleep(5)
        rss, pss, names = memory_mb(proc.pid)
        rows.append(("Memory, window open (%d processes)" % len(names), "RSS %.0f MB, PSS %.0f MB" % (rss, pss)))
        close_to_tray(proc)
        time.sleep(20)
        rss, pss, names = memory_mb(proc.pid)
        rows.append(("Memory, 20 s after closing to the tray (%s)" % ", ".join(names),
                     "RSS %.0f MB, PSS %.0f MB" % (rss, pss)))
        pause_reminders(tmp, IDLE_SECONDS + 120)
        before = cpu_ticks(proc.pid)
        wakes_before = thread_switches(proc.pid, "reminders")
        all_before = thread_switches(proc.pid, None)
        time.sleep(IDLE_SECONDS)
        ticks = cpu_ticks(proc.pid) - before
        wakes = thread_switches(proc.pid, "reminders") - wakes_before
        all_wakes = thread_switches(proc.pid, None) - all_before
        minutes = IDLE_SECONDS / 60
        rows.append(("CPU over %d min idle in the tray, no reminder due" % minutes,
                     "%d ticks (%.2f s of CPU; %d ticks/s)" % (ticks, ticks / TICK, TICK)))
        rows.append(("Wake-ups over %d min in the tray" % minutes,
                     "reminder thread %d (%.1f a minute); all threads of the app process %d" % (
                         wakes, wakes / minutes, all_wakes)))
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)

    tmp = tempfile.mkdtemp(prefix="hhr-bench-")
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

    tmp = tempfile.mkdtemp(prefix="hhr-bench-")
    proc = launch(tmp, "--background")
    try:
        time.sleep(8)
        rss, pss, names = memory_mb(proc.pid)
        rows.append(("Memory, started with --background (%s)" % ", ".join(names), "RSS %.0f MB, PSS %.0f MB" % (rss, pss)))
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)

    rows.extend(ten_years_queries(os.path.dirname(os.path.abspath(sys.argv[1]))))

    floor = os.path.join(os.path.dirname(APP), "tauri-floor")
    if os.path.exists(floor):
        app_start, app_rss, app_pss = startup_and_memory(APP)
        f_start, f_rss, f_pss = startup_and_memory(floor)
        rows.append(("Floor: minimal Tauri window app (bench/floor), launch to interactive (median of %d)" % RUNS, "%.0f ms" % f_start))
        rows.append(("Floor: memory, window open", "RSS %.0f MB, PSS %.0f MB" % (f_rss, f_pss)))
        rows.append(("App / floor, measured back to back", "launch %.0f / %.0f ms = %.2fx; PSS %.0f / %.0f MB = %.2fx; RSS %.2fx" % (
            app_start, f_start, app_start / f_start, app_pss, f_pss, app_pss / f_pss, app_rss / f_rss)))
    else:
        rows.append(("Floor", "not built (bench/floor)"))

    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_gb = int(f.readline().split()[1]) / 1024 / 1024
    print("High Hamstring Rehab benchmark, %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M %Z").strip())
    print("Machine: %s, %d cores, %.0f GiB, %s %s; Xvfb (software rendering)" % (
        cpu, os.cpu_count(), mem_gb, platform.system(), platform.release()))
    print()
    print("| Measure | Result |")
    print("|---|---|")
    for name, value in rows:
        print("| %s | %s |" % (name, value))


if __name__ == "__main__":
    main()
