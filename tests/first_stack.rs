//! The README's first program is the book's first stack: the same file.

#[test]
fn the_readme_shows_the_first_stack_verbatim() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("```rust\n")
        .expect("the README has a Rust program")
        + "```rust\n".len();
    let end = start
        + readme[start..]
            .find("```")
            .expect("the program's block ends");
    assert_eq!(
        &readme[start..end],
        include_str!("../examples/first_stack.rs"),
        "the README's first program and examples/first_stack.rs (included by the book's \"Your first stack\") differ"
    );
}
