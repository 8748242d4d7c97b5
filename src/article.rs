//! Stage 5: blocks assembled into an article.
use crate::{blocks::RawBlock, error::{Error, ErrorKind}, lines::Line, model::Article, options::Options, span::Span};
pub(crate) fn assemble<'a>(input: &'a str, _lines: &[Line], _blocks: Vec<RawBlock>, _options: &Options) -> Result<Article<'a>, Error> {
    if input.is_empty() { return Err(Error::new(ErrorKind::Empty, Span::new(0,0), input)); }
    if input.trim().is_empty() { return Err(Error::new(ErrorKind::OnlyWhitespace, Span::new(0,0), input)); }
    Ok(Article::default())
}
