//! Times the queries behind the Today, Journal and chart screens, the report and the CSV
//! export on a database (made by `ten_years`), through the app's own services. Prints
//! one line per measure, `name<TAB>figure`, with the median of several runs and, where
//! issue 16 sets one, the goal and the figure's ratio to it. Used by `make bench`.
//!
//! A screen reads the ladder from memory while the data is unchanged (`store::memo`); the
//! first read after any change replays the whole log, timed on its own lines.
//!
//! Usage: cargo run --release --example query_times -- <path/to/rehab.db>

use chrono::Utc;
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::data::Folders;
use high_hamstring_rehab::service::{journal, program, report, running, ServiceError};
use high_hamstring_rehab::store::{Store, StoreError};
use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[runs / 2]
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: query_times <path/to/rehab.db>");
    let (mut store, _) = Store::open(std::path::Path::new(&path), Utc::now()).expect("open");
    let now = Now::of(chrono::Local::now());
    let year_ago = (now.today - chrono::Duration::days(364)).to_string();
    let line = |name: &str, runs: usize, f: &mut dyn FnMut()| {
        println!("{name}\t{:.1} ms (median of {runs})", median_ms(runs, f))
    };
    // A figure with its goal (issue 16: ten years of data).
    let goal = |name: &str, runs: usize, goal_ms: f64, f: &mut dyn FnMut()| {
        let ms = median_ms(runs, f);
        println!(
            "{name}\t{ms:.1} ms (median of {runs}; goal < {goal_ms:.0} ms, {:.2}× the goal)",
            ms / goal_ms
        )
    };
    goal("Today screen (get_today)", 15, 5.0, &mut || {
        program::today(&mut store, now).unwrap();
    });
    // The first Today after a change: a write that is rolled back throws away what the
    // store kept, as any change does (`store::memo`), so this read replays the whole log.
    goal(
        "Today screen, first read after a change",
        15,
        5.0,
        &mut || {
            let _ = store.write(|_| Err::<(), _>(StoreError::BadRow("timed".into())));
            program::today(&mut store, now).unwrap();
        },
    );
    // The common change: a stretch logged (a table no kept value reads), with the Today
    // it returns; one durable commit included.
    line("Log a stretch, with the Today it returns", 15, &mut || {
        program::log_stretch(&mut store, now).unwrap();
    });
    line(
        "Ladder replayed from the whole log (part of the line above)",
        15,
        &mut || {
            store
                .read(|tx| program::Ladder::replayed(tx).map(|_| ()))
                .map_err(|e: ServiceError| e)
                .unwrap();
        },
    );
    line(
        "Journal, default (last 30 days, all kinds)",
        15,
        &mut || {
            journal::journal(&mut store, now, &Default::default()).unwrap();
        },
    );
    line("Journal, one year, all kinds", 5, &mut || {
        let f = journal::Filter {
            from: Some(year_ago.clone()),
            to: None,
            kinds: None,
        };
        journal::journal(&mut store, now, &f).unwrap();
    });
    goal("Charts, 8 weeks", 15, 10.0, &mut || {
        report::charts(&mut store, now, &Whole::from(8)).unwrap();
    });
    line("Charts, 10 years (520 weeks)", 5, &mut || {
        report::charts(&mut store, now, &Whole::from(520)).unwrap();
    });
    line("Running screen", 15, &mut || {
        running::view(&mut store, now).unwrap();
    });
    goal("Clinician report (data)", 5, 15.0, &mut || {
        report::report(&mut store, now).unwrap();
    });
    let dir = tempfile_dir();
    let folders = Folders {
        data: dir.clone(),
        backups: dir.join("backups"),
        default_export: dir.join("export"),
    };
    line("CSV export, every record", 3, &mut || {
        high_hamstring_rehab::service::data::export_csv(&mut store, now, &folders).unwrap();
    });
    line("Backup (online backup API)", 3, &mut || {
        high_hamstring_rehab::service::data::backup_now(&mut store, now, &folders).unwrap();
    });
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hhr-query-times-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
