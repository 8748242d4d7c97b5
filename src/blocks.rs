//! Stage 3: lines grouped into blocks.
use crate::{error::Error, lines::Line, options::Options};
pub(crate) struct RawBlock;
pub(crate) fn group(_input: &str, _lines: &[Line], _options: &Options) -> Result<Vec<RawBlock>, Error> {
    Ok(Vec::new())
}
