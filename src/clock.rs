//! Phase timings of a build, printed with `VITRINE_TIMINGS=1`.

use std::time::Instant;

/// `VITRINE_TIMINGS=1`: how long each phase of a build took, on stderr.
pub struct Clock(Option<std::cell::Cell<Instant>>);

impl Clock {
    pub fn start() -> Clock {
        Clock(std::env::var_os("VITRINE_TIMINGS").map(|_| std::cell::Cell::new(Instant::now())))
    }

    pub fn lap(&self, phase: &str) {
        if let Some(last) = &self.0 {
            eprintln!("  {phase}: {} ms", last.get().elapsed().as_millis());
            last.set(Instant::now());
        }
    }
}
