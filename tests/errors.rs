//! Every error the public API can produce, as the caller sees it: the
//! `Display` text (which ends with line:column), the kind and the span. One
//! snapshot per [`ErrorKind`], with the input in the snapshot's description.
//! Review changes with `cargo insta review`.

use article_text::{Error, ErrorKind, Options, Position, Span};

/// What is snapshotted for an error.
fn describe(err: &Error) -> String {
    format!(
        "{err}\nkind: {:?}\nline:column: {}:{}\nspan: {}..{}",
        err.kind(),
        err.line(),
        err.column(),
        err.span().start,
        err.span().end
    )
}

fn snapshot(name: &str, input: &[u8], err: &Error) {
    let shown = String::from_utf8_lossy(input).into_owned();
    insta::with_settings!({ description => shown, omit_expression => true }, {
        insta::assert_snapshot!(name, describe(err));
    });
}

/// The error from parsing `input` with `options`.
fn error_of(input: &str, options: &Options) -> Error {
    let err = article_text::parse_with(input, options).expect_err("this input is refused");
    // The position is the one of the span's start, computed from the input.
    assert_eq!(err.position(), Position::of(input, err.span().start));
    err
}

#[test]
fn empty() {
    let err = error_of("", &Options::default());
    assert_eq!(err.kind(), ErrorKind::Empty);
    assert_eq!(err.span(), Span::new(0, 0));
    snapshot("empty", b"", &err);
}

#[test]
fn only_whitespace() {
    let input = " \t\n\u{a0}\r\n\u{feff}\u{2028}\n";
    let err = error_of(input, &Options::default());
    assert_eq!(err.kind(), ErrorKind::OnlyWhitespace);
    assert_eq!(err.span(), Span::new(0, input.len()));
    snapshot("only_whitespace", input.as_bytes(), &err);
}

#[test]
fn no_article_text() {
    let input = "\n\nShare\n\nAdvertisement\n\n</div>\n";
    let err = error_of(input, &Options::default());
    assert_eq!(err.kind(), ErrorKind::NoArticleText);
    // The span covers the text, blank lines around it left out.
    assert_eq!(err.span().text(input), Some(input.trim()));
    snapshot("no_article_text", input.as_bytes(), &err);
}

#[test]
fn input_too_large() {
    let input = "Title\n\nBody text that runs past the limit.\n";
    let mut options = Options::default();
    options.max_input_bytes = 16;
    let err = error_of(input, &options);
    assert_eq!(err.kind(), ErrorKind::InputTooLarge { limit: 16 });
    assert_eq!(err.span(), Span::new(16, input.len()));
    assert_eq!((err.line(), err.column()), (3, 10));
    snapshot("input_too_large", input.as_bytes(), &err);
}

#[test]
fn input_too_large_points_at_a_char_boundary() {
    // The limit falls inside "é" (bytes 6..8): the span starts before it.
    let input = "Title é and more text\n";
    let mut options = Options::default();
    options.max_input_bytes = 7;
    let err = error_of(input, &options);
    assert_eq!(err.span(), Span::new(6, input.len()));
    assert_eq!((err.line(), err.column()), (1, 7));
}

#[test]
fn nesting_too_deep() {
    let input = "Title\n\nBody text.\n\n\
                 • one\n  • two\n    • three\n      • four\n        • five\n";
    let mut options = Options::default();
    options.max_nesting_depth = 3;
    let err = error_of(input, &options);
    assert_eq!(err.kind(), ErrorKind::NestingTooDeep { limit: 3 });
    // The first item past the limit: the fourth level, line 8.
    assert_eq!(err.span().text(input), Some("• four"));
    assert_eq!((err.line(), err.column()), (8, 7));
    snapshot("nesting_too_deep", input.as_bytes(), &err);
}

#[test]
fn nesting_too_deep_in_quotes() {
    let input = format!("Title\n\n{} deep quote\n", ">".repeat(40));
    let err = error_of(&input, &Options::default());
    assert_eq!(
        err.kind(),
        ErrorKind::NestingTooDeep {
            limit: Options::default().max_nesting_depth
        }
    );
    assert_eq!((err.line(), err.column()), (3, 1));
}

#[test]
fn invalid_utf8() {
    let input = b"Title\n\nBody \xff text\n";
    let err = article_text::parse_bytes(input).expect_err("invalid UTF-8");
    assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
    assert_eq!(err.span(), Span::new(12, 13));
    assert_eq!((err.line(), err.column()), (3, 6));
    snapshot("invalid_utf8", input, &err);
}

#[test]
fn invalid_utf8_truncated_sequence_at_the_end() {
    // "é" cut after its first byte: the span runs to the end.
    let input = b"Title\r\n\r\nBody \xc3";
    let err = article_text::parse_bytes(input).expect_err("invalid UTF-8");
    assert_eq!(err.span(), Span::new(14, 15));
    assert_eq!((err.line(), err.column()), (3, 6));
}

#[test]
fn lossy_decoding_records_every_replacement() {
    let input = b"Title\n\xff\xfe\n\nBody \xe2\x82 text \xf0\x9f\x98\x80 and \xc3";
    let mut options = Options::default();
    let strict = article_text::decode(input, &options).expect_err("strict by default");
    assert_eq!((strict.line(), strict.column()), (2, 1));

    options.lossy_utf8 = true;
    let decoded = article_text::decode(input, &options).expect("lossy never fails");
    assert_eq!(
        decoded.replacements(),
        [
            Span::new(6, 7),
            Span::new(7, 8),
            Span::new(15, 17),
            Span::new(32, 33)
        ]
    );
    for r in decoded.replacements() {
        assert!(std::str::from_utf8(&input[r.range()]).is_err(), "{r:?}");
    }
    assert_eq!(
        decoded.text(),
        "Title\n\u{fffd}\u{fffd}\n\nBody \u{fffd} text 😀 and \u{fffd}"
    );
    // The replacement characters are text like any other: each lies in a
    // top-level span of the article parsed from the decoded text.
    let text = decoded.text();
    let article = article_text::parse(text).expect("the decoded text is an article");
    let spans = article.spans();
    for (at, _) in text.match_indices('\u{fffd}') {
        assert!(
            spans.iter().any(|s| s.start <= at && at < s.end),
            "U+FFFD at {at} is in no span: {spans:?}"
        );
    }

    // Valid input is borrowed and has no replacements.
    let valid = article_text::decode("Title\n\nBody".as_bytes(), &options).expect("valid");
    assert!(valid.replacements().is_empty());
    assert!(matches!(valid.into_text(), std::borrow::Cow::Borrowed(_)));
}

#[test]
fn errors_own_nothing_from_the_input() {
    let err = {
        let input = String::from("   \n");
        article_text::parse(&input).expect_err("only whitespace")
    };
    assert_eq!(err.kind(), ErrorKind::OnlyWhitespace);
    let as_std: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert_eq!(as_std.to_string(), "the input holds only whitespace at 1:1");
}
