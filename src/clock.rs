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
            eprintln!("  {phase}: {} ms{}", last.get().elapsed().as_millis(), memory());
            last.set(Instant::now());
        }
    }
}

/// `, 412 MB in use (peak 530)` on Linux: what the phase left allocated.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let mb = |key: &str| {
        let line = status.lines().find(|l| l.starts_with(key))?;
        let kb: u64 = line[key.len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kb / 1024)
    };
    match (mb("VmRSS:"), mb("VmHWM:")) {
        (Some(now), Some(peak)) => format!(", {now} MB in use (peak {peak})"),
        _ => String::new(),
    }
}
