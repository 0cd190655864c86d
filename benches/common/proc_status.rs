//! The process's memory as Linux reports it, shared by the memory bench
//! (`benches/batch_memory.rs`) and `examples/extract-memory.rs`.

/// A line of the process's status, in kB (`VmHWM`, `VmRSS`); 0 elsewhere.
pub fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
