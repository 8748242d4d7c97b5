//! Properties every input must keep (issue 5): the parser answers anything
//! without panicking, every span it reports fits the input, nothing is lost,
//! the same input gives the same article, and errors point where they say.
//!
//! Inputs are built from article-like fragments (words, sentences, bylines,
//! dates, headings), line markers, quotation marks, dashes, digits, every kind
//! of whitespace and line ending, control characters, NUL, BOM, bidi controls,
//! combining marks and 4-byte characters, plus arbitrary strings and bytes.
//!
//! What "lost" means: every byte of the input that is not blank must lie in
//! exactly one top-level span of [`Article::spans`]. Blank is Unicode
//! whitespace (`char::is_whitespace`: space, tab, NBSP, line endings, U+2028,
//! U+0085, ...), the BOM U+FEFF and the zero-width space U+200B, which the line
//! splitter skips as indentation. Every other character counts as text,
//! including NUL and other controls, bidi controls, joiners and combining
//! marks: dropping one of those is a bug.

use article_text::{
    Article, Block, DateOrder, ErrorKind, Link, List, Options, Paragraph, Position, Quotation, Span,
};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Blank for the "nothing lost" property (see the module doc).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

const WORDS: &[&str] = &[
    "word",
    "River",
    "the",
    "bends",
    "Ünïcödé",
    "naïve",
    "日本語の文章",
    "Привет",
    "مرحبا",
    "x",
    "A",
    "snake_case",
    "2*3",
    "e.g.",
    "U.S.",
];

const SENTENCES: &[&str] = &[
    "Rivers do not run straight for long.",
    "A bend grows where the current is fastest:",
    "He said “could be the basis” and left.",
    "Il a dit « bonjour » et „hallo“ und ‘it’s’.",
    "「日本語の引用」と彼は言った。",
    "Read [the guide](http://x.org/g) today.",
    "See ![a cat](cat.png) here.",
    "A **bold** and _em_ word with `code`.",
    "Gradual De-escalation — Both sides use it.",
    "Steven Soarez passionately shares stories.",
    "Financial market analysis from 28/11/2025. Market conditions may have changed since publication.",
];

const FACTS: &[&str] = &[
    "By Jane Doe",
    "By Ada Reyes and John Roe",
    "5 min read",
    "12 min read",
    "1.2K views",
    "March 3, 2025",
    "3 March 2025",
    "2025-03-03",
    "03/04/2025",
    "Updated 10:42 AM",
    "Jane Doe · 5 min read · Mar 3, 2025",
];

const LABELS: &[&str] = &[
    "Related Articles",
    "Read more",
    "Author",
    "About the author",
    "Share",
    "Advertisement",
    "Photo: Jane Doe/Reuters",
    "[image]",
    "</div>",
    "{{ var }}",
    "* * *",
    "---",
    "=====",
    "```",
    "~~~",
];

const HEADINGS: &[&str] = &[
    "What Shapes a Bend",
    "## Heading",
    "# Title #",
    "###### Six",
    "Why It Matters?",
    "2. The Cloud Becomes Table Stakes",
];

const MARKERS: &[&str] = &[
    "• ",
    "◦ ",
    "- ",
    "* ",
    "+ ",
    "o ",
    "# ",
    "1. ",
    "2) ",
    "(a) ",
    "(iv) ",
    "b. ",
    "99999999999999999999999. ",
    "> ",
    ">> ",
    "> > ",
    "— ",
    "– ",
    "-- ",
];

const MARKS: &[&str] = &[
    "“", "”", "\"", "«", "»", "„", "‘", "’", "‚", "‹", "›", "「", "」", "『", "』", "'",
];

const SYMBOLS: &[&str] = &[
    "—",
    "–",
    "-",
    "--",
    "―",
    "…",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "**",
    "*",
    "_",
    "`",
    "~",
    "=",
    "<",
    ">",
    "#",
    "|",
    "{",
    "}",
    "$ ",
    "\\",
    "{\\displaystyle ",
    "{\\textstyle",
    "{\\",
    "displaystyle ",
];

const DIGITS: &[&str] = &[
    "0",
    "1",
    "7",
    "12",
    "2025",
    "99999999999999999999",
    "1.5",
    "3/4",
];

const SPACES: &[&str] = &[
    " ", "  ", "\t", "\u{a0}", "\u{2028}", "\u{2029}", "\u{85}", "\u{3000}", "\u{200a}", "\x0b",
    "\x0c",
];

const LINE_ENDS: &[&str] = &["\n", "\n", "\n\n", "\r", "\r\n", "\r\n\r\n", "\n\n\n"];

const INDENTS: &[&str] = &[
    "  ",
    "   ",
    "    ",
    "\t",
    "\t\t",
    "        ",
    "\u{a0}\u{a0}",
];

const ODD: &[&str] = &[
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{9f}",
    "\u{feff}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{200e}",
    "\u{200f}",
    "\u{202a}",
    "\u{202e}",
    "\u{202c}",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "\u{301}",
    "\u{308}",
    "\u{20dd}",
    "\u{ad}",
    "\u{fffd}",
    "😀",
    "👩‍👩‍👧",
    "𝔘",
    "🇺🇸",
];

fn one_of(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(list).prop_map(str::to_owned)
}

/// One fragment of an article-like input.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => one_of(WORDS),
        3 => one_of(SENTENCES),
        2 => one_of(FACTS),
        1 => one_of(LABELS),
        2 => one_of(HEADINGS),
        // A marker opens a line.
        3 => (one_of(LINE_ENDS), proptest::option::of(one_of(INDENTS)), one_of(MARKERS))
            .prop_map(|(end, indent, marker)| format!("{end}{}{marker}", indent.unwrap_or_default())),
        2 => one_of(MARKS),
        2 => one_of(SYMBOLS),
        1 => one_of(DIGITS),
        4 => one_of(SPACES),
        5 => one_of(LINE_ENDS),
        1 => one_of(INDENTS),
        2 => one_of(ODD),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// An article-like input: fragments joined, sometimes with spaces between.
fn article_like() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(fragment(), 0..48),
        proptest::bool::ANY,
    )
        .prop_map(|(parts, spaced)| parts.join(if spaced { " " } else { "" }))
}

/// Options a caller might set, including tight limits.
fn options() -> impl Strategy<Value = Options> {
    (
        0usize..6,
        0usize..2048,
        proptest::bool::ANY,
        proptest::bool::ANY,
    )
        .prop_map(|(depth, bytes, month_first, tight_input)| {
            let mut o = Options::default();
            o.max_nesting_depth = depth;
            if tight_input {
                o.max_input_bytes = bytes;
            }
            if month_first {
                o.date_order = DateOrder::MonthFirst;
            }
            o
        })
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures found here become named tests in tests/regressions.rs.
        failure_persistence: None,
        ..Config::default()
    }
}

/// `span` is in bounds and on char boundaries of `input`.
fn check_span(input: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && input.get(span.range()).is_some(),
        "{what} span {:?} is out of bounds or off a char boundary of {} bytes",
        span,
        input.len()
    );
    Ok(())
}

/// `inner` fits in bounds and inside `outer`.
fn check_inside(input: &str, inner: Span, outer: Span, what: &str) -> Result<(), TestCaseError> {
    check_span(input, inner, what)?;
    prop_assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what} span {:?} is not inside its parent's {:?}",
        inner,
        outer
    );
    Ok(())
}

fn check_inline(
    input: &str,
    quotations: &[Quotation<'_>],
    links: &[Link<'_>],
    outer: Span,
) -> Result<(), TestCaseError> {
    for q in quotations {
        check_inside(input, q.span, outer, "quotation")?;
    }
    for l in links {
        check_inside(input, l.span, outer, "link")?;
    }
    Ok(())
}

fn check_paragraph(input: &str, p: &Paragraph<'_>) -> Result<(), TestCaseError> {
    check_span(input, p.span, "paragraph")?;
    check_inline(input, &p.quotations, &p.links, p.span)
}

fn check_list(input: &str, list: &List<'_>) -> Result<(), TestCaseError> {
    check_span(input, list.span, "list")?;
    for item in &list.items {
        check_inside(input, item.span, list.span, "list item")?;
        check_inline(input, &item.quotations, &item.links, item.span)?;
        for child in &item.children {
            check_inside(input, child.span, item.span, "nested list")?;
            check_list(input, child)?;
        }
    }
    Ok(())
}

/// Every node's span fits `input`, nested spans sit inside their parents',
/// the top-level spans are sorted and disjoint, and they cover every
/// non-blank byte.
fn check_article(input: &str, article: &Article<'_>) -> Result<(), TestCaseError> {
    let meta = &article.metadata;
    if let Some(dek) = &meta.dek {
        check_paragraph(input, dek)?;
    }
    if let Some(a) = &meta.author_box {
        check_paragraph(input, &a.bio)?;
    }
    for block in article.blocks() {
        match block {
            Block::Paragraph(p) => check_paragraph(input, p)?,
            Block::List(l) => check_list(input, l)?,
            Block::Quote(q) => {
                check_span(input, q.span, "quote")?;
                if let Some(a) = &q.attribution {
                    check_inside(input, a.span, q.span, "attribution")?;
                }
            }
            Block::Preformatted(p) => check_span(input, p.span, "preformatted")?,
            other => check_span(input, other.span(), "block")?,
        }
    }

    let spans = article.spans();
    let mut covered_to = 0;
    for (n, &span) in spans.iter().enumerate() {
        check_span(input, span, "top-level")?;
        prop_assert!(
            span.start >= covered_to,
            "top-level spans overlap or are unsorted at #{}: {:?}",
            n,
            spans
        );
        let gap = &input[covered_to..span.start];
        prop_assert!(
            gap.chars().all(is_blank),
            "text lost at {}..{}: {:?} (spans {:?})",
            covered_to,
            span.start,
            gap,
            spans
        );
        covered_to = span.end;
    }
    let tail = &input[covered_to..];
    prop_assert!(
        tail.chars().all(is_blank),
        "text lost after {}: {:?} (spans {:?})",
        covered_to,
        tail,
        spans
    );
    Ok(())
}

/// The whole contract for one input and one set of options.
fn check_input(input: &str, options: &Options) -> Result<(), TestCaseError> {
    match article_text::parse_with(input, options) {
        Ok(article) => {
            check_article(input, &article)?;
            let again = article_text::parse_with(input, options);
            prop_assert_eq!(again.as_ref(), Ok(&article), "a second parse differs");
            let owned = article.clone().into_owned();
            prop_assert_eq!(&owned, &article, "into_owned changed the article");
        }
        Err(err) => {
            check_span(input, err.span(), "error")?;
            let at = Position::of(input, err.span().start);
            prop_assert_eq!(err.position(), at);
            prop_assert_eq!((err.line(), err.column()), (at.line, at.column));
            let suffix = format!(" at {}", at);
            prop_assert!(err.to_string().ends_with(&suffix));
            let again = article_text::parse_with(input, options);
            prop_assert_eq!(again.as_ref().err(), Some(&err), "a second parse differs");
            if let ErrorKind::InputTooLarge { limit } = err.kind() {
                prop_assert!(input.len() > limit && limit == options.max_input_bytes);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(2000))]

    /// Article-like inputs with the default options: (a) to (e).
    #[test]
    fn article_like_inputs_keep_the_contract(input in article_like()) {
        check_input(&input, &Options::default())?;
    }
}

proptest! {
    #![proptest_config(config(500))]

    /// Article-like inputs with tight limits and the other date order, so
    /// that errors (too deep, too large) are reached as often as articles.
    #[test]
    fn limits_keep_the_contract(input in article_like(), options in options()) {
        check_input(&input, &options)?;
    }

    /// Arbitrary Unicode strings.
    #[test]
    fn any_string_keeps_the_contract(input in any::<String>()) {
        check_input(&input, &Options::default())?;
    }

    /// Arbitrary bytes through `parse_bytes`, and through lossy `decode`
    /// then `parse`: never a panic, errors inside the bytes, and lossy
    /// replacements in order and inside the bytes.
    #[test]
    fn any_bytes_are_answered(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..256),
            article_like().prop_map(String::into_bytes),
            (article_like(), proptest::collection::vec(any::<u8>(), 1..4), any::<prop::sample::Index>())
                .prop_map(|(text, junk, at)| {
                    let mut bytes = text.into_bytes();
                    let at = at.index(bytes.len() + 1);
                    bytes.splice(at..at, junk);
                    bytes
                }),
        ]
    ) {
        match article_text::parse_bytes(&bytes) {
            Ok(article) => {
                let text = std::str::from_utf8(&bytes);
                prop_assert!(text.is_ok(), "parse_bytes accepted invalid UTF-8");
                check_article(text.unwrap_or_default(), &article)?;
            }
            Err(err) => {
                let span = err.span();
                prop_assert!(span.start <= span.end && span.end <= bytes.len());
                match std::str::from_utf8(&bytes) {
                    Ok(text) => check_input(text, &Options::default())?,
                    Err(utf8) => {
                        prop_assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
                        prop_assert_eq!(span.start, utf8.valid_up_to());
                        let before = &bytes[..span.start];
                        let line = 1 + before.iter().filter(|&&b| b == b'\n').count()
                            + before.windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count()
                            + usize::from(before.last() == Some(&b'\r') && bytes.get(span.start) != Some(&b'\n'));
                        prop_assert_eq!(err.line(), line);
                    }
                }
            }
        }
        let mut lossy = Options::default();
        lossy.lossy_utf8 = true;
        let decoded = article_text::decode(&bytes, &lossy);
        prop_assert!(decoded.is_ok(), "lossy decoding failed");
        if let Ok(decoded) = decoded {
            let mut last = 0;
            for r in decoded.replacements() {
                prop_assert!(last <= r.start && r.start < r.end && r.end <= bytes.len());
                last = r.end;
            }
            prop_assert_eq!(decoded.replacements().is_empty(), std::str::from_utf8(&bytes).is_ok());
            let expected = String::from_utf8_lossy(&bytes);
            prop_assert_eq!(decoded.text(), expected.as_ref());
            check_input(decoded.text(), &Options::default())?;
        }
    }
}

/// The checks above must be able to fail: a text the article does not cover
/// is caught.
#[test]
fn the_coverage_check_catches_lost_text() {
    let article = article_text::parse("Title\n\nBody text here.\n").expect("an article");
    assert!(check_article("Title\n\nBody text here.\n", &article).is_ok());
    // The same article against a longer input: the extra text is lost.
    let longer = "Title\n\nBody text here.\n\nMore text.\n";
    let err = check_article(longer, &article).expect_err("More text. is not covered");
    assert!(err.to_string().contains("text lost"), "{err}");
}
