//! Inputs that once broke a property, each a named test, input inlined.
//! Found by the fuzzer (`fuzz/`, artifact name in the comment), by the
//! property tests (`tests/properties.rs`) or by the linear-work tests
//! (`src/linear_tests.rs`). Each runs the same checks as the fuzz target:
//! no panic, spans in bounds and on char boundaries, top-level spans sorted
//! and disjoint, every non-blank byte inside one of them, the same article
//! twice.

use article_text::{Article, Options, Position};

/// Blank as in `tests/properties.rs`: whitespace, BOM, zero-width space.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

fn check_article(text: &str, article: &Article<'_>) {
    let mut covered_to = 0;
    for span in article.spans() {
        assert!(text.get(span.range()).is_some(), "{span:?} does not fit");
        assert!(
            span.start >= covered_to,
            "{span:?} overlaps the span before"
        );
        let gap = &text[covered_to..span.start];
        assert!(gap.chars().all(is_blank), "text lost: {gap:?}");
        covered_to = span.end;
    }
    let tail = &text[covered_to..];
    assert!(tail.chars().all(is_blank), "text lost at the end: {tail:?}");
}

fn check_text(text: &str) {
    match article_text::parse(text) {
        Ok(article) => {
            check_article(text, &article);
            assert_eq!(article_text::parse(text).as_ref(), Ok(&article));
            assert_eq!(article.clone().into_owned(), article);
        }
        Err(err) => {
            assert!(text.get(err.span().range()).is_some());
            assert_eq!(err.position(), Position::of(text, err.span().start));
        }
    }
}

/// What the fuzz target does with raw bytes: strict, then lossy.
fn check_bytes(bytes: &[u8]) {
    if let Ok(article) = article_text::parse_bytes(bytes) {
        let text = std::str::from_utf8(bytes).expect("parse_bytes accepted it");
        check_article(text, &article);
    }
    let mut lossy = Options::default();
    lossy.lossy_utf8 = true;
    let decoded = article_text::decode(bytes, &lossy).expect("lossy decoding never fails");
    check_text(decoded.text());
}

/// fuzz crash-1d62e2: a line opening with U+200B lost it. The line splitter
/// skips a zero-width space as indentation, like the BOM; the properties count
/// both as blank (a decision, documented in `tests/properties.rs`). Other
/// invisible characters on the same line (bidi controls, NUL) are kept.
#[test]
fn zero_width_space_opening_a_line_is_blank() {
    check_bytes(b"\xef\xbb\xbfTitle\x00 with NUL\n\xe2\x80\x8b\xe2\x80\xaebidi\xe2\x80\xacC\x00\x00\x00\x00\x00\x00\x00\xcc\x81\xff invalid \x00\x00\x00\x00\x00\x00\x00_\xe2\x80\xacC\x00\x00\x00\x00\x00\x00\x00\xcc\x81\xff invalid by");
    let text = "Title\n\n\u{200b}\u{202e}bidi\u{202c} and NUL\0 text\n";
    let article = article_text::parse(text).expect("an article");
    check_article(text, &article);
    let body = article.spans().last().copied().expect("a body");
    assert!(body.text(text).is_some_and(|t| t.starts_with('\u{202e}')));
}

/// fuzz crash-0f0869: an attribution line under a run of indented lines merged
/// into one preformatted block was claimed by one of the emptied blocks of
/// the run, and vanished with it.
#[test]
fn attribution_after_a_preformatted_run_is_kept() {
    check_bytes(b"```Short Headline Here\n\n12/03/2025 \xc2\xb7 1.2K views\n\n   \x9e indentnt as a\n    qu\n\xe2\x80\x94 Vidal Sassoon\n\n\xe3\x80\x8c\xe6.\x97\xa5\xe6\x9c\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xac\xe8\xaa\x9e\xe3\x81\xae\xe5[\x95\xe7\x94\xa8\xe3\x80\x8d\xe3\x81\xa8\xe5\xbd\xbc\x1e\xe3\x80\x81\xaf\xe8\xa8\x80\xe3\x81\xa3\xe3\x81\x9f\xe3\x80\x82\n\nAuthor\n\nSteven Soarez !passionately shares stories.\n");
    check_text("ws\n  a\n  u\n—s");
    check_text("Title\n\nBody text here.\n\n    x = 1;\n    y = 2;\n— Vidal Sassoon\n");
}

/// fuzz crash-44beb1, crash-aae1dd, crash-d13724, crash-f9a0e9, and
/// properties: a header fact line with a setext underline (`By Jane Doe` over
/// `--`) became a fact whose span covered only its first line, so the
/// underline was lost.
#[test]
fn setext_underline_under_a_header_fact_is_kept() {
    check_bytes(b"#\n\n-\n--\n\n\xc2\xab  Learn \x0c\x0f\n\x0c\n2. oBn defi\n");
    check_bytes(b"#\n.\n---\n\nar]\x8d{%Ri\n1. fi\r.2 rs\nts[!ceond\r\n=   (a\x0bits[!ceond\r\n=   (a\x0birst\r\n1. se![cond\r\n  - \r\n ");
    check_bytes(b"\xef2\xef\xbf\n;\n---\n\xd7\xc2\xab Bo\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe&\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\t\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xffd u2\xef\xbf\x1e \x00\xf2\xf5\xf6z\t\t\xff\xff\xff\xff\xff\xff\xff\x9d\x00\x00\n\n---\n\n\xc2\xab Bo\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe-\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe\x02\t\xfe\xfe\x00\x00\x00ra\x00M\x01dqMar\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfeq\xfe\xfe\xfe\xfe\xbe\xfe\xfe\xfe\xfe\xfeuo[\xfe\xfe\xfe\xfe\xfe\x9c\xe2");
    check_bytes(b"\xef2C\xbf\n.\n---\n\n\xc2\xab\xef2C\xbf\n\n---\n\n\xc2\xab Bonnub itemr \xc3\xa0 tous  \xb0 \xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00P\x00\x00-");
    for text in [
        "-\n--\ni",
        ".\n--\ne",
        "2\n;\n--\nq",
        ".\n--\nP",
        "By Jane Doe\n-- \n(iv) ",
        "By Jane Doe\n-- \no ",
        "…wordword\n.\n-- \n• word",
    ] {
        check_text(text);
    }
}

/// linear tests: `[![![![…` made the link scanner recurse once per `![`, so
/// a long run overflowed the stack (and took quadratic time before that).
#[test]
fn nested_images_in_link_text_do_not_recurse() {
    let text = format!("Text {}", "![".repeat(50_000));
    check_text(&text);
    let text = format!(
        "Text [{}](u) and [![alt](src)](url) more",
        "![".repeat(50_000)
    );
    check_text(&text);
    let article = article_text::parse("Text [![alt](a.png)](https://x.org/1) after").expect("ok");
    let links: Vec<_> = article
        .blocks()
        .filter_map(|b| match b {
            article_text::Block::Paragraph(p) => Some(p.links.len()),
            _ => None,
        })
        .collect();
    assert_eq!(links, [1], "a linked image is still one link");
}

/// linear tests: quotations on the many continuation lines of one list item
/// were each clipped against every line of the item (quadratic).
#[test]
fn quotations_on_many_item_lines() {
    let text = format!("• item\n{}", "  “quoted” words here\n".repeat(5_000));
    check_text(&text);
}

/// linear tests: an unclosed code fence followed by many short lines made the
/// preformatted-run search rescan the run from every line (quadratic), and
/// the emptied blocks of a long run were each looked past (quadratic).
#[test]
fn short_lines_after_an_unclosed_fence() {
    check_text(&format!("Title\n\n```\n{}", "code\n".repeat(20_000)));
    let body = "A long body line of text that carries plenty of weight for indent zero.\n";
    check_text(&format!(
        "{body}{body}\n{}",
        "      x = 1;\n".repeat(20_000)
    ));
}

/// A bracket-opening line claimed by the code under it left an empty block
/// that the header took for the dek, with a span ending before it started
/// (found by fuzzing).
#[test]
fn a_line_claimed_by_code_is_no_dek() {
    let input = "#\u{0}\u{0}\u{0}2k\r.\n \n``\u{0}`\nc[\n```\nz\n<!-+\u{ab} 2t-0.\n \n``\u{0}`\nc[\n```\nz\n<!-+\u{ab} 2t-i\n";
    let article = article_text::parse(input).expect("parses");
    for span in article.spans() {
        assert!(span.start <= span.end, "inverted span {span:?}");
        assert!(
            input.get(span.start..span.end).is_some(),
            "span {span:?} off the input"
        );
    }
}

#[test]
fn an_image_placeholder_opening_an_item() {
    // Property tests: the placeholder went to boilerplate while the item's
    // span still covered it, so two top-level spans overlapped.
    check_text("Kit\n\n  * Image\n    Ridge 40 pack\n  * Photo\n    Tarp\n");
    check_text("   The kit we carried.\n\n     * Screenshot\n    Ridge 40 pack\n       A pack.\n");
}

#[test]
fn markers_and_lines_past_what_a_line_keeps() {
    // A marker 70,000 spaces from its text, a line indented and one wide
    // past 65,535 columns: each is still answered, and covered.
    let far = format!(
        "* {}item\n\n1.{}one\n\n> {}quoted\n",
        " ".repeat(70_000),
        " ".repeat(70_000),
        " ".repeat(70_000)
    );
    check_text(&far);
    let deep = format!("{}deep\n\nshallow\n", " ".repeat(70_000));
    check_text(&deep);
    let wide = format!("{}\n\nnext\n", "word ".repeat(20_000));
    check_text(&wide);
}
