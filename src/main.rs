//! The `claimmap` binary: everything lives in the library; this maps the CLI's result to an
//! exit code (0 clean, 1 warnings, 2 fatal).

fn main() -> std::process::ExitCode {
    claimmap::cli::main()
}
