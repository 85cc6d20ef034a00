//! The harness every end-to-end test runs in: a private temp directory for the app's
//! data, config and cache; one tauri-driver (and so one WebKitWebDriver) per session,
//! on free ports, with that environment; the WebDriver client; and the app process.
//!
//! By default ([`Harness::new`]) the data folder holds a database whose first-run setup
//! was skipped, so the app opens on Today; [`Harness::fresh_install`] gives an empty
//! folder, where the app opens on the setup.
//!
//! Dropping a [`Harness`] (at the end of a test, or while a failing test unwinds) ends
//! everything it started with SIGTERM and waits for it to go, so the next test's app is
//! not swallowed by the single-instance lock on the session bus.

use crate::procs;
use crate::servers::{self, Notifications};
use fantoccini::{Client, ClientBuilder};
use high_hamstring_rehab::{service, store::Store};
use std::fs::File;
use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The app's identifier in tauri.conf.json: its data folder under XDG_DATA_HOME.
pub const APP_IDENTIFIER: &str = "org.highhamstringrehab.desktop";
/// The title of the main window.
pub const WINDOW_TITLE: &str = "High Hamstring Rehab";
/// Upper bound of every wait in the suite (start-up under Xvfb with software rendering).
pub const DEADLINE: Duration = Duration::from_secs(30);
/// Upper bound for processes to end after SIGTERM.
const STOP_DEADLINE: Duration = Duration::from_secs(15);

/// Polls `probe` until it returns `Ok`, and panics after `DEADLINE` with `what` and the
/// last thing `probe` reported.
pub async fn eventually<T, F, Fut>(what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let deadline = Instant::now() + DEADLINE;
    loop {
        match probe().await {
            Ok(value) => return value,
            Err(last) if Instant::now() >= deadline => {
                panic!("timed out after {DEADLINE:?} waiting for {what}; last seen: {last}")
            }
            Err(_) => tokio::time::sleep(procs::POLL).await,
        }
    }
}

/// The app binary cargo built for this test run.
pub fn app_binary() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_BIN_EXE_high-hamstring-rehab"));
    path.canonicalize()
        .unwrap_or_else(|e| panic!("the app binary {} is missing: {e}", path.display()))
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join("tauri-driver"));
    let in_cargo_home =
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin/tauri-driver"));
    on_path
        .chain(in_cargo_home)
        .find(|p| p.is_file())
        .expect("tauri-driver was not found on PATH or in ~/.cargo/bin: `cargo install tauri-driver --locked`")
}

/// The variable that puts the app on the fake clock in `file` (an offset in seconds): the
/// app's test build reads that file itself on every clock read (`shell/clock.rs`). Nothing
/// else needs the fake time: the pages take their day from the app, and the drivers and
/// WebKit's processes keep the real clock (the page's timers only measure durations).
/// (libfaketime was used before; with its file read on every call it is not thread-safe,
/// and an app clock read now and then came back as the real time.)
pub fn fake_clock_env(file: &Path) -> Vec<(&'static str, PathBuf)> {
    vec![("HHR_E2E_CLOCK_FILE", file.to_path_buf())]
}

fn free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("could not bind a local port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("bound port").port();
    (port(&a), port(&b))
}

/// One tauri-driver process and the ports it (and its WebKitWebDriver) listen on.
struct Driver {
    child: Child,
    port: u16,
}

pub struct Harness {
    dir: TempDir,
    binary: PathBuf,
    driver: Option<Driver>,
    client: Option<Client>,
    app_pid: Option<u32>,
    /// The app when this test started it itself (not through tauri-driver).
    direct: Option<Child>,
    /// The fake wall clock, when the test set one: the offset file and the offset it holds.
    clock: Option<(PathBuf, chrono::Duration)>,
    /// The notification server this test asked for (the default one is put back after).
    notifications: Notifications,
}

impl Harness {
    /// A temp directory whose database has passed the first-run setup (skipped, as for
    /// a user upgraded from before the setup existed), so the app opens on Today; nothing
    /// is started yet. The database is made by the app's own `Store::open` and the setup
    /// skipped through its service, so a test that seeds the same file through the
    /// services keeps that state. A test of the setup itself uses [`Harness::fresh_install`].
    pub fn new() -> Self {
        let h = Self::fresh_install();
        h.skip_setup();
        h
    }

    /// A fresh temp directory with no database at all, as on a first install: the app
    /// opens on the first-run setup. Nothing is started yet.
    pub fn fresh_install() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("hhr-e2e-")
            .tempdir()
            .expect("could not create a temp directory");
        Harness {
            dir,
            binary: app_binary(),
            driver: None,
            client: None,
            app_pid: None,
            direct: None,
            clock: None,
            notifications: Notifications::Default,
        }
    }

    /// Creates this test's database and records its setup as skipped.
    fn skip_setup(&self) {
        let (mut store, _) = Store::open(&self.database_path(), chrono::Utc::now())
            .expect("create the test database");
        service::setup::finish(&mut store, "skipped").expect("skip the setup in the test database");
    }

    /// Runs this test with another notification server on the bus (or none); call it
    /// before the app starts. The default one comes back when the harness is dropped.
    pub fn use_notifications(&mut self, kind: Notifications) {
        servers::switch_to(kind, &self.notification_log());
        self.notifications = kind;
    }

    /// Where a notification server this test started logs the calls it gets.
    pub fn notification_log(&self) -> PathBuf {
        self.dir.path().join("notifications.log")
    }

    /// Moves the app's wall clock to `at` and lets it run on from there: the offset is in
    /// a file the app's test build reads on every clock read ([`fake_clock_env`]), so a
    /// later call moves a running app's clock too. Monotonic time stays real, so
    /// timeouts and the scheduler's sleeps are real waits. The first call must come
    /// before the app starts.
    pub fn set_clock(&mut self, at: chrono::DateTime<chrono::Local>) {
        let offset = at.signed_duration_since(chrono::Utc::now());
        let file = self.dir.path().join("clock-offset");
        // Written whole and renamed, so a clock read never sees a half-written file.
        let partial = self.dir.path().join("clock-offset.new");
        std::fs::write(&partial, format!("{:+}\n", offset.num_seconds()))
            .expect("write the fake clock's offset");
        std::fs::rename(&partial, &file).expect("put the fake clock's offset in place");
        self.clock = Some((file, offset));
    }

    /// The time on the app's wall clock (the fake one if the test set one).
    pub fn app_now(&self) -> chrono::DateTime<chrono::Local> {
        let offset = self
            .clock
            .as_ref()
            .map_or(chrono::Duration::zero(), |c| c.1);
        chrono::Local::now() + chrono::Duration::seconds(offset.num_seconds())
    }

    /// XDG_DATA_HOME for the app.
    pub fn data_home(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// HOME for the app.
    pub fn home_dir(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// The folder that holds the database.
    pub fn app_data_dir(&self) -> PathBuf {
        self.data_home().join(APP_IDENTIFIER)
    }

    pub fn database_path(&self) -> PathBuf {
        self.app_data_dir().join("rehab.db")
    }

    /// Writes GTK's settings file for the app (`gtk-3.0/settings.ini` under this test's
    /// XDG_CONFIG_HOME): `lines` go under `[Settings]`, as a desktop would set them.
    pub fn gtk_settings(&self, lines: &str) {
        let gtk = self.temp_path("config").join("gtk-3.0");
        std::fs::create_dir_all(&gtk).expect("GTK's settings folder");
        std::fs::write(gtk.join("settings.ini"), format!("[Settings]\n{lines}\n"))
            .expect("GTK's settings file");
    }

    /// A path in this test's temp directory, for files of the test's own.
    pub fn temp_path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("driver-and-app.log")
    }

    /// The variables that make the app use this test's folders (and its clock).
    pub fn app_env(&self) -> Vec<(&'static str, PathBuf)> {
        let root = self.dir.path();
        let mut env = vec![
            ("XDG_DATA_HOME", self.data_home()),
            ("XDG_CONFIG_HOME", root.join("config")),
            ("XDG_CACHE_HOME", root.join("cache")),
            // Start at login writes to ~/.config/autostart: never the real home's.
            ("HOME", root.join("home")),
        ];
        if let Some((file, _)) = &self.clock {
            env.extend(fake_clock_env(file));
        }
        env
    }

    fn env_entry(name: &str) -> Option<String> {
        std::env::var(name).ok().map(|v| format!("{name}={v}"))
    }

    /// App processes started for this test (same binary, same XDG_DATA_HOME).
    pub fn app_instances(&self) -> Vec<u32> {
        procs::instances(
            &self.binary,
            &[format!("XDG_DATA_HOME={}", self.data_home().display())],
        )
    }

    /// App processes on this session bus, whatever their data folder.
    fn instances_on_this_bus(&self) -> Vec<u32> {
        procs::instances(
            &self.binary,
            &Self::env_entry("DBUS_SESSION_BUS_ADDRESS")
                .into_iter()
                .collect::<Vec<_>>(),
        )
    }

    /// The app process of the current session.
    pub fn app_pid(&self) -> u32 {
        self.app_pid.expect("no app was launched in this test")
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("no WebDriver session is open")
    }

    /// Starts tauri-driver, opens a WebDriver session (which starts the app) and waits
    /// until the app's page shows its navigation. Returns a handle on the session.
    pub async fn launch(&mut self) -> Client {
        assert!(
            self.driver.is_none(),
            "launch called twice without end_session"
        );
        self.wait_for_earlier_apps().await;

        let (port, native_port) = free_ports();
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.log_path())
            .expect("could not open the log");
        let child = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(self.app_env())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("could not start tauri-driver");
        self.driver = Some(Driver { child, port });

        // tauri-driver listens before WebKitWebDriver does: wait for both.
        let up = |p: u16| TcpStream::connect(("127.0.0.1", p)).is_ok();
        let deadline = Instant::now() + DEADLINE;
        while !(up(port) && up(native_port)) {
            let exited = self
                .driver
                .as_mut()
                .and_then(|d| d.child.try_wait().ok().flatten());
            if let Some(status) = exited {
                panic!("tauri-driver exited early ({status}):\n{}", self.log_tail());
            }
            if Instant::now() >= deadline {
                panic!("tauri-driver (port {port}) or WebKitWebDriver (port {native_port}) not listening after {DEADLINE:?}:\n{}", self.log_tail());
            }
            tokio::time::sleep(procs::POLL).await;
        }

        let caps: serde_json::Map<String, serde_json::Value> =
            serde_json::from_value(serde_json::json!({
                "browserName": "wry",
                "tauri:options": { "application": self.binary },
            }))
            .expect("capabilities are an object");
        let url = format!("http://127.0.0.1:{port}");
        let (caps, url) = (&caps, &url);
        let client = eventually(
            "a WebDriver session (the app's window)",
            move || async move {
                let mut builder = ClientBuilder::native();
                builder.capabilities(caps.clone());
                builder
                    .connect(url)
                    .await
                    .map_err(|e| format!("{e} ({e:?})"))
            },
        )
        .await;
        self.client = Some(client);

        let this = &*self;
        let pid = eventually(
            "exactly one app process for this test's data folder",
            move || async move {
                match this.app_instances().as_slice() {
                    [pid] => Ok(*pid),
                    other => Err(format!("found {other:?}")),
                }
            },
        )
        .await;
        self.app_pid = Some(pid);
        crate::ui::wait_until_ready(self.client()).await;
        self.client().clone()
    }

    /// Starts the app as a login item would, with `--background` and no WebDriver
    /// session, and waits for its process. Returns its pid.
    pub async fn launch_background(&mut self) -> u32 {
        assert!(
            self.app_pid.is_none(),
            "an app is already running in this test"
        );
        self.wait_for_earlier_apps().await;
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.log_path())
            .expect("could not open the log");
        let child = Command::new(&self.binary)
            .arg("--background")
            .envs(self.app_env())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("could not start the app with --background");
        let started = child.id();
        self.direct = Some(child);
        let this = &*self;
        eventually("the app started with --background", move || async move {
            match this.app_instances().as_slice() {
                [pid] if *pid == started => Ok(()),
                other => Err(format!("found {other:?}, started {started}")),
            }
        })
        .await;
        self.app_pid = Some(started);
        started
    }

    /// Waits for app processes of earlier tests on this session bus to end: they would
    /// hold the single-instance lock and swallow this test's launch.
    async fn wait_for_earlier_apps(&self) {
        eventually(
            "app processes of earlier tests on this session bus to end",
            || async {
                match self.instances_on_this_bus() {
                    pids if pids.is_empty() => {}
                    pids => {
                        return Err(format!(
                            "still running: {pids:?} (they would take the single-instance lock)"
                        ))
                    }
                }
                // A quitting app can outlive its process entry on the bus for a moment;
                // a launch then forwards to it and fails. Wait for the name to be free.
                if single_instance_name_owned() {
                    return Err("the single-instance D-Bus name is still owned".into());
                }
                Ok(())
            },
        )
        .await;
    }

    /// Runs the app binary again with this test's environment, as a user launching it a
    /// second time would, and returns how it exited. Panics if it is still running
    /// after the deadline.
    /// Starts the app binary with this test's environment and `args`, and hands back the
    /// child (for tests that manage a second copy themselves).
    pub fn spawn_app(&self, args: &[&str]) -> std::process::Child {
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.log_path())
            .expect("could not open the log");
        Command::new(&self.binary)
            .args(args)
            .envs(self.app_env())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("could not start the app")
    }

    pub fn launch_second_instance(&self) -> ExitStatus {
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.log_path())
            .expect("could not open the log");
        let mut child = Command::new(&self.binary)
            .envs(self.app_env())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("could not start a second instance of the app");
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = child
                .try_wait()
                .expect("could not wait for the second instance")
            {
                return status;
            }
            if Instant::now() >= deadline {
                procs::terminate_child(&mut child, STOP_DEADLINE);
                panic!(
                    "the second instance was still running after {DEADLINE:?}:\n{}",
                    self.log_tail()
                );
            }
            std::thread::sleep(procs::POLL);
        }
    }

    /// Waits for this test's app process to end by itself (after a Quit). When the
    /// test started the app itself, also checks that it exited successfully.
    pub async fn wait_for_app_exit(&mut self) {
        let pid = self.app_pid();
        let this = &*self;
        eventually("the app process to exit", move || async move {
            match this.app_instances() {
                pids if pids.is_empty() && !procs::is_alive(pid) => Ok(()),
                pids => Err(format!("still running: {pids:?}")),
            }
        })
        .await;
        self.app_pid = None;
        if let Some(mut child) = self.direct.take() {
            let status = child.wait().expect("could not reap the app");
            assert!(
                status.success(),
                "the app exited with {status}:\n{}",
                self.log_tail()
            );
        }
    }

    /// Forgets an app process the test ended itself (SIGKILL).
    pub fn forget_app(&mut self) {
        self.app_pid = None;
        if let Some(mut child) = self.direct.take() {
            let _ = child.wait();
        }
    }

    /// Ends the WebDriver session and tauri-driver; the app may outlive them (tray).
    pub async fn end_session(&mut self) {
        if let Some(client) = self.client.take() {
            // The window may be gone already (closed to the tray, or quit): best effort.
            let _ = tokio::time::timeout(Duration::from_secs(5), client.close()).await;
        }
        self.stop_driver();
    }

    /// Ends the session, then the app itself, and waits for both to be gone.
    pub async fn finish(&mut self) {
        self.end_session().await;
        self.stop_app();
    }

    fn stop_driver(&mut self) {
        self.client = None;
        if let Some(mut driver) = self.driver.take() {
            if !procs::terminate_child(&mut driver.child, STOP_DEADLINE) {
                eprintln!(
                    "tauri-driver (pid {}, port {}) ignored SIGTERM",
                    driver.child.id(),
                    driver.port
                );
            }
        }
    }

    fn stop_app(&mut self) {
        self.app_pid = None;
        let left = procs::terminate_all(&self.app_instances(), STOP_DEADLINE);
        if let Some(mut child) = self.direct.take() {
            // Reaps it (it has exited or was just told to).
            procs::terminate_child(&mut child, STOP_DEADLINE);
        }
        assert!(
            left.is_empty() || std::thread::panicking(),
            "app processes survived SIGTERM: {left:?}"
        );
        if !left.is_empty() {
            eprintln!("app processes survived SIGTERM: {left:?}");
        }
    }

    /// The last lines tauri-driver, WebKitWebDriver and the app wrote.
    /// Whether the driver's and the app's log (the app's stderr) holds `text` anywhere.
    pub fn log_contains(&self, text: &str) -> bool {
        std::fs::read(self.log_path())
            .map(|b| String::from_utf8_lossy(&b).contains(text))
            .unwrap_or(false)
    }

    pub fn log_tail(&self) -> String {
        let text = std::fs::read(self.log_path())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(40)..].join("\n");
        format!(
            "--- last lines of {} ---\n{tail}\n---",
            self.log_path().display()
        )
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("{}", self.log_tail());
        }
        self.stop_driver();
        self.stop_app();
        if self.notifications != Notifications::Default {
            servers::switch_to(Notifications::Default, &self.notification_log());
        }
    }
}

/// Whether an app on this session bus still owns tauri-plugin-single-instance's name.
fn single_instance_name_owned() -> bool {
    let out = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.highhamstringrehab.desktop.SingleInstance",
        ])
        .output();
    match out {
        Ok(out) => String::from_utf8_lossy(&out.stdout).contains("boolean true"),
        Err(_) => false,
    }
}
