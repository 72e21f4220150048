//! On the native target: the content compiler (`vitrine build`, `vitrine check`).
//! On wasm32: the browser app, which Trunk builds from this same binary.

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    vitrine::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    vitrine::app::start();
}
