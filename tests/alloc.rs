//! Allocation as a tested contract: a parse allocates per block, never per
//! line; a one-line paragraph borrows its text; peak heap use is a small
//! multiple of the input.
//!
//! A counting global allocator wraps the system one. Counters are per thread
//! (so the harness's own threads do not disturb them), and every assertion
//! lives in the one test below. Each bound is first shown to reject a
//! deliberately bad stand-in, so that it can fail.

use article_text::{Article, Block};
use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;

struct Counting;

thread_local! {
    // `const` initializers without `Drop`: touching them never allocates.
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    let live = LIVE.with(|l| {
        let v = l.get() + bytes;
        l.set(v);
        v
    });
    PEAK.with(|p| p.set(p.get().max(live)));
}

fn shrink(bytes: usize) {
    LIVE.with(|l| l.set(l.get().saturating_sub(bytes)));
}

// SAFETY: every call is forwarded unchanged to `System`; the wrapper only
// updates thread-local counters, which neither allocate nor unwind.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.with(|a| a.set(a.get() + 1));
        grow(layout.size());
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.with(|a| a.set(a.get() + 1));
        grow(layout.size());
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A growing `Vec` or `String` is an allocation event too.
        ALLOCS.with(|a| a.set(a.get() + 1));
        grow(new_size);
        shrink(layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What one call allocated on this thread.
#[derive(Debug, Clone, Copy)]
struct Usage {
    /// `alloc` and `realloc` calls.
    allocs: usize,
    /// Most bytes live at once, above what was live before the call.
    peak: usize,
}

fn usage<T>(f: impl FnOnce() -> T) -> (T, Usage) {
    let allocs = ALLOCS.with(Cell::get);
    let live = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(live));
    let out = f();
    let usage = Usage {
        allocs: ALLOCS.with(Cell::get) - allocs,
        peak: PEAK.with(Cell::get) - live,
    };
    (out, usage)
}

/// Allocations allowed per paragraph (segments, joined text, section growth)
/// and for the document as a whole (line and block tables, metadata).
const PER_BLOCK: usize = 3;
const PER_DOCUMENT: usize = 64;
/// Peak heap while parsing, in multiples of the input's length: the line
/// table (about one `Line` per 50 bytes of text, each 40 bytes), the
/// joined text of wrapped paragraphs (at most the input again), the block
/// table and the model.
const PEAK_PER_INPUT_BYTE: usize = 3;

/// A title, then `paragraphs` paragraphs of `lines` lines hard-wrapped at 70
/// columns.
fn wrapped_article(paragraphs: usize, lines: usize) -> String {
    let line = "The river bends where the current runs fastest and the bank gives.\n";
    let mut text = String::from("How Rivers Learn to Bend\n\n");
    for _ in 0..paragraphs {
        text.push_str(&line.repeat(lines));
        text.push('\n');
    }
    text
}

fn paragraphs<'a>(
    article: &'a Article<'a>,
) -> impl Iterator<Item = &'a article_text::Paragraph<'a>> {
    article
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
}

/// Allocations grow with blocks: within the per-block budget, and far below
/// one per line.
fn check_per_block(what: &str, allocs: usize, blocks: usize, lines: usize) -> Result<(), String> {
    if allocs > PER_BLOCK * blocks + PER_DOCUMENT || allocs * 4 > lines {
        return Err(format!(
            "{what}: {allocs} allocations for {blocks} blocks of {lines} lines \
             (allowed {PER_BLOCK} per block + {PER_DOCUMENT}, and under one per 4 lines)"
        ));
    }
    Ok(())
}

/// Twice the lines in as many paragraphs: allocations stay nearly flat (a
/// growing table may reallocate once or twice more).
fn check_flat(short: usize, long: usize) -> Result<(), String> {
    if long > short + short / 4 + 4 {
        return Err(format!(
            "doubling the lines per paragraph took allocations from {short} to {long}"
        ));
    }
    Ok(())
}

fn check_peak(what: &str, peak: usize, input: usize) -> Result<(), String> {
    if peak > PEAK_PER_INPUT_BYTE * input {
        return Err(format!(
            "{what}: peak {peak} bytes for {input} input bytes (allowed {PEAK_PER_INPUT_BYTE}x)"
        ));
    }
    Ok(())
}

/// A stand-in that copies every line and every paragraph: what the bounds
/// must reject.
fn copy_every_line(text: &str) -> Vec<Vec<String>> {
    text.split("\n\n")
        .map(|p| p.lines().map(str::to_owned).collect())
        .collect()
}

#[test]
fn allocations_grow_with_blocks_not_lines() {
    const PARAGRAPHS: usize = 100;
    const LINES: usize = 20;

    // The bounds can fail.
    let text = wrapped_article(PARAGRAPHS, LINES);
    let (_, bad) = usage(|| copy_every_line(&text));
    assert!(check_per_block("stand-in", bad.allocs, PARAGRAPHS, PARAGRAPHS * LINES).is_err());
    let long_text = wrapped_article(PARAGRAPHS, 2 * LINES);
    let (_, bad_long) = usage(|| copy_every_line(&long_text));
    assert!(check_flat(bad.allocs, bad_long.allocs).is_err());
    let (_, bad_peak) = usage(|| {
        let copies: Vec<String> = (0..PEAK_PER_INPUT_BYTE + 1).map(|_| text.clone()).collect();
        copies
    });
    assert!(check_peak("stand-in", bad_peak.peak, text.len()).is_err());

    // 2000 hard-wrapped lines in 100 paragraphs.
    let (article, short) = usage(|| article_text::parse(&text).expect("parses"));
    assert_eq!(
        paragraphs(&article).count(),
        PARAGRAPHS,
        "the shape is read as intended"
    );
    assert!(paragraphs(&article).all(|p| matches!(p.text, Cow::Owned(_))));
    drop(article);
    eprintln!("{PARAGRAPHS} paragraphs x {LINES} lines: {short:?}");
    check_per_block(
        "20 lines each",
        short.allocs,
        PARAGRAPHS,
        PARAGRAPHS * LINES,
    )
    .unwrap_or_else(|e| panic!("{e}"));

    // Same paragraphs, twice the lines each.
    let (article, long) = usage(|| article_text::parse(&long_text).expect("parses"));
    assert_eq!(paragraphs(&article).count(), PARAGRAPHS);
    drop(article);
    eprintln!("{PARAGRAPHS} paragraphs x {} lines: {long:?}", 2 * LINES);
    check_flat(short.allocs, long.allocs).unwrap_or_else(|e| panic!("{e}"));

    // A one-line paragraph is borrowed from the input.
    let one_line = "How Rivers Learn to Bend\n\n\
                    Rivers do not run straight for long, and nobody quite knows why.\n\n\
                    A bend grows where the current is fastest.\n";
    let article = article_text::parse(one_line).expect("parses");
    let texts: Vec<_> = paragraphs(&article).map(|p| &p.text).collect();
    assert_eq!(texts.len(), 2);
    for text in texts {
        assert!(matches!(text, Cow::Borrowed(_)), "copied: {text:?}");
    }

    // Peak heap is a constant multiple of the input, for wrapped and
    // unwrapped text alike.
    let unwrapped = {
        let line = "The river bends where the current runs fastest and the bank gives. ";
        let mut t = String::from("How Rivers Learn to Bend\n\n");
        for _ in 0..2000 {
            t.push_str(&line.repeat(8));
            t.push_str("\n\n");
        }
        t
    };
    for (what, input) in [
        ("wrapped", wrapped_article(2000, 8)),
        ("unwrapped", unwrapped),
    ] {
        let (article, used) = usage(|| article_text::parse(&input).map(|a| a.sections.len()));
        assert!(article.is_ok());
        eprintln!("{what}, {} bytes: {used:?}", input.len());
        check_peak(what, used.peak, input.len()).unwrap_or_else(|e| panic!("{e}"));
    }
}
