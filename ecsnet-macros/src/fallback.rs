//! What the macro emits when the input is not a stack module at all: the
//! user's item unchanged beside the errors, so one mistake does not turn
//! into a cascade of "cannot find" errors elsewhere.

use proc_macro2::TokenStream;
use quote::quote;

use crate::diag::Errors;

pub fn unparsed(item: &TokenStream, errors: Errors) -> TokenStream {
    let errors = errors.finish().unwrap_or_default();
    quote!(#errors #item)
}
