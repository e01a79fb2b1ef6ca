use super::*;

fn parse(text: &str) -> Result<Node, Box<Diagnostic>> {
    parse_document(&SourceFile::new("t.yaml", text), Limits::default())
}

fn entries(node: &Node) -> &[(Node, Node)] {
    match &node.kind {
        NodeKind::Map(entries) => entries,
        other => panic!("{other:?}"),
    }
}

#[test]
fn keys_and_values_keep_their_real_lines_and_columns() {
    let text = "# comment\n\nname: x\n\n# another\nanswers:\n  task_type: \"qa\"\n";
    let root = parse(text).unwrap();
    let top = entries(&root);
    assert_eq!((top[0].0.span.line, top[0].0.span.column), (3, 1));
    assert_eq!((top[1].0.span.line, top[1].0.span.column), (6, 1));
    let answers = entries(&top[1].1);
    assert_eq!((answers[0].0.span.line, answers[0].0.span.column), (7, 3));
    let value = &answers[0].1;
    assert_eq!((value.span.line, value.span.column), (7, 14));
    assert_eq!(&text[value.span.offset..value.span.offset + value.span.len], "\"qa\"");
}

#[test]
fn rejects_empty_non_mapping_nul_oversize_and_deep_input() {
    let code = |text: &str| parse(text).err().map(|d| d.code);
    assert_eq!(code(""), Some(Code::EmptyDocument.into()));
    assert_eq!(code("# only a comment\n"), Some(Code::EmptyDocument.into()));
    assert_eq!(code("- a\n- b\n"), Some(Code::WrongType.into()));
    assert_eq!(code("a: 1\0"), Some(Code::YamlSyntax.into()));
    assert_eq!(code("a: 1\na: 2\n"), Some(Code::DuplicateId.into()));
    let deep = format!("a: {}1{}\n", "[".repeat(200), "]".repeat(200));
    assert_eq!(code(&deep), Some(Code::YamlSyntax.into()));
    let big = format!("a: \"{}\"\n", "x".repeat(Limits::DEFAULT_MAX_FILE_BYTES));
    assert_eq!(code(&big), Some(Code::FileTooLarge.into()));
}

#[test]
fn alias_bombs_are_refused() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let prev = i - 1;
        let refs = vec![format!("*a{prev}"); 10].join(", ");
        text = format!("{text}a{i}: &a{i} [{refs}]\n");
    }
    let error = parse(&text).err().map(|d| d.code);
    assert_eq!(error, Some(Code::YamlSyntax.into()));
}

#[test]
fn nesting_at_the_limit_parses_and_beyond_is_refused_without_overflowing_the_stack() {
    let depth = Limits::DEFAULT_MAX_DEPTH - 1;
    let ok = format!("a: {}1{}\n", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&ok).is_ok());
    for depth in [Limits::DEFAULT_MAX_DEPTH + 1, 100, 1_000] {
        let deep = format!("a: {}1{}\n", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(parse(&deep).err().map(|d| d.code), Some(Code::YamlSyntax.into()), "depth {depth}");
        let block: String = (0..depth).map(|i| "  ".repeat(i) + "k:\n").collect();
        assert_eq!(parse(&block).err().map(|d| d.code), Some(Code::YamlSyntax.into()), "block depth {depth}");
    }
}
