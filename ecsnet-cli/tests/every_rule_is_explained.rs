//! Every rule that a compiler message of ecsnet names can be explained: the
//! messages under `tests/ui/` are the compiler's exact output, so each
//! ``rule `x`, see `ecsnet explain x` `` in them is run through the binary.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn stderr_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("tests/ui exists") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            stderr_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "stderr") {
            out.push(path);
        }
    }
}

#[test]
fn every_rule_named_in_a_message_is_explained() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui");
    let mut files = Vec::new();
    stderr_files(&ui, &mut files);
    let mut rules = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        for (at, _) in text.match_indices("see `ecsnet explain ") {
            let rest = &text[at + "see `ecsnet explain ".len()..];
            let rule = rest.split('`').next().expect("a rule name");
            rules.insert(rule.to_owned());
        }
    }
    assert!(rules.len() > 30, "only {} rules found", rules.len());
    for rule in &rules {
        let output = Command::new(env!("CARGO_BIN_EXE_ecsnet"))
            .args(["explain", rule])
            .output()
            .expect("the binary runs");
        assert!(
            output.status.success(),
            "`ecsnet explain {rule}` fails: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.len() > 200,
            "`ecsnet explain {rule}` says little: {text}"
        );
    }
}
