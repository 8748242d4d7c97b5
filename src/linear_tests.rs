//! Linear time as a tested contract, counted rather than timed.
//!
//! Each test builds one pathological shape of input at two sizes, `N` and
//! `4N`, parses both, and compares the units of work the parser counted with
//! [`crate::work::tick`] (per line split, per block grouped, per character
//! scanned for markup and quotations, per segment clipped for a quotation, per
//! header scanner call). Linear work grows four-fold; anything worse fails
//! `work(4N) <= 4.5 * work(N) + SLACK`.

use crate::options::Options;
use crate::work;

/// Bytes in the smaller input of each pair.
const N: usize = 64 * 1024;
/// Work that does not grow with the input (header lines, the last block).
const SLACK: usize = 64;

/// The work `parse_with` counts for `input` (an `Err` is fine: the work
/// spent reaching it still counts).
fn work_of(input: &str, options: &Options) -> usize {
    work::measure(|| crate::parse_with(input, options).map(|_| ())).1
}

/// `unit` repeated until the text is at least `bytes` long.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The work for `make(N)` and `make(4 * N)`, checked against the linear bound.
fn assert_linear_with(shape: &str, options: &Options, make: impl Fn(usize) -> String) -> f64 {
    let (small, large) = (make(N), make(4 * N));
    assert!(
        large.len() >= 3 * small.len(),
        "{shape}: the inputs do not grow"
    );
    let (w1, w4) = (work_of(&small, options), work_of(&large, options));
    let ratio = w4 as f64 / w1.max(1) as f64;
    eprintln!(
        "{shape}: work({}) = {w1}, work({}) = {w4}, ratio {ratio:.2}",
        small.len(),
        large.len()
    );
    assert!(
        w4 as f64 <= 4.5 * w1 as f64 + SLACK as f64,
        "{shape}: work grows faster than the input: {w1} for {} bytes, {w4} for {} bytes (x{ratio:.2})",
        small.len(),
        large.len()
    );
    ratio
}

fn assert_linear(shape: &str, make: impl Fn(usize) -> String) -> f64 {
    assert_linear_with(shape, &Options::default(), make)
}

/// Like [`assert_linear`], for a shape that must read as an article: one
/// refused up front (only junk, too deep) would test little of the pipeline.
fn assert_linear_busy(shape: &str, make: impl Fn(usize) -> String) {
    if let Err(err) = crate::parse(&make(N)) {
        panic!("{shape}: the shape misses the parser: {err}");
    }
    assert_linear(shape, make);
}

#[test]
#[should_panic(expected = "work grows faster than the input")]
fn the_bound_rejects_quadratic_work() {
    // A stand-in parser that ticks once per pair of lines.
    let quadratic = |s: &str| {
        let lines = s.lines().count();
        work::measure(|| (0..lines).for_each(|i| work::tick(i + 1))).1
    };
    let (w1, w4) = (
        quadratic(&repeat("a\n", N)),
        quadratic(&repeat("a\n", 4 * N)),
    );
    assert!(
        w4 as f64 <= 4.5 * w1 as f64 + SLACK as f64,
        "work grows faster than the input: {w1} then {w4}"
    );
}

#[test]
fn one_huge_line_without_newline() {
    assert_linear_busy("one huge line", |n| {
        repeat(
            "Lorem ipsum, dolor sit amet. Consectetur “adipiscing” elit; ",
            n,
        )
    });
}

#[test]
fn only_newlines() {
    // Refused as whitespace before any line is split: no work at all.
    assert_linear("only newlines", |n| "\n".repeat(n));
    assert_linear_busy("newlines between two words", |n| {
        format!("Title\n{}Body text of the article.\n", "\n".repeat(n))
    });
}

#[test]
fn cr_only_line_endings() {
    assert_linear_busy("CR-only line endings", |n| {
        repeat("A line of text that ends with a carriage return.\r", n)
    });
    assert_linear_busy("lone CRs", |n| format!("Title\r\rBody{}", "\r".repeat(n)));
}

#[test]
fn mixed_line_endings() {
    assert_linear_busy("mixed line endings", |n| {
        repeat("Some text\r\nmore text\rand more\n\n\r\n\rlast\n\r", n)
    });
}

#[test]
fn unclosed_formulas() {
    // Each opener would read on to the end of its window, but the paragraph's
    // formula budget runs out first.
    assert_linear_busy("unclosed formulas on one line", |n| {
        format!("Title\n\n{}", repeat("a {\\displaystyle x^{2} ", n))
    });
    assert_linear_busy("unclosed formulas wrapped", |n| {
        format!(
            "Title\n\n{}",
            repeat("the value {\\displaystyle {a_{i}\n", n)
        )
    });
}

#[test]
fn bullet_lines() {
    // 25k bullet lines, then 100k.
    assert_linear_busy("bullet lines", |n| "• item\n".repeat(n / 3));
    assert_linear_busy("dash bullets", |n| repeat("- x\n", n));
}

#[test]
fn indentation_deepening_line_by_line() {
    // Deeper by two columns a line: refused as too deep after 32 levels.
    let deepening = |n: usize| {
        let mut s = String::from("Title\n\nBody text.\n\n");
        let mut depth = 0;
        while s.len() < n {
            s.push_str(&" ".repeat(depth * 2));
            s.push_str("- item\n");
            depth += 1;
        }
        s
    };
    let err = crate::parse(&deepening(N)).expect_err("deeper than max_nesting_depth");
    assert_eq!(
        err.kind(),
        crate::ErrorKind::NestingTooDeep {
            limit: Options::default().max_nesting_depth
        }
    );
    assert_linear("indentation deepening", deepening);
    // A saw-tooth that stays under the limit: deepen 20 levels, back to 0, again.
    assert_linear_busy("indentation saw-tooth", |n| {
        let mut s = String::new();
        let mut depth = 0;
        while s.len() < n {
            s.push_str(&" ".repeat(depth * 2));
            s.push_str("- item\n");
            depth = (depth + 1) % 20;
        }
        s
    });
    // The same depth limit lifted, so that nesting keeps growing.
    let deep = Options {
        max_nesting_depth: usize::MAX,
        ..Options::default()
    };
    assert_linear_with("indentation deepening, no limit", &deep, |n| {
        let mut s = String::new();
        let mut depth = 0;
        while s.len() < n {
            s.push_str(&"\t".repeat(depth));
            s.push_str("- item\n");
            depth += 1;
        }
        s
    });
}

#[test]
fn list_numbers_overflowing_u64() {
    assert_linear_busy("list numbers overflowing u64", |n| {
        repeat("184467440737095516159999999. item\n", n)
    });
    // The number is one scanner call; only the item text is ticked work.
    assert_linear("one huge list number", |n| {
        format!("{}. item\n", "9".repeat(n))
    });
}

#[test]
fn unclosed_quotation_marks() {
    assert_linear_busy("unclosed quotation marks", |n| repeat("“open ", n));
    assert_linear_busy("unclosed marks on many lines", |n| {
        repeat("“open „and «more\n", n)
    });
}

#[test]
fn alternating_quotation_marks() {
    assert_linear_busy("alternating quotation marks", |n| {
        repeat("“a” «b» \"c\" ‘d’ 「e」 ", n)
    });
    assert_linear_busy("reversed quotation marks", |n| repeat("a” “ b» « c’ ‘ ", n));
    assert_linear_busy("quotations on the continuation lines of one item", |n| {
        format!("• item\n{}", repeat("  “quoted” words here\n", n))
    });
    assert_linear_busy("quotations in a hard-wrapped paragraph", |n| {
        repeat(
            "alpha beta “gamma” delta epsilon zeta eta theta iota kappa lambda mu\n",
            n,
        )
    });
}

#[test]
fn attribution_lines_with_nothing_to_attribute() {
    assert_linear_busy("attribution lines", |n| repeat("— Jane Doe\n", n));
    assert_linear_busy("attribution lines between blanks", |n| {
        repeat("\n— Jane Doe\n\n", n)
    });
}

#[test]
fn heading_like_lines() {
    assert_linear_busy("heading-like lines", |n| repeat("A Heading Line\n\n", n));
    assert_linear_busy("ATX headings", |n| repeat("## Heading\n", n));
    assert_linear_busy("setext headings", |n| repeat("Heading\n=======\n\n", n));
}

#[test]
fn long_runs_of_gt_and_hash() {
    assert_linear("one line of >", |n| ">".repeat(n));
    assert_linear("one line of > with spaces", |n| repeat("> ", n));
    assert_linear("one line of #", |n| "#".repeat(n));
    assert_linear_busy("# run before a word", |n| {
        format!("Title\n\n{} word", "#".repeat(n))
    });
    assert_linear_busy("# runs with text", |n| repeat("####### not a heading\n", n));
    assert_linear_busy("quoted lines", |n| repeat("> > quoted text\n", n));
}

#[test]
fn repeated_metadata_tokens() {
    assert_linear_busy("reading time lines", |n| repeat("5 min read\n", n));
    assert_linear_busy("byline lines", |n| repeat("By Jane Doe\n", n));
    assert_linear_busy("date lines", |n| repeat("March 3, 2025\n", n));
    assert_linear_busy("tokens on one line", |n| {
        repeat("5 min read · By Jane Doe · 03/04/2025 · 1.2K views · ", n)
    });
}

#[test]
fn invisible_and_control_characters() {
    assert_linear_busy("NULs", |n| repeat("a\0", n));
    assert_linear_busy("BOMs mid-text", |n| repeat("word\u{feff} ", n));
    assert_linear_busy("bidi controls", |n| {
        repeat("\u{202e}text\u{202c}\u{2067}x\u{2069} ", n)
    });
    assert_linear_busy("combining marks", |n| repeat("e\u{301}\u{301}\u{301}", n));
    assert_linear_busy("mixed invisibles on lines", |n| {
        repeat("\u{feff}\u{200b}\0line\u{200e}\u{308}\n", n)
    });
}

#[test]
fn open_brackets_without_close() {
    assert_linear("[ repeated", |n| "[".repeat(n));
    assert_linear_busy("[ run in a paragraph", |n| {
        format!("Text {}", "[".repeat(n))
    });
    assert_linear_busy("[word repeated", |n| repeat("[word ", n));
    assert_linear_busy("![ repeated", |n| format!("Text {}", repeat("![", n)));
    assert_linear_busy("links without url end", |n| {
        format!("Text {}", repeat("[a](", n))
    });
}

#[test]
fn double_stars_repeated() {
    assert_linear("** repeated", |n| "**".repeat(n / 2));
    assert_linear_busy("** run in a paragraph", |n| {
        format!("Text {}", "**".repeat(n / 2))
    });
    assert_linear_busy("** around words", |n| repeat("**bold ", n));
    assert_linear_busy("mixed emphasis", |n| repeat("_a*b`c ", n));
}

#[test]
fn code_fences() {
    assert_linear_busy("unclosed fence", |n| {
        format!("Title\n\n```\n{}", repeat("code\n", n))
    });
    assert_linear_busy("fence lines", |n| repeat("```\n", n));
}

#[test]
fn indented_short_lines() {
    assert_linear_busy("indented short lines", |n| {
        let body = "A long body line of text that carries plenty of weight for indent zero.\n";
        format!("{body}{body}\n{}", repeat("      x = 1\n", n))
    });
}
