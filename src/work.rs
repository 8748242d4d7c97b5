//! A count of the parser's units of work, so that tests can hold the parser to
//! linear time without timing it.
//!
//! The loops that do per-unit work (per line, per block, per character, per
//! scanner call) call [`tick`]. Outside `cfg(test)` it compiles to nothing;
//! under test it adds to a thread-local counter that `linear_tests` reads.

#[cfg(test)]
thread_local! {
    static WORK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Count `n` units of work (nothing outside tests).
#[inline]
pub(crate) fn tick(n: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get().saturating_add(n)));
    #[cfg(not(test))]
    let _ = n;
}

/// Run `f` and return its result with the work it counted on this thread.
#[cfg(test)]
pub(crate) fn measure<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = WORK.with(std::cell::Cell::get);
    let out = f();
    let after = WORK.with(std::cell::Cell::get);
    (out, after - before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_inside_measure() {
        tick(5);
        let ((), n) = measure(|| {
            tick(2);
            tick(3);
        });
        assert_eq!(n, 5);
    }
}
