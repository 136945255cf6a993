//! The dot-commands: `.help`, `.load FILE`, `.load-blueprint [NAME]`, `.editor`, `.pad`,
//! `.dryrun`, `.live`, `.pause`, `.inbox`, `.monitor`/`.unmonitor` (aos's, explained), `.exit`. A line is a dot-command when it starts with `.` and a
//! letter (so `.5` is still Lua).
use super::session::{Paint, Session};
use crate::cli::eval::{BLUEPRINTS, blueprint, load_file};
use crate::cli::inbox::print_text;

/// The commands with their help, in `.help`'s order.
pub const COMMANDS: [(&str, &str); 11] = [
    (".help", "this list"),
    (".load FILE", "evaluate a Lua file and the local files it requires"),
    (".load-blueprint NAME", "load a blueprint (without NAME: list them)"),
    (".editor", "type several lines; .done evaluates them, .cancel drops them"),
    (".pad", "write a chunk in $VISUAL or $EDITOR; it is evaluated when the editor closes"),
    (".dryrun", "dry-run mode on/off: evaluate without keeping anything (prompt starts with *)"),
    (".live", "resume the live feed of what other messages print"),
    (".pause", "pause the live feed (nothing is skipped: .live catches up)"),
    (".inbox", "the newest messages in the Inbox"),
    (".monitor", "(aos's) cron ticks here run by themselves; the live feed shows them"),
    (".exit", "leave (Ctrl-D too)"),
];

/// The commands inside `.editor`.
pub const EDITOR_COMMANDS: [(&str, &str); 4] = [
    (".done", "evaluate the lines typed"),
    (".cancel", "drop them and leave the editor"),
    (".delete", "drop the last line"),
    (".print", "show the lines typed so far"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command<'a> {
    Help,
    Load(&'a str),
    LoadBlueprint(Option<&'a str>),
    Editor,
    Pad,
    Monitor,
    Dryrun,
    Live,
    Pause,
    Inbox,
    Exit,
    Unknown(&'a str),
    /// A command missing its argument: its usage.
    Usage(&'static str),
}

/// What the session does after a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on; `false` when the command failed.
    Continue(bool),
    Editor,
    Exit,
}

/// Whether `line` is a dot-command rather than Lua.
pub fn is_command(line: &str) -> bool {
    let mut chars = line.trim_start().chars();
    chars.next() == Some('.') && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
}

pub fn parse(line: &str) -> Option<Command<'_>> {
    if !is_command(line) {
        return None;
    }
    let line = line.trim();
    let (name, argument) = match line.split_once(char::is_whitespace) {
        Some((name, argument)) => (name, Some(argument.trim()).filter(|a| !a.is_empty())),
        None => (line, None),
    };
    let unquoted = argument.map(|a| a.trim_matches(|c| c == '"' || c == '\''));
    Some(match (name, unquoted) {
        (".help", _) => Command::Help,
        (".load", Some(file)) => Command::Load(file),
        (".load", None) => Command::Usage(".load FILE"),
        (".load-blueprint", name) => Command::LoadBlueprint(name),
        (".editor", _) => Command::Editor,
        (".pad", _) => Command::Pad,
        (".monitor" | ".unmonitor", _) => Command::Monitor,
        (".dryrun", _) => Command::Dryrun,
        (".live", _) => Command::Live,
        (".pause", _) => Command::Pause,
        (".inbox", _) => Command::Inbox,
        (".exit", _) => Command::Exit,
        _ => Command::Unknown(name),
    })
}

pub fn execute(session: &mut Session, command: Command) -> Flow {
    let paint = Paint::new(session.color);
    match command {
        Command::Help => {
            println!("{}Lua typed here is evaluated inside the process; a line that is not a whole", paint.dim);
            println!("chunk yet continues on the next. Ctrl-C clears the line, Ctrl-D leaves.{}", paint.reset);
            for (command, help) in COMMANDS {
                println!("  {}{command:<22}{} {help}", paint.bold, paint.reset);
            }
            println!("{}in .editor:{}", paint.dim, paint.reset);
            for (command, help) in EDITOR_COMMANDS {
                println!("  {}{command:<22}{} {help}", paint.bold, paint.reset);
            }
            Flow::Continue(true)
        }
        Command::Load(file) => match load_file(session.global, std::path::Path::new(file)) {
            Ok(bundle) => Flow::Continue(session.run(bundle.code(), Some(&bundle))),
            Err(error) => failed(session, &error.message),
        },
        Command::LoadBlueprint(None) => {
            let names: Vec<&str> = BLUEPRINTS.iter().map(|(name, _)| *name).collect();
            println!("blueprints: {}", names.join(", "));
            println!("{}load one with .load-blueprint NAME{}", paint.dim, paint.reset);
            Flow::Continue(true)
        }
        Command::LoadBlueprint(Some(name)) => match blueprint(name) {
            Ok(source) => {
                let ok = session.run(source, None);
                if ok {
                    println!("{}loaded blueprint {name}{}", paint.dim, paint.reset);
                }
                Flow::Continue(ok)
            }
            Err(error) => failed(session, &error.message),
        },
        Command::Editor => {
            println!("{}editor: type the lines, then .done to evaluate them or .cancel{}", paint.dim, paint.reset);
            Flow::Editor
        }
        Command::Pad => match pad(session) {
            Ok(code) if code.trim().is_empty() => {
                println!("{}the pad was empty: nothing evaluated{}", paint.dim, paint.reset);
                Flow::Continue(true)
            }
            Ok(code) => Flow::Continue(session.run(&code, None)),
            Err(message) => failed(session, &message),
        },
        Command::Monitor if matches!(session.place, super::session::Place::Remote(_)) => failed(
            session,
            "on a remote network its units run cron ticks; ao cannot ask them to start (aos's .monitor on the legacy MU) yet",
        ),
        Command::Monitor => {
            println!(
                "{}cron ticks of processes here are evaluated by ao itself (with every command and in the live feed), so there is nothing to monitor: `ao tail -f` follows them{}",
                paint.dim, paint.reset
            );
            Flow::Continue(true)
        }
        Command::Dryrun => {
            session.dryrun = !session.dryrun;
            match session.dryrun {
                true => {
                    println!("dry-run mode on: evaluations change nothing and are not kept (.dryrun again to leave)")
                }
                false => println!("dry-run mode off"),
            }
            Flow::Continue(true)
        }
        Command::Live | Command::Pause => {
            let Some(feed) = &session.feed else { return failed(session, "there is no live feed here") };
            match command {
                Command::Live => {
                    let was_paused = feed.is_paused();
                    feed.resume();
                    println!("live feed {}", if was_paused { "resumed" } else { "is on" });
                }
                _ => {
                    feed.pause();
                    println!("live feed paused (.live resumes it)");
                }
            }
            Flow::Continue(true)
        }
        Command::Inbox => {
            let inbox = session.place.inbox(session.global, session.process.id, 10);
            match inbox {
                Ok(inbox) => {
                    print_text(&inbox);
                    Flow::Continue(true)
                }
                Err(error) => failed(session, &error.message),
            }
        }
        Command::Exit => Flow::Exit,
        Command::Unknown(name) => failed(session, &format!("no command {name}; .help lists them")),
        Command::Usage(usage) => failed(session, &format!("usage: {usage}")),
    }
}

/// Opens `$VISUAL` or `$EDITOR` (else `vi`) on a new Lua file; what it holds when the editor
/// closes. The live feed waits meanwhile (it would write into the editor's screen).
fn pad(session: &Session) -> Result<String, String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| std::env::var("EDITOR").ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let file = tempfile::Builder::new().prefix("ao-pad-").suffix(".lua").tempfile();
    let file = file.map_err(|e| format!("the pad: {e}"))?;
    let paused = session.feed.as_ref().filter(|feed| !feed.is_paused());
    if let Some(feed) = paused {
        feed.pause();
    }
    // As git runs an editor: through the shell, so EDITOR may carry arguments.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg(&editor)
        .arg(file.path())
        .status();
    if let Some(feed) = paused {
        feed.resume();
    }
    let status = status.map_err(|e| format!("cannot start the editor {editor:?}: {e}"))?;
    if !status.success() {
        return Err(format!("the editor {editor:?} failed ({status}); nothing evaluated"));
    }
    std::fs::read_to_string(file.path()).map_err(|e| format!("the pad {}: {e}", file.path().display()))
}

fn failed(session: &Session, message: &str) -> Flow {
    let paint = Paint::new(session.error_color);
    eprintln!("{}error:{} {message}", paint.red, paint.reset);
    Flow::Continue(false)
}

#[cfg(test)]
mod tests {
    use super::{Command, parse};

    #[test]
    fn dot_commands_are_told_from_lua() {
        assert_eq!(parse(".help"), Some(Command::Help));
        assert_eq!(parse("  .load  'lib/main.lua' "), Some(Command::Load("lib/main.lua")));
        assert_eq!(parse(".load"), Some(Command::Usage(".load FILE")));
        assert_eq!(parse(".load-blueprint token"), Some(Command::LoadBlueprint(Some("token"))));
        assert_eq!(parse(".load-blueprint"), Some(Command::LoadBlueprint(None)));
        assert_eq!(parse(".nope"), Some(Command::Unknown(".nope")));
        assert_eq!(parse(".5 + 1"), None);
        assert_eq!(parse("x = 1"), None);
    }
}
