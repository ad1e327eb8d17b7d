//! Token-tree mutations: each case is a seed's stack with a few of these
//! applied. They work on token trees, not text, so every mutant is still a
//! well-formed token stream (balanced delimiters) and reaches the macro;
//! and they aim at the macro's weak points: literals at the edge of their
//! type, names that are not plain identifiers, deep nesting, huge loops.

use std::str::FromStr;

use proc_macro2::{Delimiter, Group, Punct, Spacing, TokenStream, TokenTree};

use super::rng::Rng;

/// A token tree that can be edited in place.
#[derive(Clone)]
pub enum Node {
    Group(Delimiter, Vec<Node>),
    Leaf(TokenTree),
}

/// The nodes of a token stream.
pub fn tree(stream: TokenStream) -> Vec<Node> {
    stream
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(group) => Node::Group(group.delimiter(), tree(group.stream())),
            leaf => Node::Leaf(leaf),
        })
        .collect()
}

/// The token stream of some nodes.
pub fn render(nodes: &[Node]) -> TokenStream {
    nodes
        .iter()
        .map(|node| match node {
            Node::Group(delimiter, children) => {
                TokenTree::Group(Group::new(*delimiter, render(children)))
            }
            Node::Leaf(leaf) => leaf.clone(),
        })
        .collect()
}

/// The nodes of a snippet of Rust tokens (the snippets below all lex).
fn snippet(text: &str) -> Vec<Node> {
    tree(TokenStream::from_str(text).expect("mutation snippets lex"))
}

/// The deepest nesting of groups.
pub fn depth(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|node| match node {
            Node::Group(_, children) => 1 + depth(children),
            Node::Leaf(_) => 0,
        })
        .max()
        .unwrap_or(0)
}

/// Literals at the edge of what the macro reads: non-finite floats, integers
/// at and past `i64`'s bounds, strings that are empty, not ASCII, not a
/// block, half a placeholder, or long.
pub const HOSTILE_LITERALS: &[&str] = &[
    "1e999",
    "-1e999",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
    "\"\"",
    "\"ü\"",
    "\"-\"",
    "\"0.0.0.0/0\"",
    "\"::/0\"",
    "\"10.0.0.0/33\"",
    "\"${\"",
    "\"${X}\"",
    "\"${!Literal}\"",
    "\"${AWS::Region}\"",
    "0",
    "-1",
    "65536",
    "0.5",
    "true",
];

/// Names that are not plain ASCII identifiers.
const HOSTILE_IDENTS: &[&str] = &["r#Logs", "Größe", "_", "self", "a_b", "r#type"];

/// The bounds of `#[repeat(for i in 0..N)]`: empty, one, CloudFormation's
/// 500-resource limit and one past it, and far past it.
const HOSTILE_REPEATS: &[&str] = &[
    "for i in 0..0",
    "for i in 0..1",
    "for i in 0..=500",
    "for i in 0..501",
    "for i in 0..100000",
    "for i in 0..9223372036854775807",
    "for i in 0..=9223372036854775807",
    "for i in 0..18446744073709551616",
    "for z in [\"a\", \"A\"]",
    "for z in [\"\", \"-\"]",
    "for z in [\"ü\"]",
    "for (a, b) in [(\"a\", 1), (\"b\")]",
];

/// One mutation kind: its name (for the summary) and how to apply it.
pub type Mutation = (&'static str, fn(&mut Mutant, &Mutant, &mut Rng) -> bool);

/// Every mutation, chosen with equal chance.
pub const MUTATIONS: &[Mutation] = &[
    ("delete", delete),
    ("duplicate", duplicate),
    ("swap-neighbours", swap_neighbours),
    ("empty-group", empty_group),
    ("truncate-group", truncate_group),
    ("hostile-literal", hostile_literal),
    ("replace-ident", replace_ident),
    ("swap-punct", swap_punct),
    ("wrap-in-brackets", wrap),
    ("insert-repeat", insert_repeat),
    ("splice", splice),
];

/// A stack being mutated: the attribute's arguments and the module.
#[derive(Clone)]
pub struct Mutant {
    pub args: Vec<Node>,
    pub item: Vec<Node>,
}

impl Mutant {
    pub fn parse(args: &str, item: &str) -> Mutant {
        Mutant {
            args: tree(TokenStream::from_str(args).expect("seed arguments lex")),
            item: tree(TokenStream::from_str(item).expect("seed module lexes")),
        }
    }

    /// How many nodes the module has.
    pub fn item_size(&self) -> usize {
        fn count(nodes: &[Node]) -> usize {
            nodes
                .iter()
                .map(|node| match node {
                    Node::Group(_, children) => 1 + count(children),
                    Node::Leaf(_) => 1,
                })
                .sum()
        }
        count(&self.item)
    }

    pub fn args_text(&self) -> String {
        render(&self.args).to_string()
    }

    pub fn item_text(&self) -> String {
        render(&self.item).to_string()
    }

    /// Applies `count` mutations, with another seed as donor for
    /// splicing; returns the names of those that changed something.
    pub fn mutate(&mut self, donor: &Mutant, rng: &mut Rng, count: usize) -> Vec<&'static str> {
        let mut applied = Vec::new();
        for _ in 0..count {
            let (name, mutation) = *rng.pick(MUTATIONS);
            if mutation(self, donor, rng) {
                applied.push(name);
            }
        }
        applied
    }
}

/// A node's address: which root (0 = arguments, 1 = module) and the index
/// in each group down to it.
pub type Path = (usize, Vec<usize>);

fn paths(nodes: &[Node], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    for (i, node) in nodes.iter().enumerate() {
        prefix.push(i);
        out.push(prefix.clone());
        if let Node::Group(_, children) = node {
            paths(children, prefix, out);
        }
        prefix.pop();
    }
}

/// Every node of a mutant that `keep` accepts; arguments are one pick in ten.
fn candidates(mutant: &Mutant, rng: &mut Rng, keep: impl Fn(&Node) -> bool) -> Vec<Path> {
    let root = usize::from(mutant.args.is_empty() || !rng.chance(10));
    let nodes = if root == 0 {
        &mutant.args
    } else {
        &mutant.item
    };
    let mut all = Vec::new();
    paths(nodes, &mut Vec::new(), &mut all);
    all.into_iter()
        .filter(|path| keep(node_at(nodes, path)))
        .map(|path| (root, path))
        .collect()
}

fn pick_path(mutant: &Mutant, rng: &mut Rng, keep: impl Fn(&Node) -> bool) -> Option<Path> {
    let all = candidates(mutant, rng, keep);
    (!all.is_empty()).then(|| rng.pick(&all).clone())
}

fn node_at<'a>(nodes: &'a [Node], path: &[usize]) -> &'a Node {
    let mut node = &nodes[path[0]];
    for &i in &path[1..] {
        let Node::Group(_, children) = node else {
            unreachable!("paths go through groups")
        };
        node = &children[i];
    }
    node
}

/// The list holding the node at `path`, and the node's index in it.
fn parent_mut<'a>(mutant: &'a mut Mutant, path: &Path) -> (&'a mut Vec<Node>, usize) {
    let (root, indices) = path;
    let mut list = if *root == 0 {
        &mut mutant.args
    } else {
        &mut mutant.item
    };
    let (at, down) = indices.split_last().expect("paths are not empty");
    for &i in down {
        let Node::Group(_, children) = &mut list[i] else {
            unreachable!("paths go through groups")
        };
        list = children;
    }
    (list, *at)
}

fn any(_: &Node) -> bool {
    true
}

fn is_group(node: &Node) -> bool {
    matches!(node, Node::Group(..))
}

fn delete(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let Some(path) = pick_path(mutant, rng, any) else {
        return false;
    };
    let (list, i) = parent_mut(mutant, &path);
    list.remove(i);
    true
}

fn duplicate(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let Some(path) = pick_path(mutant, rng, any) else {
        return false;
    };
    let (list, i) = parent_mut(mutant, &path);
    list.insert(i + 1, list[i].clone());
    true
}

fn swap_neighbours(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let Some(path) = pick_path(mutant, rng, any) else {
        return false;
    };
    let (list, i) = parent_mut(mutant, &path);
    if i + 1 >= list.len() {
        return false;
    }
    list.swap(i, i + 1);
    true
}

fn empty_group(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let Some(path) = pick_path(mutant, rng, is_group) else {
        return false;
    };
    let (list, i) = parent_mut(mutant, &path);
    if let Node::Group(_, children) = &mut list[i] {
        children.clear();
    }
    true
}

fn truncate_group(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let Some(path) = pick_path(
        mutant,
        rng,
        |n| matches!(n, Node::Group(_, c) if !c.is_empty()),
    ) else {
        return false;
    };
    let (list, i) = parent_mut(mutant, &path);
    if let Node::Group(_, children) = &mut list[i] {
        let at = rng.below(children.len());
        children.truncate(at);
    }
    true
}

fn hostile_literal(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let literal = |n: &Node| matches!(n, Node::Leaf(TokenTree::Literal(_)));
    let Some(path) = pick_path(mutant, rng, literal).or_else(|| pick_path(mutant, rng, any)) else {
        return false;
    };
    let replacement = if rng.chance(5) {
        // A 2,000-character string.
        format!("\"{}\"", "a".repeat(2000))
    } else {
        (*rng.pick(HOSTILE_LITERALS)).to_owned()
    };
    let (list, i) = parent_mut(mutant, &path);
    list.splice(i..=i, snippet(&replacement));
    true
}

fn idents(nodes: &[Node], out: &mut Vec<String>) {
    for node in nodes {
        match node {
            Node::Group(_, children) => idents(children, out),
            Node::Leaf(TokenTree::Ident(ident)) => out.push(ident.to_string()),
            Node::Leaf(_) => {}
        }
    }
}

fn replace_ident(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let ident = |n: &Node| matches!(n, Node::Leaf(TokenTree::Ident(_)));
    let Some(path) = pick_path(mutant, rng, ident) else {
        return false;
    };
    let replacement = match rng.below(10) {
        0..6 => {
            // Another name of the same stack.
            let mut names = Vec::new();
            idents(&mutant.item, &mut names);
            rng.pick(&names).clone()
        }
        6..8 => {
            // The same name, raw.
            let Node::Leaf(TokenTree::Ident(old)) = node_at(
                if path.0 == 0 {
                    &mutant.args
                } else {
                    &mutant.item
                },
                &path.1,
            ) else {
                unreachable!("picked an identifier")
            };
            let old = old.to_string();
            if old.starts_with("r#") || ["self", "super", "crate", "Self", "_"].contains(&&*old) {
                "r#Logs".to_owned()
            } else {
                format!("r#{old}")
            }
        }
        _ => (*rng.pick(HOSTILE_IDENTS)).to_owned(),
    };
    let (list, i) = parent_mut(mutant, &path);
    list.splice(i..=i, snippet(&replacement));
    true
}

fn swap_punct(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let punct = |n: &Node| matches!(n, Node::Leaf(TokenTree::Punct(_)));
    let Some(path) = pick_path(mutant, rng, punct) else {
        return false;
    };
    let (list, i) = parent_mut(mutant, &path);
    let Node::Leaf(TokenTree::Punct(old)) = &list[i] else {
        unreachable!("picked a punctuation")
    };
    let new = match old.as_char() {
        ':' => '=',
        '=' => ':',
        ',' => ';',
        ';' => ',',
        _ => '.',
    };
    // Alone, so the new character never glues onto a neighbour into a
    // token the lexer rejects.
    list[i] = Node::Leaf(TokenTree::Punct(Punct::new(new, Spacing::Alone)));
    true
}

/// Wraps a node in 100 nested brackets; rarely in 3,000, deeper than any
/// stack should be written, to check that depth is bounded.
fn wrap(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let Some(path) = pick_path(mutant, rng, any) else {
        return false;
    };
    let levels = if rng.chance(2) { 3000 } else { 100 };
    let (list, i) = parent_mut(mutant, &path);
    let mut node = list[i].clone();
    for _ in 0..levels {
        node = Node::Group(Delimiter::Bracket, vec![node]);
    }
    list[i] = node;
    true
}

/// Inserts `#[repeat(…)]` with a hostile loop before a declaring attribute.
fn insert_repeat(mutant: &mut Mutant, _: &Mutant, rng: &mut Rng) -> bool {
    let mut all = Vec::new();
    paths(&mutant.item, &mut Vec::new(), &mut all);
    let spots: Vec<Vec<usize>> = all
        .into_iter()
        .filter(|path| {
            let (last, up) = path.split_last().expect("paths are not empty");
            let siblings = match up {
                [] => &mutant.item,
                up => match node_at(&mutant.item, up) {
                    Node::Group(_, children) => children,
                    Node::Leaf(_) => unreachable!("paths go through groups"),
                },
            };
            let hash =
                matches!(&siblings[*last], Node::Leaf(TokenTree::Punct(p)) if p.as_char() == '#');
            let declares = matches!(
                siblings.get(last + 1),
                Some(Node::Group(Delimiter::Bracket, inner)) if matches!(
                    inner.first(),
                    Some(Node::Leaf(TokenTree::Ident(name)))
                        if name == "resource" || name == "output" || name == "parameter"
                )
            );
            hash && declares
        })
        .collect();
    if spots.is_empty() {
        return false;
    }
    let path = rng.pick(&spots).clone();
    let repeat = format!("#[repeat({})]", rng.pick(HOSTILE_REPEATS));
    let (list, i) = parent_mut(mutant, &(1, path));
    list.splice(i..i, snippet(&repeat));
    true
}

/// Inserts, or puts in place of a node, a node of another seed.
fn splice(mutant: &mut Mutant, donor: &Mutant, rng: &mut Rng) -> bool {
    let Some((root, from)) = pick_path(donor, rng, any) else {
        return false;
    };
    let node = node_at(if root == 0 { &donor.args } else { &donor.item }, &from).clone();
    let Some(path) = pick_path(mutant, rng, any) else {
        return false;
    };
    let (list, i) = parent_mut(mutant, &path);
    if rng.chance(50) {
        list.insert(i, node);
    } else {
        list[i] = node;
    }
    true
}

/// A shrinking step of the minimizer.
#[derive(Clone, Copy)]
pub enum Edit {
    /// Removes the node.
    Remove,
    /// Puts a group's tokens in its place.
    Unwrap,
    /// Empties a group.
    Empty,
    /// Removes the node and those after it up to the next `;` (an item).
    RemoveThroughSemicolon,
    /// Removes the node and those after it up to the next `,` (an entry).
    RemoveThroughComma,
}

/// The paths of the nodes at one depth (1 = top level), both roots.
pub fn paths_at_depth(mutant: &Mutant, depth: usize, out: &mut Vec<Path>) {
    for (root, nodes) in [(0, &mutant.args), (1, &mutant.item)] {
        let mut all = Vec::new();
        paths(nodes, &mut Vec::new(), &mut all);
        out.extend(
            all.into_iter()
                .filter(|path| path.len() == depth)
                .map(|path| (root, path)),
        );
    }
}

impl Mutant {
    /// Whether a path still leads to a node.
    pub fn has(&self, path: &Path) -> bool {
        let (root, indices) = path;
        let mut list = if *root == 0 { &self.args } else { &self.item };
        for (depth, &i) in indices.iter().enumerate() {
            match list.get(i) {
                Some(_) if depth + 1 == indices.len() => return true,
                Some(Node::Group(_, children)) => list = children,
                None | Some(Node::Leaf(_)) => return false,
            }
        }
        false
    }

    /// Applies a shrinking step; false if it does not apply there.
    pub fn edit(&mut self, path: &Path, edit: Edit) -> bool {
        let (list, i) = parent_mut(self, path);
        match (edit, &mut list[i]) {
            (Edit::Remove, _) => {
                list.remove(i);
            }
            (Edit::Unwrap, Node::Group(_, children)) => {
                let children = std::mem::take(children);
                list.splice(i..=i, children);
            }
            (Edit::Empty, Node::Group(_, children)) if !children.is_empty() => children.clear(),
            (Edit::RemoveThroughSemicolon | Edit::RemoveThroughComma, _) => {
                let end = if matches!(edit, Edit::RemoveThroughSemicolon) {
                    ';'
                } else {
                    ','
                };
                let Some(length) = list[i..].iter().position(
                    |n| matches!(n, Node::Leaf(TokenTree::Punct(p)) if p.as_char() == end),
                ) else {
                    return false;
                };
                list.drain(i..=i + length);
            }
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn donor() -> Mutant {
        Mutant::parse("", "mod other { #[parameter(String)] struct Name; }")
    }

    fn mutant() -> Mutant {
        Mutant::parse(
            "description = \"x\"",
            "mod logs { #[resource(AWS::Logs::LogGroup { retention_in_days: 7 })] struct Logs; }",
        )
    }

    /// Runs a test on a thread with room for the 3,000-deep wraps.
    fn with_big_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(f)
            .expect("spawn")
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
    }

    #[test]
    fn every_mutation_changes_a_stack_and_keeps_it_lexable() {
        with_big_stack(every_mutation_changes);
    }

    fn every_mutation_changes() {
        for (name, mutation) in MUTATIONS {
            let mut changed = 0;
            for case in 0..50 {
                let mut m = mutant();
                let before = m.item_text() + &m.args_text();
                if mutation(&mut m, &donor(), &mut Rng::for_case(1, case)) {
                    let after = m.item_text() + &m.args_text();
                    TokenStream::from_str(&m.item_text()).expect("mutants lex");
                    changed += usize::from(after != before);
                }
            }
            assert!(changed > 0, "`{name}` never changed the stack");
        }
    }

    #[test]
    fn mutation_is_deterministic() {
        let run = || {
            let mut m = mutant();
            m.mutate(&donor(), &mut Rng::for_case(9, 9), 4);
            m.item_text()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn wrap_nests_a_hundred_deep() {
        with_big_stack(wrap_nests);
    }

    fn wrap_nests() {
        let mut m = mutant();
        let before = depth(&m.item);
        let mut rng = Rng::new(3);
        while !wrap(&mut m, &donor(), &mut rng) {}
        assert!(depth(&m.item) >= 100 && depth(&m.item) <= before + 3000);
    }
}
