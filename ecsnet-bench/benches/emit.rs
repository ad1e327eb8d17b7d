//! Building templates and writing them as JSON and YAML, for the chapter's
//! 37-resource stack and a generated 500-resource stack.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// A stack's name and its `template()` function.
type Stack = (&'static str, fn() -> ecsnet::Template);

fn emit(c: &mut Criterion) {
    let stacks: [Stack; 2] = [
        ("todobackend", ecsnet_bench::todobackend::template),
        ("large_stack", ecsnet_bench::large_stack::template),
    ];
    for (name, build) in stacks {
        let template = build();
        c.bench_function(&format!("{name}/build"), |b| b.iter(|| black_box(build())));
        c.bench_function(&format!("{name}/json"), |b| {
            b.iter(|| black_box(template.to_json_pretty()));
        });
        c.bench_function(&format!("{name}/yaml"), |b| {
            b.iter(|| black_box(template.to_yaml()));
        });
    }
}

criterion_group!(benches, emit);
criterion_main!(benches);
