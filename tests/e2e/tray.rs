//! The tray menu as a desktop shell sees it: libayatana-appindicator exports it on the
//! session bus as a com.canonical.dbusmenu object, so the suite reads its labels and
//! clicks its items through `gdbus`, exactly as a panel would.

use crate::support::eventually;
use std::process::Command;

/// Where libayatana-appindicator exports the menu of the tray icon with id "main".
const MENU_PATH: &str = "/org/ayatana/NotificationItem/tray_icon_tray_app_main/Menu";

fn gdbus(args: &[&str]) -> Result<String, String> {
    let output = Command::new("gdbus")
        .arg("call")
        .arg("--session")
        // A connection that never answers (not every one of the app's does) must not
        // hold the wait for gdbus's default 25 s.
        .args(["--timeout", "3"])
        .args(args)
        .output()
        .map_err(|e| format!("gdbus could not be run (install libglib2.0-bin): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "gdbus {args:?}: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn bus(method: &str, arg: Option<&str>) -> Result<String, String> {
    let method = format!("org.freedesktop.DBus.{method}");
    let mut args = vec![
        "--dest",
        "org.freedesktop.DBus",
        "--object-path",
        "/org/freedesktop/DBus",
        "--method",
        &method,
    ];
    args.extend(arg);
    gdbus(&args)
}

/// The unique bus names of the connections opened by process `pid` (the app has several:
/// the tray's, and the notification plugin's once a reminder was sent).
pub fn connections_of(pid: u32) -> Result<Vec<String>, String> {
    let names = bus("ListNames", None)?;
    let wanted = format!("(uint32 {pid},)");
    let found: Vec<String> = names
        .split('\'')
        .filter(|n| n.starts_with(":1."))
        .filter(|name| {
            bus("GetConnectionUnixProcessID", Some(name)).is_ok_and(|out| out.trim() == wanted)
        })
        .map(String::from)
        .collect();
    if found.is_empty() {
        Err(format!(
            "no connection on the session bus belongs to pid {pid}"
        ))
    } else {
        Ok(found)
    }
}

fn get_layout(name: &str) -> Result<String, String> {
    gdbus(&[
        "--dest",
        name,
        "--object-path",
        MENU_PATH,
        "--method",
        "com.canonical.dbusmenu.GetLayout",
        "--",
        "0",
        "-1",
        "[]",
    ])
}

/// The connection of `pid` that exports the tray menu.
fn menu_connection(pid: u32) -> Result<String, String> {
    let mut last = String::new();
    for name in connections_of(pid)? {
        match get_layout(&name) {
            Ok(_) => return Ok(name),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// One menu item: its dbusmenu id, label and whether it can be clicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: u32,
    pub label: String,
    pub enabled: bool,
}

/// Parses GetLayout's answer: `(uint32 rev, (0, {...}, [<(2, {'enabled': <false>,
/// 'label': <'...'>}, @av [])>, ...]))`. Separators (no label) are left out.
fn parse_layout(text: &str) -> Vec<Item> {
    text.split("<(")
        .skip(1)
        .filter_map(|chunk| {
            let id = chunk.split(',').next()?.trim().parse().ok()?;
            let start = chunk.find("'label': <'")? + "'label': <'".len();
            let label = chunk[start..].split("'>").next()?.replace("\\'", "'");
            let enabled = !chunk.contains("'enabled': <false>");
            Some(Item { id, label, enabled })
        })
        .collect()
}

/// The tray menu of the app process `pid`, once it is on the bus.
pub async fn menu(pid: u32) -> Vec<Item> {
    eventually("the tray menu on the session bus", || async {
        let layout = get_layout(&menu_connection(pid)?)?;
        match parse_layout(&layout) {
            items if items.is_empty() => Err(format!("no items in {layout}")),
            items => Ok(items),
        }
    })
    .await
}

/// Waits until the menu's first line satisfies `ok`, and returns it.
pub async fn wait_for_status(pid: u32, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let ok = &ok;
    eventually(what, || async move {
        let items = menu(pid).await;
        let first = items.first().map(|i| i.label.clone()).unwrap_or_default();
        if ok(&first) {
            Ok(first)
        } else {
            Err(format!("status line is {first:?}"))
        }
    })
    .await
}

/// Clicks the item labelled `label`, as a panel does when the user picks it.
pub async fn click(pid: u32, label: &str) {
    let items = menu(pid).await;
    let item = items
        .iter()
        .find(|i| i.label == label)
        .unwrap_or_else(|| panic!("no tray item labelled {label:?} in {items:?}"));
    assert!(item.enabled, "the tray item {label:?} is disabled");
    let name = menu_connection(pid).expect("the app's tray connection");
    let id = item.id.to_string();
    gdbus(&[
        "--dest",
        &name,
        "--object-path",
        MENU_PATH,
        "--method",
        "com.canonical.dbusmenu.Event",
        "--",
        &id,
        "clicked",
        "<0>",
        "0",
    ])
    .unwrap_or_else(|e| panic!("clicking {label:?}: {e}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layout_is_read_into_items() {
        let text = "(uint32 2, (0, {'children-display': <'submenu'>}, [<(2, {'enabled': <false>, 'label': <'Stretch goal: 4 a day, 08:00–21:00'>}, @av [])>, <(3, {'enabled': <true>, 'type': <'separator'>}, @av [])>, <(4, {'label': <'Open High Hamstring Rehab'>}, @av [])>, <(5, {'label': <'Quit'>}, @av [])>]))";
        let items = parse_layout(text);
        assert_eq!(
            items,
            vec![
                Item {
                    id: 2,
                    label: "Stretch goal: 4 a day, 08:00–21:00".into(),
                    enabled: false
                },
                Item {
                    id: 4,
                    label: "Open High Hamstring Rehab".into(),
                    enabled: true
                },
                Item {
                    id: 5,
                    label: "Quit".into(),
                    enabled: true
                },
            ]
        );
    }
}
