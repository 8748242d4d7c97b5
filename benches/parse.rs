//! Throughput of `article_text::parse` beside pulldown-cmark on the same bytes.
//!
//! ```text
//! cargo bench --bench parse                                   # everything
//! cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3
//! cargo bench --bench parse -- reference                      # one group
//! ```
//!
//! Groups, each with `Throughput::Bytes` and the two parsers side by side:
//! - `reference`: the reference article (`../shared/seed/…`), or the
//!   sample article in `examples/` where that is absent;
//! - `fixtures`: every `tests/fixtures/*.txt`, one document after another per
//!   iteration;
//! - `corpus`: every `../shared/corpus/**/*.txt`, likewise (skipped with a
//!   notice when absent);
//! - `scaling`: the fixtures concatenated and repeated to 1 MiB and to 32 MiB.
//!
//! pulldown-cmark runs with `Options::all()` and every event consumed. At the
//! end one line per group prints our throughput over pulldown-cmark's, from
//! the mean time per iteration of each side (kept beside criterion's own
//! statistics, so no report files need reading).

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Beside the repository, as `tests/reference.rs` looks for it.
const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/000_6381172273f859da.txt"
);
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
/// Used when the reference article is not on this machine.
const SAMPLE: &str = include_str!("../examples/sample_article.txt");
const MIB: usize = 1024 * 1024;

/// Total time and iterations per (group, input, parser), for the ratios.
type Totals = BTreeMap<(String, String, &'static str), (Duration, u64)>;
static TOTALS: Mutex<Totals> = Mutex::new(BTreeMap::new());

fn ours(docs: &[String]) {
    for doc in docs {
        let _ = black_box(article_text::parse(black_box(doc)));
    }
}

fn pulldown(docs: &[String]) {
    for doc in docs {
        let options = pulldown_cmark::Options::all();
        black_box(pulldown_cmark::Parser::new_ext(black_box(doc), options).count());
    }
}

type Parser = (&'static str, fn(&[String]));
const PARSERS: [Parser; 2] = [("article_text", ours), ("pulldown_cmark", pulldown)];

/// Both parsers on `docs` (each parsed once per iteration) as `input` in `group`.
fn compare(group: &mut Group<'_>, input: &str, docs: &[String]) {
    let bytes: usize = docs.iter().map(String::len).sum();
    group.inner.throughput(Throughput::Bytes(bytes as u64));
    for (name, parse) in PARSERS {
        let key = (group.name.clone(), input.to_owned(), name);
        group.inner.bench_function(format!("{input}/{name}"), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for _ in 0..iters {
                    parse(docs);
                }
                let elapsed = start.elapsed();
                let mut totals = TOTALS.lock().unwrap_or_else(|e| e.into_inner());
                let slot = totals.entry(key.clone()).or_default();
                slot.0 += elapsed;
                slot.1 += iters;
                elapsed
            });
        });
    }
}

/// A criterion group and its name (`BenchmarkGroup` does not expose it).
struct Group<'c> {
    name: String,
    inner: BenchmarkGroup<'c, WallTime>,
}

fn group<'c>(c: &'c mut Criterion, name: &str) -> Group<'c> {
    Group {
        name: name.to_owned(),
        inner: c.benchmark_group(name),
    }
}

/// `*.txt` files under `dir`, recursively, in path order.
fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn read_all(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn fixtures() -> Vec<String> {
    read_all(&txt_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
    ))
}

/// The fixtures, separated by blank lines, repeated to at least `bytes`.
fn scaled(fixtures: &[String], bytes: usize) -> String {
    let unit = fixtures.join("\n\n") + "\n\n";
    let mut text = String::with_capacity(bytes + unit.len());
    while text.len() < bytes {
        text.push_str(&unit);
    }
    text
}

fn reference(c: &mut Criterion) {
    let (input, doc) = match std::fs::read_to_string(REFERENCE) {
        Ok(text) => ("seed", text),
        Err(_) => ("sample", SAMPLE.to_owned()),
    };
    let mut g = group(c, "reference");
    compare(&mut g, input, &[doc]);
    g.inner.finish();
}

fn fixture_group(c: &mut Criterion) {
    let docs = fixtures();
    if docs.is_empty() {
        println!("fixtures: no tests/fixtures/*.txt, skipped");
        return;
    }
    let mut g = group(c, "fixtures");
    compare(&mut g, &format!("{}_files", docs.len()), &docs);
    g.inner.finish();
}

fn corpus(c: &mut Criterion) {
    let docs = read_all(&txt_files(Path::new(CORPUS)));
    if docs.is_empty() {
        println!("corpus: {CORPUS} has no *.txt files here, skipped");
        return;
    }
    let mut g = group(c, "corpus");
    g.inner.sample_size(20);
    compare(&mut g, &format!("{}_files", docs.len()), &docs);
    g.inner.finish();
}

fn scaling(c: &mut Criterion) {
    let docs = fixtures();
    if docs.is_empty() {
        println!("scaling: no tests/fixtures/*.txt, skipped");
        return;
    }
    let mut g = group(c, "scaling");
    g.inner.sample_size(20);
    compare(&mut g, "1MiB", &[scaled(&docs, MIB)]);
    g.inner.sample_size(10);
    compare(&mut g, "32MiB", &[scaled(&docs, 32 * MIB)]);
    g.inner.finish();
}

/// One line per measured input: throughput ratio, and for `scaling` the time
/// ratio of 32 MiB to 1 MiB.
fn summary() {
    let totals = TOTALS.lock().unwrap_or_else(|e| e.into_inner());
    let mean = |group: &str, input: &str, parser: &str| {
        let key = (group.to_owned(), input.to_owned(), parser);
        totals
            .get(&key)
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| t.as_secs_f64() / *n as f64)
    };
    let mut inputs: Vec<_> = totals
        .keys()
        .map(|(g, i, _)| (g.clone(), i.clone()))
        .collect();
    inputs.dedup();
    if inputs.is_empty() {
        return;
    }
    println!(
        "\nratio = article_text throughput / pulldown_cmark throughput (mean time per iteration)"
    );
    for (group, input) in &inputs {
        if let (Some(ours), Some(theirs)) = (
            mean(group, input, "article_text"),
            mean(group, input, "pulldown_cmark"),
        ) {
            println!(
                "{:<28} ratio {:>5.2}  (article_text {:.3} ms, pulldown_cmark {:.3} ms)",
                format!("{group}/{input}"),
                theirs / ours,
                ours * 1e3,
                theirs * 1e3
            );
        }
    }
    for parser in ["article_text", "pulldown_cmark"] {
        if let (Some(small), Some(large)) = (
            mean("scaling", "1MiB", parser),
            mean("scaling", "32MiB", parser),
        ) {
            println!(
                "scaling {parser:<15} time(32 MiB) / time(1 MiB) = {:.1} (linear: ~32)",
                large / small
            );
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    reference(&mut c);
    fixture_group(&mut c);
    corpus(&mut c);
    scaling(&mut c);
    c.final_summary();
    summary();
}
