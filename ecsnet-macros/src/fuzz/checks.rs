//! What each case is checked for: no panic, bounded work, every error
//! inside the input, valid Rust out, and, where the stack has no error, a
//! model CloudFormation accepts.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;

use proc_macro2::{Span, TokenStream, TokenTree};

use crate::diag::Errors;
use crate::model::{DeclarationKind, Object, Stack, Value, ValueKind};

/// The most units of work (`crate::diag::step`) one expansion may take,
/// whatever its input. The seeds take at most a few thousand, and a stack at
/// CloudFormation's limit of 500 resources with a dozen values each some
/// tens of thousands per rule that walks every value; a million is far above
/// any stack that can be deployed, and far below a loop that runs away.
pub const STEP_BOUND: u64 = 1_000_000;

/// The deepest input whose expansion is checked to parse as Rust.
const OUTPUT_PARSE_DEPTH: usize = 24;

fn token_depth(tokens: &TokenStream) -> usize {
    tokens
        .clone()
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(group) => 1 + token_depth(&group.stream()),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// What kind of defect a finding is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Kind {
    /// The macro panicked.
    Panic,
    /// The expansion took more than [`STEP_BOUND`] units of work.
    Work,
    /// An error points outside the input (or at the call site).
    Span,
    /// The expansion is not Rust items.
    Output,
    /// A stack accepted without error breaks a CloudFormation rule the
    /// model should have enforced.
    Model,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Panic => "panic",
            Kind::Work => "unbounded work",
            Kind::Span => "error outside the input",
            Kind::Output => "expansion is not Rust",
            Kind::Model => "accepted a broken stack",
        })
    }
}

/// One defect found in one case.
#[derive(Clone, Debug)]
pub struct Finding {
    pub kind: Kind,
    pub message: String,
}

/// What one expansion did.
#[derive(Default)]
pub struct Evaluation {
    pub findings: Vec<Finding>,
    /// How many `compile_error!`s the expansion has.
    pub errors: usize,
    pub steps: u64,
    /// For a stack accepted without error: its module's name, and whether
    /// it can stand alone as a program (it holds no Rust expression such as
    /// `include_str!`, whose meaning depends on files beside the seed).
    pub accepted: Option<(String, bool)>,
}

thread_local! {
    /// Whether this thread is running the macro, whose panics are findings
    /// (reported with their case, not printed by the panic hook).
    pub static IN_MACRO: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic in the macro happened, set by the harness's
    /// panic hook.
    pub static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs the macro's `f`, turning a panic into its message and location.
fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    IN_MACRO.set(true);
    let result = catch_unwind(AssertUnwindSafe(f));
    IN_MACRO.set(false);
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(a panic without a message)".to_owned());
        let location = PANIC_LOCATION
            .with(|l| l.borrow_mut().take())
            .unwrap_or_default();
        format!("{message} (at {location})")
    })
}

/// Expands `#[stack(args)] item` and checks the result. Runs on the current
/// thread: callers give it a fresh thread with a small stack, so its source
/// map of spans holds this input alone. `Err` if the text does not lex.
pub fn evaluate(args_text: &str, item_text: &str) -> Result<Evaluation, proc_macro2::LexError> {
    let args = TokenStream::from_str(args_text)?;
    let item = TokenStream::from_str(item_text)?;
    let files: Vec<(String, &str)> = [(&args, args_text), (&item, item_text)]
        .into_iter()
        .filter_map(|(tokens, text)| {
            let first = tokens.clone().into_iter().next()?;
            Some((first.span().file(), text))
        })
        .collect();
    Ok(evaluate_tokens(args, &item, &files))
}

/// Expands and checks tokens whose spans point into `files` (name, text).
pub fn evaluate_tokens(
    args: TokenStream,
    item: &TokenStream,
    files: &[(String, &str)],
) -> Evaluation {
    let mut evaluation = Evaluation::default();
    crate::diag::reset_steps();
    let expanded = catch(|| crate::expand::stack(args.clone(), item));
    evaluation.steps = crate::diag::steps_taken();
    let out = match expanded {
        Ok(out) => out,
        Err(message) => {
            evaluation.findings.push(Finding {
                kind: Kind::Panic,
                message,
            });
            return evaluation;
        }
    };
    if evaluation.steps > STEP_BOUND {
        evaluation.findings.push(Finding {
            kind: Kind::Work,
            message: format!(
                "{} units of work, over the bound of {STEP_BOUND}",
                evaluation.steps
            ),
        });
    }
    let errors = compile_errors(&out);
    evaluation.errors = errors.len();
    for (message, spans) in &errors {
        if let Some(problem) = spans.iter().find_map(|span| outside(*span, files)) {
            evaluation.findings.push(Finding {
                kind: Kind::Span,
                message: format!("error {problem}: {message}"),
            });
        }
    }
    if errors.is_empty() {
        // The expansion of a stack without error is Rust items. (With
        // errors, it holds the module as written, which need not parse.)
        // syn's expression parser takes tens of KiB of stack per nesting
        // level in a debug build: the expansion of a deeply nested input is
        // left to rustc's parser, which grows its stack as it needs.
        if token_depth(item) <= OUTPUT_PARSE_DEPTH {
            match syn::parse2::<syn::File>(out) {
                Ok(file) => {
                    if let Some(name) = defined_twice(&file) {
                        evaluation.findings.push(Finding {
                            kind: Kind::Output,
                            message: format!(
                                "the expansion defines `{name}` twice: rustc reports E0428 instead of the macro"
                            ),
                        });
                    }
                }
                Err(error) => evaluation.findings.push(Finding {
                    kind: Kind::Output,
                    message: format!("the expansion does not parse as items: {error}"),
                }),
            }
        }
        match catch(|| model_of(args, item)) {
            Ok(Ok((name, standalone, problems))) => {
                evaluation.accepted = Some((name, standalone));
                evaluation
                    .findings
                    .extend(problems.into_iter().map(|message| Finding {
                        kind: Kind::Model,
                        message,
                    }));
            }
            Ok(Err(message)) => evaluation.findings.push(Finding {
                kind: Kind::Model,
                message: format!("parse and check report what the expansion did not: {message}"),
            }),
            Err(message) => evaluation.findings.push(Finding {
                kind: Kind::Panic,
                message,
            }),
        }
    }
    evaluation
}

/// A struct name the expanded module defines twice, if any.
fn defined_twice(file: &syn::File) -> Option<String> {
    let mut names = Vec::new();
    for item in &file.items {
        let syn::Item::Mod(module) = item else {
            continue;
        };
        let Some((_, items)) = &module.content else {
            continue;
        };
        let mut visit = |item: &syn::Item| {
            if let syn::Item::Struct(s) = item {
                let name = s.ident.to_string();
                if names.contains(&name) {
                    return Some(name);
                }
                names.push(name);
            }
            None
        };
        for item in items {
            if let syn::Item::Verbatim(tokens) = item {
                // The generated part: parse its items too.
                if let Ok(generated) = syn::parse2::<syn::File>(tokens.clone()) {
                    for item in &generated.items {
                        if let Some(name) = visit(item) {
                            return Some(name);
                        }
                    }
                }
            } else if let Some(name) = visit(item) {
                return Some(name);
            }
        }
    }
    None
}

/// Parses and checks again, to inspect the model: the module's name,
/// whether it stands alone, and what is wrong with it.
fn model_of(args: TokenStream, item: &TokenStream) -> Result<(String, bool, Vec<String>), String> {
    let errors = Errors::new();
    let item = crate::parse::cut_deep_groups(item.clone(), &errors);
    let parsed = crate::parse::parse(args, &item, &errors);
    let result = parsed.as_ref().map(|parsed| {
        crate::check::check(&parsed.stack, &parsed.broken, &errors);
        let mut standalone = true;
        parsed.stack.walk_values(&mut |_, value| {
            standalone &= !matches!(value.kind, ValueKind::Rust(_));
        });
        (
            parsed.stack.ident.to_string(),
            standalone,
            model_problems(&parsed.stack),
        )
    });
    let finished = errors.finish();
    match (result, finished) {
        (Ok(result), None) => Ok(result),
        (Err(error), _) => Err(error.to_string()),
        (_, Some(errors)) => Err(errors.to_string()),
    }
}

/// The `compile_error!`s at the top level of an expansion: each message,
/// with the spans of its first and last token.
pub fn compile_errors(out: &TokenStream) -> Vec<(String, [Span; 2])> {
    let tokens: Vec<TokenTree> = out.clone().into_iter().collect();
    let mut found = Vec::new();
    for window in tokens.windows(3) {
        if let [
            TokenTree::Ident(name),
            TokenTree::Punct(bang),
            TokenTree::Group(group),
        ] = window
            && name == "compile_error"
            && bang.as_char() == '!'
        {
            let message = syn::parse2::<syn::LitStr>(group.stream())
                .map_or_else(|_| group.stream().to_string(), |lit| lit.value());
            found.push((message, [name.span(), group.span()]));
        }
    }
    found
}

/// Why a span is not inside the input, if it is not.
pub fn outside(span: Span, files: &[(String, &str)]) -> Option<String> {
    let file = span.file();
    let Some((_, text)) = files.iter().find(|(name, _)| *name == file) else {
        return Some(if file == "<unspecified>" {
            "at the call site".to_owned()
        } else {
            format!("in {file}, which is not the input")
        });
    };
    for position in [span.start(), span.end()] {
        let line = position
            .line
            .checked_sub(1)
            .and_then(|line| text.lines().nth(line));
        if line.is_none_or(|line| position.column > line.chars().count()) {
            return Some(format!(
                "at {}:{}, outside the input",
                position.line, position.column
            ));
        }
    }
    None
}

/// What is wrong with a stack the macro accepted: logical ids that
/// CloudFormation refuses (not ASCII letters and digits, longer than 255,
/// or repeated), no resource at all, a key twice in one object, a number
/// that is not finite, a parameter default that is not a plain value.
pub fn model_problems(stack: &Stack) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids: Vec<(&str, String)> = Vec::new();
    let mut resources = 0;
    for declaration in &stack.declarations {
        let id = declaration.ident.to_string();
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            problems.push(format!("logical id `{id}` is not ASCII letters and digits"));
        }
        if id.len() > 255 {
            problems.push(format!("logical id `{id}` is longer than 255 characters"));
        }
        // Outputs, conditions and mappings are namespaces of their own.
        let namespace = match &declaration.kind {
            DeclarationKind::Parameter(_) | DeclarationKind::Resource(_) => "parameter or resource",
            _ => declaration.kind_name(),
        };
        let key = (namespace, id);
        if ids.contains(&key) {
            problems.push(format!("logical id `{}` is declared twice", key.1));
        }
        ids.push(key);
        match &declaration.kind {
            DeclarationKind::Resource(resource) => {
                resources += 1;
                for object in [
                    Some(&resource.properties),
                    resource.metadata.as_ref(),
                    resource.creation_policy.as_ref(),
                    resource.update_policy.as_ref(),
                ]
                .into_iter()
                .flatten()
                {
                    object_problems(object, &mut problems);
                }
            }
            DeclarationKind::Parameter(parameter) => {
                if let Some(default) = &parameter.default {
                    let mut finite = true;
                    default.walk(&mut |value| {
                        finite &= !matches!(value.kind, ValueKind::Float(n) if !n.is_finite());
                    });
                    if !finite {
                        problems.push(format!(
                            "the default of `{}` is not finite; the template would say `inf`",
                            declaration.ident
                        ));
                    } else if !is_plain(default, true) {
                        problems.push(format!(
                            "the default of `{}` is not a string, number or boolean",
                            declaration.ident
                        ));
                    }
                }
            }
            DeclarationKind::Output(_)
            | DeclarationKind::Condition(_)
            | DeclarationKind::Mapping(_) => {}
        }
    }
    if resources == 0 {
        problems.push("the template has no resource; CloudFormation requires one".to_owned());
    }
    stack.walk_values(&mut |_, value| match &value.kind {
        ValueKind::Object(object) => duplicate_keys(object, &mut problems),
        ValueKind::Sub(sub) => {
            if let Some(variables) = &sub.variables {
                duplicate_keys(variables, &mut problems);
            }
        }
        ValueKind::Float(n) if !n.is_finite() => {
            problems.push(format!(
                "the number {n} is not finite; JSON has no such number"
            ));
        }
        _ => {}
    });
    problems
}

fn object_problems(object: &Object, problems: &mut Vec<String>) {
    duplicate_keys(object, problems);
}

fn duplicate_keys(object: &Object, problems: &mut Vec<String>) {
    for (i, entry) in object.entries.iter().enumerate() {
        if object.entries[..i]
            .iter()
            .any(|earlier| earlier.key.name == entry.key.name)
        {
            problems.push(format!("key `{}` twice in one object", entry.key.name));
        }
    }
}

/// A string, a finite number or a boolean; in a list too, if `list`.
fn is_plain(value: &Value, list: bool) -> bool {
    match &value.kind {
        ValueKind::Str(_) | ValueKind::Int(_) | ValueKind::Bool(_) => true,
        ValueKind::Float(n) => n.is_finite(),
        ValueKind::List(items) => list && items.iter().all(|item| is_plain(item, false)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn a_call_site_error_is_outside_the_input() {
        let text = "mod m {}";
        let item = TokenStream::from_str(text).unwrap();
        let file = item.clone().into_iter().next().unwrap().span().file();
        let files = [(file, text)];
        let inside = item.into_iter().next().unwrap().span();
        assert_eq!(outside(inside, &files), None);
        assert_eq!(
            outside(Span::call_site(), &files).as_deref(),
            Some("at the call site")
        );
        let other = TokenStream::from_str("x").unwrap();
        let elsewhere = other.into_iter().next().unwrap().span();
        assert!(
            outside(elsewhere, &files)
                .unwrap()
                .contains("not the input")
        );
    }

    #[test]
    fn finds_compile_errors_with_their_messages() {
        let error = syn::Error::new(Span::call_site(), "boom").to_compile_error();
        let out = quote!(#error mod m {});
        let found = compile_errors(&out);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "boom");
    }

    #[test]
    fn an_empty_stack_is_a_model_problem() {
        let errors = Errors::new();
        let parsed = crate::parse::parse(
            TokenStream::new(),
            &quote!(
                mod m {
                    #[parameter(String)]
                    struct Name;
                }
            ),
            &errors,
        )
        .unwrap_or_else(|_| panic!("parses"));
        let _ = errors.finish();
        let problems = model_problems(&parsed.stack);
        assert!(
            problems.iter().any(|p| p.contains("no resource")),
            "{problems:?}"
        );
    }
}
