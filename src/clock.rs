//! Phase timings of a build, printed with `VITRINE_TIMINGS=1`.

use std::time::Instant;

/// `VITRINE_TIMINGS=1`: how long each phase of a build took, on stderr.
pub struct Clock(Option<std::cell::Cell<(Instant, u64)>>);

impl Clock {
    pub fn start() -> Clock {
        Clock(std::env::var_os("VITRINE_TIMINGS").map(|_| std::cell::Cell::new((Instant::now(), cpu_ms()))))
    }

    pub fn lap(&self, phase: &str) {
        if let Some(last) = &self.0 {
            let (wall, cpu) = last.get();
            let now = cpu_ms();
            let ms = wall.elapsed().as_millis();
            eprintln!("  {phase}: {ms} ms (cpu {} ms){}", now.saturating_sub(cpu), memory());
            last.set((Instant::now(), now));
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

/// The process's CPU time so far (user + system, all threads), from `/proc/self/stat`.
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    ticks * 10
}
