//! Times the queries behind the Today, Journal and chart screens, the report and the CSV
//! export on a database (made by `ten_years`), through the app's own services. Prints
//! one line per measure, `name<TAB>figure`, with the median of several runs and, where
//! issue 16 sets one, the goal and the figure's ratio to it. Used by `make bench`.
//!
//! A screen reads the ladder from memory while the data is unchanged (`store::memo`); the
//! first read after a change the store can date (a set or a pain score saved today, a
//! next-morning answer) brings it up to date from the last checkpoint before that day,
//! and after one it cannot date (a rollback, another program's write) replays the whole
//! log: each timed on its own lines, the change made untimed before each read.
//!
//! Usage: cargo run --release --example query_times -- <path/to/rehab.db>

use chrono::Utc;
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::data::Folders;
use high_hamstring_rehab::service::{journal, program, report, running, ServiceError};
use high_hamstring_rehab::core::journal::Context;
use high_hamstring_rehab::store::{self, Store, StoreError};
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

/// The median time of `read`, each run after `before` (untimed).
fn median_after_ms(
    runs: usize,
    store: &mut Store,
    before: &mut dyn FnMut(&mut Store),
    read: &dyn Fn(&mut Store),
) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            before(store);
            let t = Instant::now();
            read(store);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[runs / 2]
}

fn print_goal(name: &str, runs: usize, goal_ms: f64, ms: f64) {
    println!(
        "{name}\t{ms:.1} ms (median of {runs}; goal < {goal_ms:.0} ms, {:.2}× the goal)",
        ms / goal_ms
    )
}

/// A change made before a timed read.
#[derive(Clone, Copy)]
enum Change {
    Set,
    Pain,
    Morning,
}

/// Today's session, where the timed changes are made.
struct Today {
    session: i64,
    exercise: &'static str,
    now: Now,
}

impl Today {
    /// Makes `what` through the store (not a service, which would bring the ladder up
    /// to date itself): a set saved (the last one taken back first: a session holds at
    /// most ten), the pain score changed, or a next-morning answer given.
    fn change(&self, store: &mut Store, what: Change, pain: &mut u8) {
        let (id, exercise, now) = (self.session, self.exercise, self.now);
        store
            .write(|tx| {
                match what {
                    Change::Set => {
                        store::program::remove_last_set(tx, id, exercise)?;
                        store::program::add_set(tx, id, exercise, 12, now.utc)?;
                    }
                    Change::Pain => {
                        *pain = 1 - *pain;
                        store::program::set_pain(tx, id, exercise, *pain, now.utc)?;
                    }
                    Change::Morning => {
                        store::journal::insert_checkin(
                            tx,
                            now.utc,
                            now.today,
                            Context::NextMorning,
                            0,
                            "",
                        )?;
                    }
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
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
        print_goal(name, runs, goal_ms, median_ms(runs, f))
    };
    // Start-up: the store opened (untimed), Today read ahead on a thread of its own
    // (`program::warm`, as the app does while the page loads), then the first Today.
    let (mut warmed, mut firsts) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let (mut fresh, _) = Store::open(std::path::Path::new(&path), Utc::now()).expect("open");
        let t = Instant::now();
        program::warm(&mut fresh, now).unwrap();
        warmed.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        program::today(&mut fresh, now).unwrap();
        firsts.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    println!(
        "Start-up: Today read ahead, the ladder worked out (program::warm)\t{:.1} ms (median of 5)",
        median(warmed)
    );
    let first_today = median(firsts);
    print_goal("Today screen, first read after a warmed start", 5, 5.0, first_today);
    goal("Today screen (get_today)", 15, 5.0, &mut || {
        program::today(&mut store, now).unwrap();
    });
    // The first Today after a change the store cannot date: a write that is rolled back
    // throws away what the store kept (`store::memo`), so this read replays the whole log.
    line(
        "Today screen, first read after a change not dated (a rollback: the whole log replayed)",
        15,
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
        "Ladder replayed from the whole log (the line before last, without Today's other reads)",
        15,
        &mut || {
            store
                .read(|tx| program::Ladder::replayed(tx).map(|_| ()))
                .map_err(|e: ServiceError| e)
                .unwrap();
        },
    );
    // The first read after a change dated today, each screen on its own: the change
    // (a set saved in today's session, or its pain score, or a next-morning answer)
    // made before each read through the store, untimed, so the read is the first after
    // it; the app's own write would have brought the ladder up to date already.
    let session = program::start_session(&mut store, now).unwrap();
    let today = Today {
        session: session.id,
        exercise: session.exercises[0].id,
        now,
    };
    let mut pain = 0u8;
    for (what, words) in [
        (Change::Set, "a set saved today"),
        (Change::Pain, "a pain score given today"),
    ] {
        let screens: [(&str, f64, &dyn Fn(&mut Store)); 3] = [
            ("Today screen", 5.0, &|s| {
                program::today(s, now).unwrap();
            }),
            ("Charts, 8 weeks", 10.0, &|s| {
                report::charts(s, now, &Whole::from(8)).unwrap();
            }),
            ("Clinician report (data)", 15.0, &|s| {
                report::report(s, now).unwrap();
            }),
        ];
        for (screen, goal_ms, read) in screens {
            let ms = median_after_ms(15, &mut store, &mut |s| today.change(s, what, &mut pain), read);
            print_goal(&format!("{screen}, first read after {words}"), 15, goal_ms, ms);
        }
    }
    let ms = median_after_ms(
        15,
        &mut store,
        &mut |s| today.change(s, Change::Morning, &mut pain),
        &|s| {
            program::today(s, now).unwrap();
        },
    );
    print_goal("Today screen, first read after a next-morning answer today", 15, 5.0, ms);
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
