//! The `claimmap` binary: everything lives in the library; this maps the CLI's result to an
//! exit code (0 clean, 1 warnings, 2 fatal).

// mimalloc gives freed memory back to the system where glibc's allocator keeps it in per-thread
// arenas: after a 100,000-document load the app holds hundreds of megabytes less
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimmap::cli::main()
}
