//! The costlier tests of one line's text, answered when first asked and then
//! kept: grouping asks whether a line reads as code several times (joining
//! lines, finding code runs, placing headings), and whether it is furniture
//! once, which the article stage asks again of the same line.

use crate::lines::Line;
use crate::model::BoilerplateKind;
use crate::scan::boilerplate;
use crate::scan::code::looks_like_code;
use std::cell::Cell;

/// What is known of one line so far; `None` where not asked yet.
#[derive(Debug, Clone, Copy, Default)]
struct Known {
    code: Option<bool>,
    furniture: Option<Option<BoilerplateKind>>,
}

/// Per line, whether its text reads as code ([`looks_like_code`]) and what
/// furniture it is ([`boilerplate::boilerplate`]). One allocation for both,
/// two bytes a line, made by the grouping stage and handed on to the
/// article stage.
pub(crate) struct LineVerdicts<'l, 'a> {
    lines: &'l [Line<'a>],
    known: Vec<Cell<Known>>,
}

impl<'l, 'a> LineVerdicts<'l, 'a> {
    pub(crate) fn new(lines: &'l [Line<'a>]) -> Self {
        LineVerdicts {
            lines,
            known: vec![Cell::new(Known::default()); lines.len()],
        }
    }

    /// Does the text of line `i` read as code? (`false` past the last line.)
    pub(crate) fn code(&self, i: usize) -> bool {
        let (Some(line), Some(known)) = (self.lines.get(i), self.known.get(i)) else {
            return false;
        };
        let mut k = known.get();
        if let Some(answer) = k.code {
            return answer;
        }
        let answer = looks_like_code(line.text);
        k.code = Some(answer);
        known.set(k);
        answer
    }

    /// What furniture the text of line `i` is, if any (`None` past the
    /// last line).
    pub(crate) fn furniture(&self, i: usize) -> Option<BoilerplateKind> {
        let (line, known) = (self.lines.get(i)?, self.known.get(i)?);
        let mut k = known.get();
        if let Some(answer) = k.furniture {
            return answer;
        }
        let answer = boilerplate::boilerplate(line.text);
        k.furniture = Some(answer);
        known.set(k);
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_answer_as_the_tests_each_time() {
        let input =
            "SELECT count(*) FROM t WHERE (a = b);\nPlain prose here.\n\nShare this:\n$ hg push\n";
        let lines = crate::lines::split(input);
        let verdicts = LineVerdicts::new(&lines);
        for _ in 0..2 {
            for (i, line) in lines.iter().enumerate() {
                assert_eq!(verdicts.code(i), looks_like_code(line.text), "{i}");
                assert_eq!(
                    verdicts.furniture(i),
                    boilerplate::boilerplate(line.text),
                    "{i}"
                );
            }
        }
        assert!(!verdicts.code(lines.len()));
        assert_eq!(verdicts.furniture(lines.len()), None);
        assert_eq!(verdicts.furniture(3), Some(BoilerplateKind::Share));
    }
}
