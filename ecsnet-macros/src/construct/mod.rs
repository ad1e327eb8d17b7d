//! Constructs: a named group of declarations with typed inputs, defined
//! once and instantiated in any stack, of the same crate or another.
//!
//! A proc macro sees only its own input, so a stack cannot read a
//! construct's definition from another module or crate. The definition is
//! therefore handed over by the compiler, in the callback style of
//! `macro_rules!`:
//!
//! 1. `#[construct] mod private_subnet { … }` expands to a `macro_rules!`
//!    that holds the definition's tokens and, when called as
//!    `private_subnet! { { callback } { state } }`, calls
//!    `callback! { state @construct { definition } }`.
//! 2. `#[stack]`, finding an instance `#[construct(path { … })] struct X;`
//!    whose definition it has not seen, expands to a call of `path!` with
//!    `__stack_resume` as the callback and its own arguments and module, the
//!    definitions it has, and the path it asks, as the state.
//! 3. `__stack_resume!` receives the state and the definition, and goes on
//!    as `#[stack]` would, with one definition more: the next unseen
//!    construct is called the same way, and once every definition is known
//!    each instance becomes ordinary declarations, which the stack parses
//!    and checks like any other.
//!
//! Tokens pass through as they are, so an error caused by an argument
//! points at the argument in the stack, and an error in the construct's
//! own text points at that text (within one crate; rustc reports a macro
//! of another crate at the instance).

pub mod definition;
pub mod instance;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

/// How many rounds of callbacks one stack may take: each round supplies
/// one construct's definition, and a construct may instantiate others.
pub const MAX_ROUNDS: usize = 64;

/// The definitions a stack has received, in order, each with the path its
/// instances name it by (as text, spaces removed).
#[derive(Default, Clone)]
pub struct Definitions {
    pub entries: Vec<(String, TokenStream)>,
}

impl Definitions {
    pub fn get(&self, path: &str) -> Option<&TokenStream> {
        self.entries.iter().find(|(p, _)| p == path).map(|(_, d)| d)
    }

    /// The definitions as tokens, to carry through a callback:
    /// `[path] { definition } …`.
    fn to_tokens(&self) -> TokenStream {
        let mut out = TokenStream::new();
        for (path, definition) in &self.entries {
            let path: TokenStream = path.parse().unwrap_or_default();
            out.extend(quote!([#path] { #definition }));
        }
        out
    }
}

/// The path of a construct as text, for matching instances with
/// definitions: `constructs::private_subnet`.
pub fn path_text(path: &TokenStream) -> String {
    path.to_string().replace(' ', "")
}

/// `path! { { crate::__stack_resume } { (args) (module) (definitions) [path] } }`:
/// the call that asks the construct at `path` for its definition; the
/// path comes back with the state, to file the definition under.
pub fn request(
    krate: &syn::Path,
    path: &TokenStream,
    args: &TokenStream,
    module: &TokenStream,
    definitions: &Definitions,
) -> TokenStream {
    let known = definitions.to_tokens();
    let mut args_group = Group::new(Delimiter::Parenthesis, args.clone());
    args_group.set_span(proc_macro2::Span::call_site());
    quote! {
        #path ! { { #krate::__stack_resume } { #args_group ( #module ) ( #known ) [ #path ] } }
    }
}

/// The state a callback carries back: the stack's arguments, its module,
/// the definitions known before, and the one just supplied.
pub struct Resumed {
    pub args: TokenStream,
    pub module: TokenStream,
    pub definitions: Definitions,
    /// The path the stack asked, and the definition the construct supplied.
    pub supplied: (String, TokenStream),
}

/// Reads `(args) (module) (definitions) [path] @construct { definition }`.
pub fn resumed(input: TokenStream) -> Result<Resumed, String> {
    let trees: Vec<TokenTree> = input.into_iter().collect();
    let group = |i: usize, delimiter: Delimiter| match trees.get(i) {
        Some(TokenTree::Group(g)) if g.delimiter() == delimiter => Some(g.stream()),
        _ => None,
    };
    let malformed = || {
        "`__stack_resume!` is called by constructs, with the state `#[stack]` gave them".to_owned()
    };
    let args = group(0, Delimiter::Parenthesis).ok_or_else(malformed)?;
    let module = group(1, Delimiter::Parenthesis).ok_or_else(malformed)?;
    let known = group(2, Delimiter::Parenthesis).ok_or_else(malformed)?;
    let requested = group(3, Delimiter::Bracket).ok_or_else(malformed)?;
    match (trees.get(4), trees.get(5)) {
        (Some(TokenTree::Punct(p)), Some(TokenTree::Ident(word)))
            if p.as_char() == '@' && word == "construct" => {}
        _ => return Err(malformed()),
    }
    let supplied = group(6, Delimiter::Brace).ok_or_else(malformed)?;
    let mut definitions = Definitions::default();
    let known: Vec<TokenTree> = known.into_iter().collect();
    for pair in known.chunks(2) {
        if let [TokenTree::Group(path), TokenTree::Group(definition)] = pair {
            definitions
                .entries
                .push((path_text(&path.stream()), definition.stream()));
        } else {
            return Err(malformed());
        }
    }
    Ok(Resumed {
        args,
        module,
        definitions,
        supplied: (path_text(&requested), supplied),
    })
}
