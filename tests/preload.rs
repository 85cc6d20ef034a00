//! `ui/index.html` names the modules the first screen needs (`<link rel="modulepreload">`),
//! so the page fetches them at once instead of one import level at a time. The list must
//! be exactly what `js/app.js` and the first screen, `js/pages/today.js`, import (with
//! what those import in turn): a module added to that graph and not to the list would
//! load late again, and a listed one no longer imported would load for nothing.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

const UI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui");

/// `dir/rel` with `.` and `..` folded, relative to `ui/`.
fn join(dir: &Path, rel: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for part in dir.join(rel).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every module `file` imports statically, and theirs, `file` included.
fn graph(file: PathBuf, seen: &mut BTreeSet<PathBuf>) {
    if !seen.insert(file.clone()) {
        return;
    }
    let text = std::fs::read_to_string(Path::new(UI).join(&file))
        .unwrap_or_else(|e| panic!("read ui/{}: {e}", file.display()));
    let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
    for line in text.lines().filter(|l| l.starts_with("import ")) {
        if let Some(spec) = line
            .split(" from '")
            .nth(1)
            .and_then(|r| r.split('\'').next())
        {
            graph(join(&dir, spec), seen);
        }
    }
}

#[test]
fn the_preloaded_modules_are_those_of_the_shell_and_the_first_screen() {
    let mut wanted = BTreeSet::new();
    graph("js/app.js".into(), &mut wanted);
    graph("js/pages/today.js".into(), &mut wanted);
    // app.js itself is the page's script, not a preload.
    wanted.remove(Path::new("js/app.js"));

    let html =
        std::fs::read_to_string(Path::new(UI).join("index.html")).expect("read ui/index.html");
    let listed: BTreeSet<PathBuf> = html
        .split("<link rel=\"modulepreload\" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(PathBuf::from)
        .collect();
    assert_eq!(
        listed, wanted,
        "ui/index.html's modulepreload list differs from the modules app.js and today.js import"
    );
}
