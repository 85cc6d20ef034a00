//! The import graph of `src-tauri/src`, read from the source text (no compiler help):
//! every `use crate::…`, `use super::…`, `use self::…` and `use <child module>::…`
//! (braces expanded), and every `crate::x::…`, `super::…` or child-module path written in
//! code, resolved to the file of the module it names. Comments and string literals are
//! left out first. Fails on
//!
//! - a cycle between files (a module declaring its children with `mod x;` is not an
//!   import; a file using its parent's items and the parent calling back into it is);
//! - `core/` importing `store`, `service`, `shell`, `tauri*` or `rusqlite`, or, outside
//!   its tests, reading the clock (`Utc::now`, `Local::now`, `SystemTime`,
//!   `Instant::now`) or the disk (`std::fs`);
//! - `store/` importing `service`; `store/` or `service/` importing `shell` or `tauri*`.
//!
//! `a_planted_cycle_and_upward_imports_are_caught` runs the same check on a small made-up
//! tree with each kind of fault in it, so a check that quietly stopped seeing them fails.
//!
//! Run it alone with `cargo test --test layers`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One source file: its path under `src-tauri/src` (with `/`) and its text.
type Source = (String, String);

#[test]
fn the_modules_form_layers_without_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    assert!(
        files.len() > 40,
        "only {} files found under {}",
        files.len(),
        root.display()
    );
    let graph = Graph::of(&files);
    let problems = graph.problems();
    assert!(
        problems.is_empty(),
        "the layers are broken:\n{}\n\nthe shell's imports:\n{}",
        problems.join("\n"),
        graph.describe("crate::shell")
    );
    // The shell's files as this refactor left them: no file imports shell/mod.rs.
    println!("the shell's imports:\n{}", graph.describe("crate::shell"));
}

#[test]
fn a_planted_cycle_and_upward_imports_are_caught() {
    let files: Vec<Source> = [
        ("lib.rs", "pub mod core; pub mod store; pub mod service; pub mod shell;"),
        ("core/mod.rs", "pub mod dates; pub mod rules;\npub struct InvalidInput;"),
        (
            "core/dates.rs",
            "use super::InvalidInput;\n// Utc::now() in a comment is fine\n\
             pub fn now() -> i64 { let s = \"Local::now\"; chrono::Utc :: now().timestamp() }",
        ),
        (
            "core/rules.rs",
            "use crate::{store::Store, core::dates};\n\
             pub fn f() { let _ = std::fs::read(\"x\"); }\n\
             #[cfg(test)]\nmod tests { use super::*; fn t() { let _ = std::time::SystemTime::now(); } }",
        ),
        ("store/mod.rs", "pub mod rows;\npub struct Store;\npub fn g() { rows::h() }"),
        (
            "store/rows.rs",
            "use super::{Store};\nuse crate::service::ServiceError;\npub fn h() {}",
        ),
        ("service/mod.rs", "pub struct ServiceError;\nuse tauri::AppHandle;"),
        ("shell/mod.rs", "mod a; mod b;"),
        ("shell/a.rs", "use super::b::B;\npub struct A;"),
        ("shell/b.rs", "pub struct B;\nfn f() -> super::a::A { super::a::A }"),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect();
    let problems = Graph::of(&files).problems();
    let text = problems.join("\n");
    for expected in [
        "core/dates.rs reads the clock (Utc::now)",
        "core/rules.rs imports crate::store",
        "core/rules.rs reads the disk (std::fs)",
        "store/rows.rs imports crate::service",
        "service/mod.rs imports tauri",
        "cycle: shell/a.rs -> shell/b.rs -> shell/a.rs",
        "cycle: store/mod.rs -> store/rows.rs -> store/mod.rs",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "not caught: {expected}\nfound:\n{text}"
        );
    }
    assert!(
        !text.contains("Local::now") && !text.contains("SystemTime"),
        "a string or a test was taken for code:\n{text}"
    );
    assert_eq!(problems.len(), 7, "{text}");
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap();
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if rel == "main.rs" {
                continue; // the binary: one call into the library
            }
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// A module path as segments after `crate` (`["shell", "tray"]`).
type ModPath = Vec<String>;

struct Graph {
    /// Each file's module path, by file.
    modules: BTreeMap<String, ModPath>,
    /// Which file holds each module.
    files: BTreeMap<ModPath, String>,
    /// file → file it imports → the first line that does.
    edges: BTreeMap<String, BTreeMap<String, usize>>,
    /// file → (what it reaches outside the graph or breaks, line), for the layer rules.
    external: BTreeMap<String, Vec<(String, usize)>>,
    /// file → (a clock or disk read, line), outside test code.
    reads: BTreeMap<String, Vec<(String, usize)>>,
}

impl Graph {
    fn of(sources: &[Source]) -> Graph {
        let mut modules = BTreeMap::new();
        let mut files = BTreeMap::new();
        for (file, _) in sources {
            let path = module_of(file);
            modules.insert(file.clone(), path.clone());
            files.insert(path, file.clone());
        }
        let mut graph = Graph {
            modules,
            files,
            edges: BTreeMap::new(),
            external: BTreeMap::new(),
            reads: BTreeMap::new(),
        };
        for (file, text) in sources {
            graph.read(file, text);
        }
        graph
    }

    fn read(&mut self, file: &str, text: &str) {
        let code = strip(text);
        let file_mod = self.modules[file].clone();
        let scopes = inline_modules(&code, &file_mod);
        let line_at = |pos: usize| code[..pos].matches('\n').count() + 1;
        let scope_at = |pos: usize| -> (ModPath, bool) {
            scopes
                .iter()
                .filter(|s| s.start <= pos && pos < s.end)
                .max_by_key(|s| s.path.len())
                .map(|s| (s.path.clone(), s.test))
                .unwrap_or((file_mod.clone(), is_test(&file_mod)))
        };
        for (pos, path) in paths(&code) {
            let (scope, _) = scope_at(pos);
            match self.resolve(&scope, &path) {
                Some(Target::File(target)) => {
                    if target != file {
                        self.edges
                            .entry(file.to_string())
                            .or_default()
                            .entry(target)
                            .or_insert(line_at(pos));
                    }
                }
                Some(Target::Outside(name)) => self
                    .external
                    .entry(file.to_string())
                    .or_default()
                    .push((name, line_at(pos))),
                None => {}
            }
        }
        for (needle, what) in [
            ("Utc::now", "the clock"),
            ("Local::now", "the clock"),
            ("SystemTime", "the clock"),
            ("Instant::now", "the clock"),
            ("std::fs", "the disk"),
        ] {
            for pos in find_loose(&code, needle) {
                let (_, test) = scope_at(pos);
                if !test {
                    self.reads
                        .entry(file.to_string())
                        .or_default()
                        .push((format!("reads {what} ({needle})"), line_at(pos)));
                }
            }
        }
    }

    /// The file a path leads to, or the outside crate it names.
    fn resolve(&self, scope: &ModPath, path: &[String]) -> Option<Target> {
        let first = path.first()?;
        let absolute: ModPath = match first.as_str() {
            "crate" => path[1..].to_vec(),
            "self" => scope.iter().chain(&path[1..]).cloned().collect(),
            "super" => {
                let mut base = scope.clone();
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                base.into_iter().chain(rest.iter().cloned()).collect()
            }
            name if name.starts_with("tauri") || name == "rusqlite" => {
                return Some(Target::Outside(name.to_string()))
            }
            name => {
                // A child module of the scope, written without `self::`.
                let child: ModPath = scope.iter().cloned().chain([name.to_string()]).collect();
                if self.files.contains_key(&child) {
                    scope.iter().chain(path).cloned().collect()
                } else {
                    return None;
                }
            }
        };
        // The longest prefix that is a module held by a file.
        (0..=absolute.len())
            .rev()
            .find_map(|n| self.files.get(&absolute[..n].to_vec()))
            .map(|f| Target::File(f.clone()))
    }

    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let layer = |file: &str| file.split('/').next().unwrap_or("").to_string();
        for (file, targets) in &self.edges {
            for (target, line) in targets {
                let (from, to) = (layer(file), layer(target));
                let upward = match from.as_str() {
                    "core" => ["store", "service", "shell"].contains(&to.as_str()),
                    "store" => ["service", "shell"].contains(&to.as_str()),
                    "service" => to == "shell",
                    _ => false,
                };
                if upward {
                    out.push(format!("{file} imports crate::{to} (line {line})"));
                }
            }
        }
        for (file, names) in &self.external {
            if ["core", "store", "service"].contains(&layer(file).as_str()) {
                let allowed = |n: &str| layer(file) == "store" && n == "rusqlite";
                let mut seen = BTreeSet::new();
                for (name, line) in names {
                    if !allowed(name) && seen.insert(name) {
                        out.push(format!("{file} imports {name} (line {line})"));
                    }
                }
            }
        }
        for (file, reads) in &self.reads {
            if layer(file) == "core" {
                for (what, line) in reads {
                    out.push(format!("{file} {what} (line {line})"));
                }
            }
        }
        for (group, cycle) in self.cycles() {
            let mut names = cycle.clone();
            names.push(cycle[0].clone());
            let lines: Vec<String> = cycle
                .iter()
                .zip(cycle.iter().cycle().skip(1))
                .map(|(a, b)| format!("{a}:{}", self.edges[a][b]))
                .collect();
            let mut text = format!("cycle: {} (at {})", names.join(" -> "), lines.join(", "));
            if group.len() > cycle.len() {
                let all: Vec<&str> = group.iter().map(String::as_str).collect();
                text.push_str(&format!("; all tied together: {}", all.join(", ")));
            }
            out.push(text);
        }
        out
    }

    /// Each strongly connected group of two or more files, with one shortest cycle
    /// through it (from its first file by name).
    fn cycles(&self) -> Vec<(BTreeSet<String>, Vec<String>)> {
        let nodes: Vec<&String> = self.modules.keys().collect();
        let next = |f: &str| -> Vec<String> {
            self.edges
                .get(f)
                .map(|t| t.keys().cloned().collect())
                .unwrap_or_default()
        };
        let reaches = |from: &str| -> BTreeSet<String> {
            let mut seen = BTreeSet::new();
            let mut stack = next(from);
            while let Some(f) = stack.pop() {
                if seen.insert(f.clone()) {
                    stack.extend(next(&f));
                }
            }
            seen
        };
        let reach: BTreeMap<&String, BTreeSet<String>> =
            nodes.iter().map(|n| (*n, reaches(n))).collect();
        let mut done = BTreeSet::new();
        let mut out = Vec::new();
        for n in &nodes {
            if done.contains(*n) || !reach[n].contains(*n) {
                continue;
            }
            let group: BTreeSet<String> = reach[n]
                .iter()
                .filter(|m| reach[*m].contains(*n))
                .cloned()
                .collect();
            done.extend(group.iter().cloned());
            // A shortest way from n back to n inside the group.
            let mut prev: BTreeMap<String, String> = BTreeMap::new();
            let mut queue = std::collections::VecDeque::from([(*n).clone()]);
            let mut found = None;
            while let Some(f) = queue.pop_front() {
                for t in next(&f) {
                    if !group.contains(&t) {
                        continue;
                    }
                    if &t == *n {
                        found = Some(f.clone());
                        break;
                    }
                    if !prev.contains_key(&t) {
                        prev.insert(t.clone(), f.clone());
                        queue.push_back(t);
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            let mut path = vec![found.expect("a way back")];
            while let Some(p) = prev.get(path.last().unwrap()) {
                path.push(p.clone());
            }
            if path.last() != Some(*n) {
                path.push((*n).clone());
            }
            path.reverse();
            out.push((group, path));
        }
        out
    }

    /// The imports between the files under `prefix`, one line each.
    fn describe(&self, prefix: &str) -> String {
        let prefix: ModPath = prefix.split("::").skip(1).map(String::from).collect();
        let inside = |f: &str| self.modules[f].starts_with(&prefix);
        self.modules
            .keys()
            .filter(|f| inside(f))
            .map(|f| {
                let targets: Vec<&str> = self
                    .edges
                    .get(f)
                    .map(|t| t.keys().filter(|t| inside(t)).map(|t| t.as_str()).collect())
                    .unwrap_or_default();
                format!("  {f} -> {}", targets.join(", "))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

enum Target {
    File(String),
    Outside(String),
}

fn module_of(file: &str) -> ModPath {
    let trimmed = file.trim_end_matches(".rs");
    let mut parts: ModPath = trimmed.split('/').map(String::from).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn is_test(path: &ModPath) -> bool {
    path.iter().any(|s| s == "tests")
}

struct Scope {
    start: usize,
    end: usize,
    path: ModPath,
    test: bool,
}

/// `mod name { … }` blocks in `code`, with the module path each one is, and whether it
/// is test code (`#[cfg(test)]` before it, or inside a `tests` module).
fn inline_modules(code: &str, file_mod: &ModPath) -> Vec<Scope> {
    let bytes = code.as_bytes();
    let mut scopes: Vec<Scope> = Vec::new();
    let mut i = 0;
    while let Some(found) = find_word(code, "mod", i) {
        i = found + 3;
        let rest = &code[i..];
        let name_len = rest
            .trim_start()
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(0);
        let skipped = rest.len() - rest.trim_start().len();
        let name = &rest.trim_start()[..name_len];
        let after = rest.trim_start()[name_len..].trim_start();
        if name.is_empty() || !after.starts_with('{') {
            continue;
        }
        let open = i + skipped + name_len + (rest.trim_start()[name_len..].len() - after.len());
        let mut depth = 0;
        let mut end = bytes.len();
        for (k, b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        let outer = scopes
            .iter()
            .filter(|s| s.start <= found && found < s.end)
            .max_by_key(|s| s.path.len());
        let (mut path, outer_test) = match outer {
            Some(s) => (s.path.clone(), s.test),
            None => (file_mod.clone(), is_test(file_mod)),
        };
        let before = code[..found].trim_end();
        let test = outer_test || name == "tests" || before.ends_with("#[cfg(test)]");
        path.push(name.to_string());
        scopes.push(Scope {
            start: open,
            end,
            path,
            test,
        });
    }
    scopes
}

/// Every path in `code` that could name a module of the crate or an outside crate:
/// `use` trees expanded, and `a::b::c` runs in code. Each with its position.
fn paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut uses: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = find_word(code, "use", i) {
        let end = code[at..].find(';').map_or(code.len(), |e| at + e);
        let tree = &code[at + 3..end];
        let mut expanded = Vec::new();
        expand(&compact(tree), &mut Vec::new(), &mut expanded);
        for path in expanded {
            out.push((at, path));
        }
        uses.push((at, end));
        i = end;
    }
    // `a::b` runs outside `use` declarations.
    let bytes = code.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut k = 0;
    while k < bytes.len() {
        if !ident(bytes[k]) || (k > 0 && (ident(bytes[k - 1]) || bytes[k - 1] == b':')) {
            k += 1;
            continue;
        }
        let start = k;
        let mut segments = Vec::new();
        let mut j = k;
        loop {
            let s = j;
            while j < bytes.len() && ident(bytes[j]) {
                j += 1;
            }
            segments.push(code[s..j].to_string());
            let mut m = j;
            while m < bytes.len() && bytes[m].is_ascii_whitespace() {
                m += 1;
            }
            if code[m..].starts_with("::") {
                m += 2;
                while m < bytes.len() && bytes[m].is_ascii_whitespace() {
                    m += 1;
                }
                if m < bytes.len() && ident(bytes[m]) {
                    j = m;
                    continue;
                }
            }
            break;
        }
        let in_use = uses.iter().any(|(a, b)| *a <= start && start < *b);
        if segments.len() > 1 && !in_use {
            out.push((start, segments));
        }
        k = j.max(k + 1);
    }
    out
}

fn compact(tree: &str) -> String {
    tree.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Expands a `use` tree (`crate::{a::b, c::{self, d}}`) into its paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    let tree = tree.strip_prefix("pub(crate)").unwrap_or(tree).trim();
    let tree = tree.strip_prefix("::").unwrap_or(tree).trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::").trim();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let added: Vec<String> = head
            .split("::")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let n = added.len();
        prefix.extend(added);
        for part in split_top(inner) {
            expand(&part, prefix, out);
        }
        prefix.truncate(prefix.len() - n);
        return;
    }
    let head = tree.split(" as ").next().unwrap_or("").trim();
    let mut path = prefix.clone();
    for s in head.split("::").map(str::trim).filter(|s| !s.is_empty()) {
        if s != "self" || path.is_empty() {
            path.push(s.to_string());
        }
    }
    if path.last().is_some_and(|s| s == "*") {
        path.pop();
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// Splits `a, b::{c, d}, e` at its top-level commas.
fn split_top(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    parts.push(cur);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// The next `word` at or after `from` standing alone (not part of a longer name).
fn find_word(code: &str, word: &str, from: usize) -> Option<usize> {
    let bytes = code.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = from;
    while let Some(k) = code.get(i..)?.find(word) {
        let at = i + k;
        let before = at == 0 || !ident(bytes[at - 1]);
        let after = at + word.len() >= bytes.len() || !ident(bytes[at + word.len()]);
        if before && after {
            return Some(at);
        }
        i = at + word.len();
    }
    None
}

/// Where `needle` (`Utc::now`) occurs in `code`, allowing spaces around `::` and not as
/// the tail of a longer name.
fn find_loose(code: &str, needle: &str) -> Vec<usize> {
    let parts: Vec<&str> = needle.split("::").collect();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = find_word(code, parts[0], from) {
        from = at + parts[0].len();
        let mut j = from;
        let mut whole = true;
        for part in &parts[1..] {
            let rest = &code[j..];
            let rest_trim = rest.trim_start();
            if !rest_trim.starts_with("::") {
                whole = false;
                break;
            }
            let after = rest_trim[2..].trim_start();
            if !after.starts_with(part) {
                whole = false;
                break;
            }
            j = code.len() - after.len() + part.len();
        }
        if whole {
            out.push(at);
        }
    }
    out
}

/// `text` with comments, string and char literals blanked out (newlines kept, so line
/// numbers stay right).
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if (c == 'r' || (c == 'b' && next == Some('r')))
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'))
            && {
                let k = if c == 'b' { i + 2 } else { i + 1 };
                let mut h = k;
                while chars.get(h) == Some(&'#') {
                    h += 1;
                }
                chars.get(h) == Some(&'"')
            }
        {
            // A raw string: r"…", r#"…"#, br"…".
            let mut k = if c == 'b' { i + 2 } else { i + 1 };
            let mut hashes = 0;
            while chars[k] == '#' {
                hashes += 1;
                k += 1;
            }
            k += 1; // the opening quote
            out.extend(std::iter::repeat(' ').take(k - i));
            i = k;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|h| chars.get(i + h) == Some(&'#')) {
                    out.extend(std::iter::repeat(' ').take(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() {
                if chars[i] == '\\' {
                    out.push(' ');
                    if let Some(&e) = chars.get(i + 1) {
                        out.push(blank(e));
                    }
                    i += 2;
                    continue;
                }
                if chars[i] == '"' {
                    out.push(' ');
                    i += 1;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a, 'static).
            if next == Some('\\') {
                let mut k = i + 2;
                while k < chars.len() && chars[k] != '\'' {
                    k += 1;
                }
                out.extend(std::iter::repeat(' ').take(k + 1 - i));
                i = k + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                out.push_str("   ");
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}
