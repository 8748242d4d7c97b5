//! Parse an article and print a readable summary, or its JSON.
//!
//! ```text
//! cargo run --example parse               # the sample article embedded below
//! cargo run --example parse -- FILE       # a file
//! cargo run --example parse -- -          # standard input
//! cargo run --example parse -- --json [FILE | -]
//! ```

use article_text::{Article, Block, List};
use std::io::Read;
use std::process::ExitCode;

/// A sample article in the shape of text copied from a news page.
const SAMPLE: &str = include_str!("sample_article.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let source = args.iter().find(|a| *a != "--json");
    let text = match source.map(String::as_str) {
        None => Ok(SAMPLE.to_owned()),
        Some("-") => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map(|_| s)
        }
        Some(path) => std::fs::read_to_string(path),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("parse: cannot read input: {e}");
            return ExitCode::FAILURE;
        }
    };
    match article_text::parse(&text) {
        Ok(article) if json => match serde_json::to_string_pretty(&article) {
            Ok(s) => {
                println!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("parse: {e}");
                ExitCode::FAILURE
            }
        },
        Ok(article) => {
            print_summary(&article);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parse: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_summary(article: &Article<'_>) {
    let m = &article.metadata;
    let or_none = |s: Option<String>| s.unwrap_or_else(|| "—".into());
    println!(
        "Title:        {}",
        or_none(m.title.as_ref().map(|t| t.text.to_string()))
    );
    println!(
        "Author:       {}",
        or_none(Some(m.authors().join(", ")).filter(|s| !s.is_empty()))
    );
    println!(
        "Published:    {}",
        or_none(m.published.map(|p| p.date.to_string()))
    );
    println!(
        "Reading time: {}",
        or_none(m.reading_time.map(|r| format!("{} min", r.minutes)))
    );
    println!(
        "Views:        {}",
        or_none(m.views.map(|v| v.count.to_string()))
    );
    println!(
        "Dek:          {}",
        or_none(m.dek.as_ref().map(|d| clip(&d.text)))
    );
    if let Some(d) = &m.disclaimer {
        let date = d.date.map(|d| format!(" (dated {d})")).unwrap_or_default();
        println!("Disclaimer:   {}{date}", clip(&d.text));
    }
    if let Some(a) = &m.author_box {
        println!(
            "Author box:   {} — {}",
            a.name.as_deref().unwrap_or("?"),
            clip(&a.bio.text)
        );
    }
    if let Some(r) = &m.related {
        println!("Related:      {} ({} items)", r.label.text, r.items.len());
    }
    println!();
    for section in &article.sections {
        match &section.heading {
            Some(h) => println!("## {}", h.text),
            None => println!("## (no heading)"),
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => {
                    let quotes: Vec<_> = p
                        .quotations
                        .iter()
                        .map(|q| format!("“{}”", q.text))
                        .collect();
                    let extra = if quotes.is_empty() {
                        String::new()
                    } else {
                        format!("  [quotes: {}]", quotes.join(", "))
                    };
                    println!("  ¶ {}{extra}", clip(&p.text));
                }
                Block::List(l) => print_list(l, 1),
                Block::Quote(q) => {
                    let by = q
                        .attribution
                        .as_ref()
                        .map(|a| format!(" — {}", a.name))
                        .unwrap_or_default();
                    println!("  > {}{by}", clip(&q.text));
                }
                Block::Preformatted(p) => println!("  ``` {} lines", p.text.lines().count()),
                _ => println!("  (other block)"),
            }
        }
    }
    if !article.boilerplate.is_empty() {
        println!();
        for b in &article.boilerplate {
            println!("Boilerplate ({:?}): {}", b.kind, clip(&b.text));
        }
    }
}

fn print_list(list: &List<'_>, depth: usize) {
    for (n, item) in list.items.iter().enumerate() {
        let marker = if list.ordered {
            format!("{}.", n + 1)
        } else {
            "•".into()
        };
        let lead = item
            .lead
            .as_ref()
            .map(|l| format!(" [lead: {l}]"))
            .unwrap_or_default();
        println!("{}{marker} {}{lead}", "  ".repeat(depth), clip(&item.text));
        for child in &item.children {
            print_list(child, depth + 1);
        }
    }
}

fn clip(s: &str) -> String {
    match s.char_indices().nth(72) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
