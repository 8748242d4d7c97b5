//! Parse text files many times with one parser: a driver for profilers
//! (callgrind, perf) and for peak-memory measurement. It prints the peak heap
//! in use while parsing, above what was in use before (a counting allocator
//! wraps the system one); `/usr/bin/time -v` gives the resident set too.
//!
//! ```text
//! cargo run --release --example perf_parse -- [--pulldown] [--repeat N] [--scale MIB] PATH...
//! ```
//! Each PATH is a `.txt` file or a folder searched recursively for them.
//! `--scale MIB` parses one document instead: all the files, concatenated and
//! repeated to MIB mebibytes. `--pulldown` runs pulldown-cmark
//! (`Options::all()`, every event consumed) instead of `article_text`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live heap bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; the wrapper only
// updates two atomic counters.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Old and new blocks are both live while the data moves.
        grow(new_size);
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() -> ExitCode {
    let mut pulldown = false;
    let mut repeat = 1usize;
    let mut scale_mib = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pulldown" => pulldown = true,
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            "--scale" => scale_mib = args.next().and_then(|n| n.parse::<usize>().ok()),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let mut files = Vec::new();
    for path in &paths {
        collect(path, &mut files);
    }
    files.sort();
    let mut docs: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    if docs.is_empty() {
        eprintln!("usage: perf_parse [--pulldown] [--repeat N] [--scale MIB] PATH...");
        return ExitCode::FAILURE;
    }
    if let Some(mib) = scale_mib {
        let unit = docs.join("\n\n") + "\n\n";
        let mut text = String::with_capacity(mib << 20);
        while text.len() < mib << 20 {
            text.push_str(&unit);
        }
        docs = vec![text];
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let live_before = LIVE.load(Relaxed);
    PEAK.store(live_before, Relaxed);
    let start = Instant::now();
    let mut units = 0usize;
    for _ in 0..repeat {
        for doc in &docs {
            units += if pulldown {
                pulldown_cmark::Parser::new_ext(doc, pulldown_cmark::Options::all()).count()
            } else {
                article_text::parse(doc).map_or(0, |a| a.sections.len())
            };
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let peak = PEAK.load(Relaxed) - live_before;
    let total = (bytes * repeat) as f64;
    println!(
        "{}: {} documents, {bytes} bytes, x{repeat}: {:.3} s, {:.1} MiB/s ({units} units), \
         peak heap {:.1} MiB ({:.2} x the largest document)",
        if pulldown {
            "pulldown_cmark"
        } else {
            "article_text"
        },
        docs.len(),
        secs,
        total / secs / (1 << 20) as f64,
        peak as f64 / (1 << 20) as f64,
        peak as f64 / docs.iter().map(String::len).max().unwrap_or(1) as f64,
    );
    ExitCode::SUCCESS
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        out.push(path.to_path_buf());
    }
}
