//! Phase timings of a build, printed with `VITRINE_TIMINGS=1`.

use std::time::Instant;

/// `VITRINE_TIMINGS=1`: how long each phase of a build took, on stderr.
pub struct Clock(Option<std::sync::Mutex<(Instant, u64)>>);

impl Clock {
    pub fn start() -> Clock {
        Clock(std::env::var_os("VITRINE_TIMINGS").map(|_| std::sync::Mutex::new((Instant::now(), cpu_ms()))))
    }

    pub fn lap(&self, phase: &str) {
        if let Some(Ok(mut last)) = self.0.as_ref().map(|m| m.lock()) {
            let (wall, cpu) = *last;
            let now = cpu_ms();
            let ms = wall.elapsed().as_millis();
            eprintln!("  {phase}: {ms} ms (cpu {} ms){}", now.saturating_sub(cpu), memory());
            *last = (Instant::now(), now);
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

/// The process's CPU time so far (all threads, to the millisecond), from
/// each thread's `/proc/self/task/*/schedstat` (nanoseconds on a CPU).
fn cpu_ms() -> u64 {
    let threads = std::fs::read_dir("/proc/self/task").into_iter().flatten().flatten();
    let ns: u64 = threads
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    ns / 1_000_000
}
