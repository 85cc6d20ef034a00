//! The main window: created on demand, destroyed (webview and all) when closed, so the
//! app in the tray holds no webview. The first close explains that the app keeps running.

use super::restart;
use super::state::AppState;
use crate::service;
use std::sync::atomic::Ordering;
use tauri::{
    AppHandle, Emitter, Manager, Runtime, WebviewWindow, WebviewWindowBuilder, Window, WindowEvent,
};

pub const MAIN: &str = "main";
/// Sent to the window when it should show the close-to-tray notice.
pub const CLOSE_NOTICE_EVENT: &str = "close-notice";

/// Brings the main window forward, creating it (from tauri.conf.json) if it is gone.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<WebviewWindow<R>> {
    if let Some(window) = app.get_webview_window(MAIN) {
        bring_forward(&window.as_ref().window())?;
        return Ok(window);
    }
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN)
        .cloned()
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    let window = WebviewWindowBuilder::from_config(app, &config)?
        .visible(!HIDDEN_UNTIL_THE_PAGE_STARTS)
        .build()?;
    draw_without_compositing(&window);
    show_if_the_page_does_not_start(app);
    window.set_focus()?;
    Ok(window)
}

/// Linux: the main window is made hidden and shown when its page starts loading
/// (`page_started`), because with compositing off WebKitGTK's first drawing of a web view
/// whose web process is still starting could hold both processes for half a second:
/// the window's drawing waited (up to WebKit's 500 ms) for the web process's first
/// picture while the web process waited on the window's main thread. In two trials of
/// launches in turn, 7 of 36 were held about 500 ms when shown at once, none of 36 shown
/// at the page's start (docs/benchmarks.md, 2026-12-08). Once the page is loading, the
/// web process is up and the first drawing does not wait. Tray "Open" and a second
/// launch show a window already made at once, hidden or not.
const HIDDEN_UNTIL_THE_PAGE_STARTS: bool = cfg!(target_os = "linux");

/// How long a window made hidden waits for its page to start before it is shown anyway
/// (a web process that failed to start, a load cancelled): the app's own choice, long
/// after a page starts on this kind of machine (about 0.3 s).
pub const SHOWN_ANYWAY_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// The log line of a window shown by that fallback, not by its page's start.
pub const SHOWN_WITHOUT_THE_PAGE: &str =
    "the window is shown although its page has not started loading";

/// Linux, on the main thread: shows the main window after `SHOWN_ANYWAY_AFTER` if it is
/// still hidden, so a page that never starts does not leave the app without a window.
#[cfg(target_os = "linux")]
fn show_if_the_page_does_not_start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    gtk::glib::timeout_add_local_once(SHOWN_ANYWAY_AFTER, move || {
        let Some(window) = app.get_webview_window(MAIN) else {
            return;
        };
        let window = window.as_ref().window();
        if is_hidden(&window) {
            eprintln!("High Hamstring Rehab: {SHOWN_WITHOUT_THE_PAGE}");
            show(&window);
        }
    });
}

#[cfg(not(target_os = "linux"))]
fn show_if_the_page_does_not_start<R: Runtime>(_app: &AppHandle<R>) {}

/// The main window's page started loading: a window made hidden is shown and given the
/// focus. A reload (the notice after a damaged file is set aside) finds it shown: nothing
/// to do, and the focus is not taken from another app.
#[cfg(target_os = "linux")]
pub fn page_started<R: Runtime>(webview: &tauri::Webview<R>) {
    let window = webview.window();
    if webview.label() == MAIN && is_hidden(&window) {
        show(&window);
    }
}

#[cfg(not(target_os = "linux"))]
pub fn page_started<R: Runtime>(_webview: &tauri::Webview<R>) {}

#[cfg(target_os = "linux")]
fn is_hidden<R: Runtime>(window: &Window<R>) -> bool {
    use gtk::prelude::WidgetExt;
    window.gtk_window().is_ok_and(|w| !w.is_visible())
}

#[cfg(target_os = "linux")]
fn show<R: Runtime>(window: &Window<R>) {
    if let Err(err) = bring_forward(window) {
        eprintln!("High Hamstring Rehab: could not show the window: {err}");
    }
}

/// Shows the window, out of the taskbar if minimized, and gives it the focus. Linux:
/// GTK's `show_all` (the web view and the boxes around it are not shown with a window
/// made hidden: without it the page stays "hidden" to WebKit) and `present`, at once on
/// this main thread: Tauri's `set_focus` does nothing to a window not shown yet, and its
/// `show` is carried out later, so a window made hidden would get no focus.
#[cfg(target_os = "linux")]
fn bring_forward<R: Runtime>(window: &Window<R>) -> tauri::Result<()> {
    use gtk::prelude::{GtkWindowExt, WidgetExt};
    let gtk_window = window.gtk_window()?;
    gtk_window.show_all();
    gtk_window.present();
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn bring_forward<R: Runtime>(window: &Window<R>) -> tauri::Result<()> {
    window.show()?;
    window.unminimize()?;
    window.set_focus()
}

/// Linux: WebKitGTK draws the page without its accelerated compositing. The screens are
/// documents with small SVG animations, which it draws as smoothly on the CPU, and the
/// compositing path costs about 100 MB more in the web process (software GL, layer
/// buffers; measured under Xvfb: docs/benchmarks.md). Set on the main thread right after
/// the web view is made, before its page starts loading.
#[cfg(target_os = "linux")]
fn draw_without_compositing<R: Runtime>(window: &WebviewWindow<R>) {
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = WebViewExt::settings(&webview.inner()) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
}

#[cfg(not(target_os = "linux"))]
fn draw_without_compositing<R: Runtime>(_window: &WebviewWindow<R>) {}

/// Linux: the same choice made before any web view exists, through WebKitGTK's
/// `WEBKIT_DISABLE_COMPOSITING_MODE` (unless the user has set it), so the policy set
/// above is already the one WebKit started with. Made only after the web view, the
/// change held the page back: WebKit's web process was first seen at about 222 ms
/// instead of 103 ms after start, and the page began about 60 ms later (30 launches
/// each; docs/benchmarks.md, 2026-12-07, night). Called first thing in
/// `run`, while the program has one thread; the web processes inherit it, and so does
/// anything the app opens (the file manager).
#[cfg(target_os = "linux")]
pub fn without_compositing_from_the_start() {
    const NAME: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(NAME).is_none() {
        std::env::set_var(NAME, "1");
    }
}

/// The Stretch view, with its hold timer and the waiting reminder's Done, Snooze and Skip.
pub const STRETCH_ROUTE: &str = "#/stretch";

/// The event that tells an open window to go to a screen (`#/journal/checkin`).
pub const NAVIGATE_EVENT: &str = "navigate";

/// Opens the window on `route`: a window already open is told to go there; a new one
/// takes the route from the app status when its page starts.
pub fn open_at<R: Runtime>(app: &AppHandle<R>, route: &str) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.emit(NAVIGATE_EVENT, route);
    } else if let Ok(mut pending) = app.state::<AppState>().open_route.lock() {
        *pending = Some(route.to_string());
    }
    show_main_soon(app);
}

/// `show_main` from any thread (single-instance and tray callbacks), on the main thread.
/// Counted as coming until it is shown, so the restart into the tray cannot lose it.
pub fn show_main_soon<R: Runtime>(app: &AppHandle<R>) {
    coming(app, true);
    let handle = app.clone();
    let queued = app.run_on_main_thread(move || {
        if let Err(err) = show_main(&handle) {
            eprintln!("High Hamstring Rehab: could not open the window: {err}");
        }
        coming(&handle, false);
    });
    if queued.is_err() {
        coming(app, false);
    }
}

/// Counts a window asked for (`up`) or shown.
fn coming<R: Runtime>(app: &AppHandle<R>, up: bool) {
    if let Some(state) = app.try_state::<AppState>() {
        let count = &state.switch.window_coming;
        if up {
            count.fetch_add(1, Ordering::SeqCst);
        } else {
            count.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if window.label() != MAIN {
        return;
    }
    let api = match event {
        WindowEvent::CloseRequested { api, .. } => api,
        // Closed to the tray (a quit says so first): the program restarts light.
        WindowEvent::Destroyed => return restart::after_close(window.app_handle()),
        _ => return,
    };
    let Some(state) = window.try_state::<AppState>() else {
        return;
    };
    let seen = {
        // A read: it does not wait for the full check (this is the main thread).
        let mut store = state.lock_store_to_read();
        // If the flag cannot be read, let the window close rather than trap the user.
        service::app::close_notice_seen(&mut store).unwrap_or(true)
    };
    // A second close while the notice is up goes through: the user means it.
    if seen || state.close_notice_pending.swap(true, Ordering::SeqCst) {
        return;
    }
    api.prevent_close();
    if window.emit_to(MAIN, CLOSE_NOTICE_EVENT, ()).is_err() {
        state.close_notice_pending.store(false, Ordering::SeqCst);
    }
}
