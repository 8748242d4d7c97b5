//! The public surface as a caller relies on it: the types cross threads, and
//! parsing from several threads at once gives what one thread gives.

use article_text::{Article, Error, Options};
use std::sync::Arc;

/// Compile-time check: the owned article, the error and the options can be
/// sent to and shared between threads.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Article<'static>>();
    send_sync::<Error>();
    send_sync::<Options>();
};

/// Articles and errors of every kind, so that every path is exercised.
fn inputs() -> Vec<String> {
    let mut inputs: Vec<String> = [
        "How Rivers Learn to Bend\n\nBy Ada Reyes\nMarch 3, 2025\n5 min read\n\n\
         Rivers do not run straight for long. “They bend,” she said.\n\n\
         What Shapes a Bend\n\nA bend grows where the current is fastest:\n\n\
         • Erosion on the outer bank\n  ◦ nested, with [a link](http://x.org)\n\
         • Deposits on the inner bank\n\n> A quoted line\n> — Someone Famous\n\n\
         Related Articles\n\nOther River Stories\n",
        "# Markdown Title\r\n\r\n1. first\r\n2. second\r\n   (a) sub\r\n\r\n```\ncode\n```\n\n\
         « Bonjour à tous », dit-il.\n",
        "Short Headline Here\n\n12/03/2025 · 1.2K views\n\n\
         “This whole paragraph is one quotation.”\n— Vidal Sassoon\n\n\
         Author\n\nSteven Soarez passionately shares stories.\n",
        "",
        " \t\n\u{feff}\n",
        "Share\n\nAdvertisement\n",
        "\u{feff}Title\0 with NUL\n\u{202e}bidi\u{202c} text\u{301} 😀\n\n- dash item\n",
        "「日本語の引用」と彼は言った。\n\n日本語の文章です。\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Deep nesting: refused with the default depth limit.
    let deep: String = (0..40)
        .map(|d| format!("{}- item\n", "  ".repeat(d)))
        .collect();
    inputs.push(format!("Title\n\nBody text.\n\n{deep}"));
    inputs.push(">".repeat(100));
    inputs
}

fn parse_all(inputs: &[String]) -> Vec<Result<Article<'static>, Error>> {
    inputs
        .iter()
        .map(|s| article_text::parse(s).map(Article::into_owned))
        .collect()
}

#[test]
fn parsing_from_four_threads_matches_one_thread() {
    let inputs = Arc::new(inputs());
    let expected = parse_all(&inputs);
    assert!(expected.iter().any(Result::is_ok) && expected.iter().any(Result::is_err));
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let inputs = Arc::clone(&inputs);
            std::thread::spawn(move || {
                // Each thread walks the inputs from a different start, many
                // times, so that parses overlap.
                let mut results = vec![None; inputs.len()];
                for round in 0..25 {
                    for k in 0..inputs.len() {
                        let i = (k + t + round) % inputs.len();
                        let parsed = article_text::parse(&inputs[i]).map(Article::into_owned);
                        results[i] = Some(parsed);
                    }
                }
                results
            })
        })
        .collect();
    for handle in threads {
        let results = handle.join().expect("a parsing thread panicked");
        for (i, got) in results.into_iter().enumerate() {
            assert_eq!(got.as_ref(), Some(&expected[i]), "input #{i} differs");
        }
    }
}

#[test]
fn shared_options_and_borrowed_articles_cross_scoped_threads() {
    let inputs = inputs();
    let mut options = Options::default();
    options.max_nesting_depth = 4;
    let options = &options;
    let expected: Vec<_> = inputs
        .iter()
        .map(|s| article_text::parse_with(s, options))
        .collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    inputs
                        .iter()
                        .map(|s| article_text::parse_with(s, options))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            assert_eq!(handle.join().expect("no panic"), expected);
        }
    });
}
