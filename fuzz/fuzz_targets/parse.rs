//! Any bytes: the strict and lossy entry points must answer without
//! panicking, and every span they report must fit the text it came from.
#![no_main]

use article_text::{Article, Block, Error, List, Options, Position, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match article_text::parse_bytes(data) {
        Ok(article) => {
            let text = std::str::from_utf8(data).expect("parse_bytes accepted invalid UTF-8");
            check_article(text, &article);
        }
        Err(err) => check_error_in_bytes(data, &err),
    }

    let mut options = Options::default();
    options.lossy_utf8 = true;
    let decoded = article_text::decode(data, &options).expect("lossy decoding never fails");
    let mut last_end = 0;
    for r in decoded.replacements() {
        assert!(
            r.start >= last_end && r.start < r.end && r.end <= data.len(),
            "{r:?}"
        );
        last_end = r.end;
    }
    let text = decoded.text();
    match article_text::parse(text) {
        Ok(article) => check_article(text, &article),
        Err(err) => {
            check_span(text, err.span());
            assert_eq!(err.position(), Position::of(text, err.span().start));
        }
    }
});

fn check_error_in_bytes(data: &[u8], err: &Error) {
    let span = err.span();
    assert!(span.start <= span.end && span.end <= data.len(), "{span:?}");
    if let Ok(text) = std::str::from_utf8(data) {
        check_span(text, span);
        assert_eq!(err.position(), Position::of(text, span.start));
    }
}

fn check_span(text: &str, span: Span) {
    assert!(
        span.start <= span.end && text.get(span.range()).is_some(),
        "span {span:?} out of bounds or off a char boundary in {} bytes",
        text.len()
    );
}

/// Spans in bounds, top-level spans sorted and disjoint, and every
/// non-whitespace byte inside one of them.
fn check_article(text: &str, article: &Article<'_>) {
    let spans = article.spans();
    let mut covered_to = 0;
    let mut prev_end = 0;
    for &s in &spans {
        check_span(text, s);
        assert!(s.start >= prev_end, "overlapping spans {spans:?}");
        // Bytes between the previous span and this one must all be blank.
        assert!(
            text[covered_to..s.start].chars().all(is_blank),
            "text lost between {covered_to} and {}: {:?}",
            s.start,
            &text[covered_to..s.start]
        );
        prev_end = s.end;
        covered_to = s.end;
    }
    assert!(
        text[covered_to..].chars().all(is_blank),
        "text lost after {covered_to}: {:?}",
        &text[covered_to..]
    );
    for block in article.blocks() {
        check_block(text, block);
    }
    if let Some(dek) = &article.metadata.dek {
        for q in &dek.quotations {
            check_span(text, q.span);
        }
        for l in &dek.links {
            check_span(text, l.span);
        }
    }
}

/// Whitespace, the BOM and the zero-width space may lie outside every span
/// (the line splitter skips them as indentation); any other character, NUL,
/// controls and bidi marks included, is text that must be kept.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

fn check_block(text: &str, block: &Block<'_>) {
    match block {
        Block::Paragraph(p) => {
            p.quotations.iter().for_each(|q| check_span(text, q.span));
            p.links.iter().for_each(|l| check_span(text, l.span));
        }
        Block::List(list) => check_list(text, list),
        Block::Quote(q) => {
            if let Some(a) = &q.attribution {
                check_span(text, a.span);
            }
        }
        _ => {}
    }
}

fn check_list(text: &str, list: &List<'_>) {
    check_span(text, list.span);
    for item in &list.items {
        check_span(text, item.span);
        item.quotations
            .iter()
            .for_each(|q| check_span(text, q.span));
        item.links.iter().for_each(|l| check_span(text, l.span));
        item.children.iter().for_each(|c| check_list(text, c));
    }
}
