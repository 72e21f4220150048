//! On the native target: the content compiler (`vitrine build`, `vitrine check`).
//! On wasm32: the browser app, which Trunk builds from this same binary.

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    // `mi_option_purge_delay` (mimalloc.h; the crate names no constant): -1,
    // never return freed memory to the OS during a build, which is short.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: called once, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
    vitrine::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    vitrine::app::start();
}
