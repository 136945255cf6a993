//! The `ao` command: parses arguments and hands over to the library's CLI.
fn main() -> std::process::ExitCode {
    ao::cli::main()
}
