//! One window with one page that reports when it is interactive, as the app does, and
//! (for `make bench`'s rows per start-up step) when its steps happened, on the app's
//! scale: `hhr: step <name>: <start> <end>` in milliseconds since `main` began.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

struct Started(Instant, f64);

fn wall_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// `steps`: the page's own steps, `[name, from, to]` in wall-clock milliseconds.
#[tauri::command]
fn ready(started: tauri::State<'_, Started>, steps: Option<Vec<(String, f64, f64)>>) {
    for (name, from, to) in steps.unwrap_or_default() {
        eprintln!("hhr: step {name}: {:.1} {:.1}", from - started.1, to - started.1);
    }
    eprintln!("hhr: interactive after {} ms", started.0.elapsed().as_millis());
}

fn main() {
    let started = Started(Instant::now(), wall_ms());
    let from = started.0;
    tauri::Builder::default()
        .manage(started)
        // Tauri builds the configured window just before this hook.
        .setup(move |_| {
            let at = from.elapsed().as_secs_f64() * 1000.0;
            eprintln!("hhr: step GTK, Tauri and the window (webview created): 0.0 {at:.1}");
            Ok(())
        })
        .on_page_load(move |_, payload| {
            if let tauri::webview::PageLoadEvent::Started = payload.event() {
                let at = from.elapsed().as_secs_f64() * 1000.0;
                eprintln!("hhr: step page load started (seen by the app): {at:.1} {at:.1}");
            }
        })
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("the floor app runs");
}
