//! Writes the book's type reference from the data: `book/src/types/*.md`,
//! and the block of `book/src/SUMMARY.md` between its `types` markers.
//!
//! ```sh
//! cargo run -p ecsnet-schema --example type_pages
//! ```
//!
//! `tests/type_pages.rs` fails when the committed pages differ.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../book/src");
    let types = book.join("types");
    if types.exists() {
        std::fs::remove_dir_all(&types)?;
    }
    std::fs::create_dir_all(&types)?;
    for (path, content) in ecsnet_schema::describe::book_pages() {
        std::fs::write(book.join(path), content)?;
    }
    let summary_path = book.join("SUMMARY.md");
    let summary = std::fs::read_to_string(&summary_path)?;
    let (start, end) = ("<!-- types:start -->\n", "<!-- types:end -->");
    let (Some(a), Some(b)) = (summary.find(start), summary.find(end)) else {
        eprintln!("type_pages: SUMMARY.md has no `types:start`/`types:end` markers");
        std::process::exit(1);
    };
    let updated = format!(
        "{}{start}{}{}",
        &summary[..a],
        ecsnet_schema::describe::summary_lines(),
        &summary[b..]
    );
    std::fs::write(summary_path, updated)?;
    println!("type_pages: wrote {}", types.display());
    Ok(())
}
