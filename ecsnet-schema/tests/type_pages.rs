//! The book's type reference is the data's, regenerated: the committed pages
//! equal what `cargo run -p ecsnet-schema --example type_pages` writes.

use std::path::Path;

#[test]
fn the_book_type_pages_are_fresh() {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("../book/src");
    let pages = ecsnet_schema::describe::book_pages();
    assert!(pages.len() > 200, "one page per service");
    for (path, content) in &pages {
        let committed = std::fs::read_to_string(book.join(path)).unwrap_or_default();
        assert!(
            committed == *content,
            "book/src/{path} is out of date; run `cargo run -p ecsnet-schema --example type_pages`"
        );
    }
    let on_disk = std::fs::read_dir(book.join("types")).map_or(0, Iterator::count);
    assert_eq!(
        on_disk,
        pages.len(),
        "book/src/types holds a page of no service"
    );
    let summary = std::fs::read_to_string(book.join("SUMMARY.md")).expect("the book's summary");
    assert!(
        summary.contains(&ecsnet_schema::describe::summary_lines()),
        "book/src/SUMMARY.md lists other type pages; run the example"
    );
}

#[test]
fn a_type_is_described_with_its_properties_and_attributes() {
    let subnet = ecsnet_schema::resource_type("AWS::EC2::Subnet").unwrap();
    let text = ecsnet_schema::describe::describe(subnet);
    assert!(text.starts_with("## `AWS::EC2::Subnet`\n"));
    assert!(
        text.contains("| `vpc_id` | `VpcId` | string, identifies `AWS::EC2::VPC` | yes |"),
        "{text}"
    );
    assert!(text.contains("`Ref` returns its `SubnetId`."), "{text}");
    assert!(text.contains("`AvailabilityZone`"), "{text}");
}
