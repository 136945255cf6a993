//! The `ao` command: parses arguments and hands over to the library's CLI.
fn main() -> std::process::ExitCode {
    // `ao tail | head` ends quietly when the reader goes away, as Unix tools do, instead of
    // panicking on the failed write (Rust ignores SIGPIPE by default).
    #[cfg(unix)]
    // SAFETY: called first thing, before any other thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Output that cannot be written (a full disk, a closed descriptor) is one error line and exit
    // 1, not a panic: what was done before it stays done.
    let panics = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info.payload_as_str().unwrap_or_default();
        if let Some(why) = message.strip_prefix("failed printing to stdout: ") {
            eprintln!("error: cannot write the output: {why}");
            std::process::exit(1);
        }
        panics(info)
    }));
    ao::cli::main()
}
