//! One running copy per session (Linux). The running copy owns a name on the session bus;
//! a second launch finds it taken, hands its arguments to the running copy
//! (`ExecuteCallback`) and exits before it touches the database. The name, object path
//! and method are tauri-plugin-single-instance's, so a copy of an older or newer version
//! hands over to this one and back.
//!
//! The app holds the name itself (not through the plugin) for one reason: the restart
//! into the tray (`restart.rs`) replaces the program with `exec`, and the name must pass
//! to the new program with no moment in which nobody owns it (a launch in that moment
//! would start a second copy). So the name lives on a connection whose socket this
//! module opened, with a second descriptor of it kept: the restart lets that one
//! survive `exec`; the new program queues for the name on a connection of its own, then
//! closes the inherited socket, and the bus hands the name straight to the queue.
//! Arguments that arrive while the app is not built yet are kept and handed on once it
//! is ([`attach`]); while the program is being replaced they are refused, so the
//! launch that sent them starts again once (`restart::again_once`) and reaches the new
//! program.

use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};
use zbus::address::transport::{Transport, UnixSocket};
use zbus::fdo::{DBusProxy, RequestNameFlags};

/// `<identifier>.SingleInstance`, as the plugin names it.
const NAME: &str = "org.highhamstringrehab.desktop.SingleInstance";
const PATH: &str = "/org/highhamstringrehab/desktop/SingleInstance";
const INTERFACE: &str = "org.SingleInstance.DBus";
/// How long a new program waits for the bus to pass it the name after it let go of the
/// old program's connection (the bus does it as soon as it sees the socket close).
const HANDOVER_WAIT: Duration = Duration::from_secs(5);

/// What became of this launch's claim to be the running copy.
pub enum Claim {
    /// This process is the running copy.
    Ours,
    /// Another copy runs and took this launch's arguments: this one exits.
    HandedOver,
    /// Another copy holds the name but did not take the arguments (it is quitting or
    /// being replaced): the launch may try again once.
    NotTaken(String),
    /// No session bus to look for another copy on: run, as the plugin does.
    NoBus(String),
}

/// Where a second launch's arguments go.
struct Arrivals {
    /// The app's handler, once it is built.
    app: Option<Box<dyn Fn(Vec<String>) + Send>>,
    /// Arguments that came before it was.
    early: Vec<Vec<String>>,
    /// The program is being replaced: arguments are refused (the sender tries again).
    closed: bool,
}

static ARRIVALS: Mutex<Arrivals> = Mutex::new(Arrivals {
    app: None,
    early: Vec::new(),
    closed: false,
});

/// The connection that owns the name, and a second descriptor of its socket.
struct Held {
    _connection: zbus::Connection,
    socket: OwnedFd,
}

static HELD: OnceLock<Held> = OnceLock::new();

fn arrivals() -> MutexGuard<'static, Arrivals> {
    ARRIVALS.lock().unwrap_or_else(|p| p.into_inner())
}

/// The object a second launch calls.
struct Callback;

#[zbus::interface(name = "org.SingleInstance.DBus")]
impl Callback {
    fn execute_callback(&self, argv: Vec<String>, _cwd: String) -> zbus::fdo::Result<()> {
        let mut arrivals = arrivals();
        if arrivals.closed {
            return Err(zbus::fdo::Error::Failed(
                "High Hamstring Rehab is restarting in the tray; try again".into(),
            ));
        }
        match &arrivals.app {
            Some(app) => app(argv),
            None => arrivals.early.push(argv),
        }
        Ok(())
    }
}

/// The claim `start` began, until `settle` takes its outcome.
enum Claiming {
    Thread(std::thread::JoinHandle<Claim>),
    Done(Claim),
}

static CLAIMING: Mutex<Option<Claiming>> = Mutex::new(None);

/// Starts claiming the name on its own thread, so the bus's answers overlap the start of
/// GTK and Tauri; `settle` waits for the outcome before anything touches the database.
pub fn start(inherited: Option<OwnedFd>) {
    let (tx, rx) = std::sync::mpsc::channel();
    let claiming = match std::thread::Builder::new()
        .name("single-instance".into())
        .spawn(move || claim(rx.recv().ok().flatten()))
    {
        Ok(thread) => {
            let _ = tx.send(inherited);
            Claiming::Thread(thread)
        }
        // No thread to be had: claim here.
        Err(_) => Claiming::Done(claim(inherited)),
    };
    *CLAIMING.lock().unwrap_or_else(|p| p.into_inner()) = Some(claiming);
}

/// The outcome of the claim `start` began (`None` if none was: tests on the mock runtime).
pub fn settle() -> Option<Claim> {
    let claiming = CLAIMING.lock().unwrap_or_else(|p| p.into_inner()).take()?;
    Some(match claiming {
        Claiming::Done(claim) => claim,
        Claiming::Thread(thread) => thread
            .join()
            .unwrap_or_else(|_| Claim::NoBus("the claim stopped".into())),
    })
}

/// Claims the name for this process, or hands this launch's arguments to the copy that
/// has it. `inherited` is the old program's bus socket when this program replaced it
/// (the restart into the tray): the name is then taken over from it.
fn claim(inherited: Option<OwnedFd>) -> Claim {
    zbus::block_on(async move {
        let (stream, socket) = match connect() {
            Ok(s) => s,
            Err(e) => return Claim::NoBus(e),
        };
        let builder = zbus::connection::Builder::unix_stream(stream).serve_at(PATH, Callback);
        let connection = match inherited {
            // Never taken from another copy, never given up to one.
            None => match builder
                .name(NAME)
                .replace_existing_names(false)
                .allow_name_replacements(false)
                .build()
                .await
            {
                Ok(c) => c,
                Err(zbus::Error::NameTaken) => return hand_over().await,
                Err(e) => return Claim::NoBus(e.to_string()),
            },
            Some(old) => match take_over(builder, old).await {
                Ok(c) => c,
                Err(e) => return e,
            },
        };
        let _ = HELD.set(Held {
            _connection: connection,
            socket,
        });
        Claim::Ours
    })
}

/// Queues for the name behind the old program's connection, lets that connection go,
/// and waits until the bus has passed the name on.
async fn take_over(
    builder: zbus::connection::Builder<'_>,
    old: OwnedFd,
) -> Result<zbus::Connection, Claim> {
    let connection = builder
        .build()
        .await
        .map_err(|e| Claim::NoBus(e.to_string()))?;
    connection
        .request_name_with_flags(NAME, RequestNameFlags::empty())
        .await
        .map_err(|e| Claim::NoBus(e.to_string()))?;
    drop(old);
    let bus = DBusProxy::new(&connection)
        .await
        .map_err(|e| Claim::NoBus(e.to_string()))?;
    let me = connection.unique_name().map(|n| n.to_string());
    let deadline = Instant::now() + HANDOVER_WAIT;
    loop {
        let name = zbus::names::BusName::try_from(NAME).expect("a valid bus name");
        let owner = bus.get_name_owner(name).await.ok().map(|o| o.to_string());
        if owner.is_some() && owner == me {
            return Ok(connection);
        }
        if Instant::now() >= deadline {
            // Someone else has it (it cannot be the old program: its socket is closed).
            // Leave, and let that copy have this launch's arguments.
            drop(connection);
            return Err(hand_over().await);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Gives this launch's arguments to the copy that owns the name.
async fn hand_over() -> Claim {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let cwd = std::env::current_dir()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let connection = match zbus::Connection::session().await {
        Ok(c) => c,
        Err(e) => return Claim::NotTaken(e.to_string()),
    };
    match connection
        .call_method(
            Some(NAME),
            PATH,
            Some(INTERFACE),
            "ExecuteCallback",
            &(args, cwd),
        )
        .await
    {
        Ok(_) => Claim::HandedOver,
        Err(e) => Claim::NotTaken(e.to_string()),
    }
}

/// A Unix socket to the session bus, and a second descriptor of it. Only Unix-socket
/// addresses (a path or an abstract name, which is what a session bus has) are opened
/// here; anything else counts as no bus.
fn connect() -> Result<(UnixStream, OwnedFd), String> {
    let address = zbus::Address::session().map_err(|e| e.to_string())?;
    let Transport::Unix(unix) = address.transport() else {
        return Err(format!(
            "the session bus is not on a Unix socket ({address})"
        ));
    };
    let stream = match unix.path() {
        UnixSocket::File(path) => UnixStream::connect(path),
        UnixSocket::Abstract(name) => {
            use std::os::linux::net::SocketAddrExt;
            use std::os::unix::ffi::OsStrExt;
            std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())
                .and_then(|a| UnixStream::connect_addr(&a))
        }
        other => return Err(format!("the session bus address cannot be opened: {other}")),
    }
    .map_err(|e| format!("the session bus could not be reached: {e}"))?;
    let socket = stream
        .try_clone()
        .map_err(|e| format!("the session bus socket could not be kept: {e}"))?;
    Ok((stream, socket.into()))
}

/// Hands second launches' arguments to `app` from now on, first those that came early.
pub fn attach(app: impl Fn(Vec<String>) + Send + 'static) {
    let mut arrivals = arrivals();
    for argv in std::mem::take(&mut arrivals.early) {
        app(argv);
    }
    arrivals.app = Some(Box::new(app));
}

/// Refuses second launches from now on (the program is about to be replaced) and gives
/// the socket descriptor to keep across `exec`; `None` if this process holds no name of
/// its own (no bus, or not the real app), and then nothing changes.
pub fn close() -> Option<RawFd> {
    let held = HELD.get()?;
    arrivals().closed = true;
    Some(held.socket.as_raw_fd())
}

/// Takes second launches again (the program was not replaced after all).
pub fn reopen() {
    arrivals().closed = false;
}
