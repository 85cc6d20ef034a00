//! The app on Tauri's mock runtime, with the real configuration and capabilities and a
//! real SQLite file in a temporary folder: commands are called as the window calls them.
//!
//! No plugin is registered (`shell::with_commands`, not `build_app`): no opener, so an
//! accepted `open_folder` panics reaching for it instead of starting a program; no
//! autostart, so the start-at-login setting changes nothing on this machine.
#![allow(dead_code)]

use high_hamstring_rehab::core::messages::Reminder;
use high_hamstring_rehab::shell::{self, LaunchOptions, Notifier, NotifyError};
use serde_json::Value;
use std::path::Path;
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

pub struct Harness {
    pub _app: Option<App<MockRuntime>>,
    pub window: WebviewWindow<MockRuntime>,
    pub shown: Arc<RecordingNotifier>,
}

pub fn start(data_dir: &Path) -> Harness {
    let shown = Arc::new(RecordingNotifier::default());
    let options = LaunchOptions {
        background: true,
        tray: false,
        data_dir: Some(data_dir.to_path_buf()),
        notifier: Some(shown.clone()),
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
