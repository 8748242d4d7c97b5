//! Print the outline JSON (see `../shared/eval/OUTLINE.md`) of an article, or
//! of every article in a corpus folder.
//!
//! ```text
//! cargo run --example outline -- FILE
//! cargo run --example outline -- [--body] --corpus IN OUT
//! ```
//! `--corpus` writes `OUT/PAGE/NAME.json` for every `IN/PAGE/NAME.txt`;
//! `--body` writes the body as plain text (`.txt`, blocks separated by a
//! blank line) instead.

use article_text::{Article, Block, List};
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let body = args.iter().any(|a| a == "--body");
    let rest: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--body")
        .collect();
    let result = match rest.as_slice() {
        ["--corpus", input, output] => corpus(Path::new(input), Path::new(output), body),
        [file] => one(Path::new(file), body),
        _ => Err("usage: outline [--body] FILE | outline [--body] --corpus IN OUT".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("outline: {e}");
            ExitCode::FAILURE
        }
    }
}

type Res = Result<(), Box<dyn std::error::Error>>;

fn render(text: &str, body: bool) -> String {
    match article_text::parse(text) {
        Ok(article) if body => body_text(&article),
        Ok(article) => serde_json::to_string_pretty(&outline(&article)).unwrap_or_default(),
        // An input that is not an article has an empty outline.
        Err(_) if body => String::new(),
        Err(_) => {
            serde_json::to_string_pretty(&json!({"metadata": {}, "blocks": []})).unwrap_or_default()
        }
    }
}

fn one(path: &Path, body: bool) -> Res {
    let text = std::fs::read_to_string(path)?;
    println!("{}", render(&text, body));
    Ok(())
}

fn corpus(input: &Path, output: &Path, body: bool) -> Res {
    let mut pages: Vec<_> = std::fs::read_dir(input)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    pages.sort();
    let mut count = 0;
    for page in pages.iter().filter(|p| p.is_dir()) {
        let Some(name) = page.file_name() else {
            continue;
        };
        let out_dir = output.join(name);
        let mut files: Vec<_> = std::fs::read_dir(page)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "txt"))
        {
            let text = String::from_utf8_lossy(&std::fs::read(file)?).into_owned();
            let Some(stem) = file.file_stem() else {
                continue;
            };
            std::fs::create_dir_all(&out_dir)?;
            let ext = if body { "txt" } else { "json" };
            std::fs::write(out_dir.join(stem).with_extension(ext), render(&text, body))?;
            count += 1;
        }
    }
    eprintln!("outline: wrote {count} files under {}", output.display());
    Ok(())
}

fn outline(article: &Article<'_>) -> Value {
    let m = &article.metadata;
    let authors = m.authors();
    let metadata = json!({
        "title": m.title.as_ref().map(|t| &t.text),
        "author": (!authors.is_empty()).then(|| authors.join(", ")),
        "published": m.published.map(|p| p.date.to_string()),
        "dek": m.dek.as_ref().map(|d| &d.text),
        "site": Value::Null,
        "reading_minutes": m.reading_time.map(|r| r.minutes),
        "views": m.views.map(|v| v.count),
        "disclaimer": m.disclaimer.as_ref().map(|d| &d.text),
        "author_bio": m.author_box.as_ref().map(|a| &a.bio.text),
        "related": m.related.as_ref().map(|r| r.items.iter().map(|i| &i.text).collect::<Vec<_>>()).unwrap_or_default(),
    });
    let mut blocks = Vec::new();
    for section in &article.sections {
        if let Some(h) = &section.heading {
            blocks.push(json!({"kind": "heading", "level": h.level, "text": h.text}));
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => blocks.push(json!({
                    "kind": "paragraph",
                    "text": p.text,
                    "quotes": p.quotations.iter().map(|q| &q.text).collect::<Vec<_>>(),
                })),
                Block::List(list) => {
                    let (mut items, mut leads) = (Vec::new(), Vec::new());
                    flatten(list, &mut items, &mut leads);
                    blocks.push(json!({"kind": "list", "ordered": list.ordered, "items": items, "leads": leads}));
                }
                Block::Quote(q) => blocks.push(json!({
                    "kind": "quote",
                    "text": q.text,
                    "attribution": q.attribution.as_ref().map(|a| &a.name),
                })),
                // Code and other preformatted text is not part of the outline.
                _ => {}
            }
        }
    }
    json!({"metadata": metadata, "blocks": blocks})
}

fn flatten(list: &List<'_>, items: &mut Vec<Value>, leads: &mut Vec<Value>) {
    // Items with no text (a linked image alone) are not list text.
    for item in list
        .items
        .iter()
        .filter(|i| !i.text.is_empty() || !i.children.is_empty())
    {
        items.push(json!(item.text));
        leads.push(json!(item.lead));
        for child in &item.children {
            flatten(child, items, leads);
        }
    }
}

fn body_text(article: &Article<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for section in &article.sections {
        if let Some(h) = &section.heading {
            parts.push(h.text.to_string());
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => parts.push(p.text.to_string()),
                Block::Quote(q) => parts.push(q.text.to_string()),
                Block::List(l) => {
                    let (mut items, mut leads) = (Vec::new(), Vec::new());
                    flatten(l, &mut items, &mut leads);
                    parts.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)));
                }
                Block::Preformatted(p) => parts.push(p.text.to_string()),
                _ => {}
            }
        }
    }
    parts.join("\n\n") + "\n"
}
