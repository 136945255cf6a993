//! The `ao` command: parses arguments and hands over to the library's CLI.
fn main() -> std::process::ExitCode {
    // `ao tail | head` ends quietly when the reader goes away, as Unix tools do, instead of
    // panicking on the failed write (Rust ignores SIGPIPE by default).
    #[cfg(unix)]
    // SAFETY: called first thing, before any other thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    ao::cli::main()
}
