//! The app on Tauri's mock runtime, with the real configuration and capabilities and a
//! real SQLite file in a temporary folder: commands are called as the window calls them.
//!
//! No plugin is registered (`shell::with_commands`, not `build_app`): no opener, so an
//! accepted `open_folder` panics reaching for it instead of starting a program; no
//! autostart, so the start-at-login setting changes nothing on this machine.
#![allow(dead_code)]

use high_hamstring_rehab::core::messages::Reminder;
use high_hamstring_rehab::shell::{self, Desktop, LaunchOptions, Notifier, NotifyError};
use serde_json::Value;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// Keeps what would have been shown, so a test can read it.
#[derive(Default)]
pub struct RecordingNotifier(pub Mutex<Vec<Reminder>>);

impl Notifier for RecordingNotifier {
    fn deliver(&self, reminder: &Reminder) -> Result<(), NotifyError> {
        self.0.lock().unwrap().push(reminder.clone());
        Ok(())
    }
}

/// Stands in for the file manager and the file dialogs: records each folder that would
/// have been opened, and answers each dialog with the next scripted pick (`None` plays
/// a cancel; an empty script cancels too).
#[derive(Default)]
pub struct ScriptedDesktop {
    pub opened: Mutex<Vec<PathBuf>>,
    pub picks: Mutex<VecDeque<Option<PathBuf>>>,
}

impl ScriptedDesktop {
    pub fn will_pick(&self, pick: Option<&Path>) {
        self.picks
            .lock()
            .unwrap()
            .push_back(pick.map(Path::to_path_buf));
    }

    fn next_pick(&self) -> Option<PathBuf> {
        self.picks.lock().unwrap().pop_front().flatten()
    }
}

impl Desktop for ScriptedDesktop {
    fn open_folder(&self, folder: &Path) -> Result<(), String> {
        self.opened.lock().unwrap().push(folder.to_path_buf());
        Ok(())
    }

    fn pick_folder(&self, _title: &str, _start: &Path) -> Option<PathBuf> {
        self.next_pick()
    }

    fn pick_backup(&self, _title: &str, _start: &Path) -> Option<PathBuf> {
        self.next_pick()
    }
}

pub struct Harness {
    pub _app: Option<App<MockRuntime>>,
    pub window: WebviewWindow<MockRuntime>,
    pub shown: Arc<RecordingNotifier>,
    pub desktop: Arc<ScriptedDesktop>,
}

pub fn start(data_dir: &Path) -> Harness {
    let shown = Arc::new(RecordingNotifier::default());
    let desktop = Arc::new(ScriptedDesktop::default());
    let options = LaunchOptions {
        background: true,
        tray: false,
        data_dir: Some(data_dir.to_path_buf()),
        notifier: Some(shown.clone()),
        desktop: Some(desktop.clone()),
        started: Instant::now(),
        reminders: false,
    };
    let mut app = shell::with_commands(mock_builder(), options)
        .build(high_hamstring_rehab::context())
        .expect("the app builds on the mock runtime");
    // One turn of the event loop runs the real setup (store, state) as a launch would.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("main window");
    Harness {
        _app: Some(app),
        window,
        shown,
        desktop,
    }
}

impl Harness {
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}
