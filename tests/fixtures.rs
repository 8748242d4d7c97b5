//! One snapshot per fixture article: the whole parsed model as YAML, with the
//! input shown in the snapshot's description. Review changes with
//! `cargo insta review`.

#[test]
fn fixtures() {
    insta::glob!("fixtures/*.txt", |path| {
        let input = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let article = article_text::parse(&input).expect("every fixture is an article");
        insta::with_settings!({ description => input.clone(), omit_expression => true }, {
            insta::assert_yaml_snapshot!(article);
        });
    });
}

#[test]
fn error_fixtures() {
    insta::glob!("errors/*.txt", |path| {
        let input = std::fs::read(path).expect("fixture is readable");
        let err = article_text::parse_bytes(&input).expect_err("error fixtures fail");
        insta::with_settings!({ description => String::from_utf8_lossy(&input).into_owned(), omit_expression => true }, {
            insta::assert_snapshot!(err.to_string());
        });
    });
}
