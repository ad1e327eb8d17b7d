//! The hand-written decoder of `data/resources.txt` (format: `spec/README.md`).
//!
//! The header (enumeration table and type index) is split into lines once;
//! a type's block is decoded on its first lookup and cached. Every decoded
//! string that appears verbatim in the artifact borrows from it; the rest
//! (computed identifiers, paths, unescaped values) is leaked once.

use std::fmt;
use std::sync::OnceLock;

use crate::constraints::{self, TypeConstraints};
use crate::{Attribute, Property, Relation, ResourceType, Shape, Struct};

/// The artifact, embedded so that cargo rebuilds when it changes.
static DATA: &str = include_str!("../data/resources.txt");

/// The first line of an artifact this decoder reads.
const FORMAT: &str = "ecsnet-schema 4";

const TEMPLATE_REFERENCE: &str =
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/";

/// Where SAM documents its resource types (`sam-resource-function.html`).
const SAM_GUIDE: &str =
    "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/";

/// The embedded data could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The resource type being decoded, if any.
    pub type_name: Option<&'static str>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.type_name {
            Some(name) => write!(f, "ecsnet-schema data, type {name}: {}", self.message),
            None => write!(f, "ecsnet-schema data: {}", self.message),
        }
    }
}

impl std::error::Error for DecodeError {}

fn err<T>(message: impl Into<String>) -> Result<T, DecodeError> {
    Err(DecodeError {
        type_name: None,
        message: message.into(),
    })
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// The header of the artifact, parsed once.
pub(crate) struct Catalog {
    /// Lines of the enumeration table (tab-separated, escaped values).
    enum_lines: Vec<&'static str>,
    enums: Vec<OnceLock<Result<&'static [&'static str], DecodeError>>>,
    names: Vec<&'static str>,
    offsets: Vec<usize>,
    body: &'static str,
    types: Vec<OnceLock<Result<&'static ResourceType, DecodeError>>>,
    constraints: Vec<OnceLock<Result<&'static TypeConstraints, DecodeError>>>,
    /// The date the data's time-dependent verdicts are taken at (`as-of` line).
    as_of: &'static str,
}

/// The catalog of the embedded artifact.
pub(crate) fn catalog() -> Result<&'static Catalog, DecodeError> {
    static CATALOG: OnceLock<Result<Catalog, DecodeError>> = OnceLock::new();
    CATALOG
        .get_or_init(|| Catalog::parse(DATA))
        .as_ref()
        .map_err(Clone::clone)
}

/// Splits off the next line (without its `\n`) and returns it with the rest.
fn next_line(text: &'static str) -> Option<(&'static str, &'static str)> {
    if text.is_empty() {
        return None;
    }
    Some(match text.split_once('\n') {
        Some((line, rest)) => (line, rest),
        None => (text, ""),
    })
}

fn counted(line: &str, key: &str) -> Result<usize, DecodeError> {
    line.strip_prefix(key)
        .and_then(|n| n.strip_prefix(' '))
        .and_then(|n| n.parse().ok())
        .map_or_else(
            || err(format!("expected `{key} <count>`, found {line:?}")),
            Ok,
        )
}

impl Catalog {
    fn parse(data: &'static str) -> Result<Catalog, DecodeError> {
        let Some((first, mut rest)) = next_line(data) else {
            return err("empty artifact");
        };
        if first != FORMAT {
            return err(format!(
                "expected {FORMAT:?} on the first line, found {first:?}"
            ));
        }
        let mut line;
        loop {
            let Some((l, r)) = next_line(rest) else {
                return err("no `enums` section");
            };
            rest = r;
            if !l.starts_with('#') {
                line = l;
                break;
            }
        }
        let Some(as_of) = line.strip_prefix("as-of ") else {
            return err(format!("expected `as-of <date>`, found {line:?}"));
        };
        let Some((l, r)) = next_line(rest) else {
            return err("no `enums` section");
        };
        (line, rest) = (l, r);
        let enum_count = counted(line, "enums")?;
        let mut enum_lines = Vec::with_capacity(enum_count);
        for _ in 0..enum_count {
            let Some((l, r)) = next_line(rest) else {
                return err("the enumeration table is cut short");
            };
            enum_lines.push(l);
            rest = r;
        }
        let Some((l, r)) = next_line(rest) else {
            return err("no `types` section");
        };
        (line, rest) = (l, r);
        let type_count = counted(line, "types")?;
        let mut names = Vec::with_capacity(type_count);
        let mut offsets = Vec::with_capacity(type_count);
        for _ in 0..type_count {
            let Some((l, r)) = next_line(rest) else {
                return err("the type index is cut short");
            };
            rest = r;
            let Some((name, offset)) = l.split_once(' ') else {
                return err(format!("bad index line {l:?}"));
            };
            let Ok(offset) = offset.parse::<usize>() else {
                return err(format!("bad offset in index line {l:?}"));
            };
            if names.last().is_some_and(|last| *last >= name) {
                return err(format!("the type index is not sorted at {name}"));
            }
            if offsets.last().is_some_and(|last| *last > offset) || offset > rest.len() {
                return err(format!("bad offset for {name}"));
            }
            names.push(name);
            offsets.push(offset);
        }
        let body = rest;
        if offsets.iter().any(|&o| !body.is_char_boundary(o)) {
            return err("an offset is not at a character boundary");
        }
        Ok(Catalog {
            enums: (0..enum_lines.len()).map(|_| OnceLock::new()).collect(),
            enum_lines,
            types: (0..names.len()).map(|_| OnceLock::new()).collect(),
            constraints: (0..names.len()).map(|_| OnceLock::new()).collect(),
            as_of,
            names,
            offsets,
            body,
        })
    }

    pub(crate) fn names(&self) -> &[&'static str] {
        &self.names
    }

    pub(crate) fn resource_type(
        &'static self,
        name: &str,
    ) -> Result<Option<&'static ResourceType>, DecodeError> {
        let Ok(i) = self.names.binary_search(&name) else {
            return Ok(None);
        };
        self.types[i]
            .get_or_init(|| {
                let (type_name, block) = self.block(i);
                TypeDecoder::new(self, type_name)
                    .decode(block)
                    .map(|t| &*Box::leak(Box::new(t)))
                    .map_err(|mut e| {
                        e.type_name = Some(type_name);
                        e
                    })
            })
            .clone()
            .map(Some)
    }

    /// The name and block of type #i.
    fn block(&self, i: usize) -> (&'static str, &'static str) {
        let start = self.offsets[i];
        let end = self.offsets.get(i + 1).copied().unwrap_or(self.body.len());
        (self.names[i], &self.body[start..end])
    }

    pub(crate) fn as_of(&self) -> &'static str {
        self.as_of
    }

    /// The constraints of a type (`V`, `D`, `X`, `M` lines), decoded on first use.
    pub(crate) fn constraints(
        &'static self,
        name: &str,
    ) -> Result<Option<&'static TypeConstraints>, DecodeError> {
        let Ok(i) = self.names.binary_search(&name) else {
            return Ok(None);
        };
        self.constraints[i]
            .get_or_init(|| {
                let (type_name, block) = self.block(i);
                let enums = |n: usize| self.enumeration(n).map_err(|e| e.message);
                constraints::decode(block, &enums)
                    .map(|t| &*Box::leak(Box::new(t)))
                    .map_err(|message| DecodeError {
                        type_name: Some(type_name),
                        message,
                    })
            })
            .clone()
            .map(Some)
    }

    pub(crate) fn enumeration(&self, index: usize) -> Result<&'static [&'static str], DecodeError> {
        let Some(&line) = self.enum_lines.get(index) else {
            return err(format!("no enumeration #{index}"));
        };
        self.enums[index]
            .get_or_init(|| {
                let mut values = Vec::new();
                for v in line.split('\t') {
                    values.push(if v.contains('\\') {
                        leak_str(unescape(v)?)
                    } else {
                        v
                    });
                }
                Ok(leak(values))
            })
            .clone()
    }
}

fn unescape(v: &str) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next() {
            Some('\\') => '\\',
            Some('t') => '\t',
            Some('n') => '\n',
            Some('r') => '\r',
            other => return err(format!("bad escape {other:?} in {v:?}")),
        });
    }
    Ok(out)
}

/// `VpcId` -> `vpc_id`: the identifier an ident written `-` stands for.
fn naive_snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().filter(|&c| c != '.').enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The AWS page of a type: the template reference's, or SAM's guide for a
/// type a transform defines.
fn docs_url(service: &str, resource: &str, sam: bool) -> &'static str {
    let resource = resource.to_ascii_lowercase();
    leak_str(if sam {
        format!("{SAM_GUIDE}sam-resource-{resource}.html")
    } else {
        format!("{TEMPLATE_REFERENCE}aws-resource-{service}-{resource}.html")
    })
}

fn ident(name: &'static str, written: &'static str) -> &'static str {
    if written == "-" {
        leak_str(naive_snake(name))
    } else {
        written
    }
}

struct TypeDecoder {
    catalog: &'static Catalog,
    type_name: &'static str,
    structs: Vec<&'static Struct>,
}

impl TypeDecoder {
    fn new(catalog: &'static Catalog, type_name: &'static str) -> TypeDecoder {
        TypeDecoder {
            catalog,
            type_name,
            structs: Vec::new(),
        }
    }

    fn decode(mut self, block: &'static str) -> Result<ResourceType, DecodeError> {
        let mut lines = block.lines();
        let Some(header) = lines.next().and_then(|l| l.strip_prefix("R ")) else {
            return err("the block does not start with `R `");
        };
        let mut fields = header.splitn(4, ' ');
        let (Some(name), Some(module_ident), Some(ref_returns)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return err(format!("bad `R` line {header:?}"));
        };
        let summary = fields.next().unwrap_or("");
        if name != self.type_name {
            return err(format!("the block is for {name}"));
        }
        let mut parts = name.split("::");
        let (Some(_), Some(service), Some(resource), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return err("not a three-part type name");
        };
        let service = service.to_ascii_lowercase();
        let module_ident = ident(resource, module_ident);

        // First pass: every nested struct, so shapes can point at any of them.
        for line in block.lines() {
            if let Some(struct_name) = line.strip_prefix("S ") {
                self.structs.push(Box::leak(Box::new(Struct::decoded(
                    struct_name,
                    leak_str(format!("{service}::{module_ident}::{struct_name}")),
                ))));
            }
        }

        let mut attributes = Vec::new();
        let mut transform = None;
        let mut expands_to = None;
        let mut create_only: &'static [&'static str] = &[];
        let mut properties = Vec::new();
        let mut current: Option<usize> = None; // the struct whose `P` lines follow
        let mut struct_props: Vec<Vec<Property>> =
            self.structs.iter().map(|_| Vec::new()).collect();
        for line in lines {
            let (tag, rest) = line.split_at_checked(2).unwrap_or((line, ""));
            match tag {
                "A " => {
                    for a in rest.split(' ') {
                        attributes.push(match a.split_once('=') {
                            Some((name, ident)) => Attribute { name, ident },
                            None => Attribute {
                                name: a,
                                ident: ident(a, "-"),
                            },
                        });
                    }
                }
                "C " => create_only = leak(rest.split(' ').collect()),
                "T " => {
                    let Some((name, target)) = rest.split_once(' ') else {
                        return err(format!("bad `T` line {line:?}"));
                    };
                    transform = Some(name);
                    expands_to = (target != "-").then_some(target);
                }
                "P " => {
                    let p = self.property(rest)?;
                    match current {
                        None => properties.push(p),
                        Some(i) => match struct_props.get_mut(i) {
                            Some(props) => props.push(p),
                            None => return err("more `S` lines than structs"),
                        },
                    }
                }
                "S " => current = Some(current.map_or(0, |i| i + 1)),
                // Constraints, decoded separately on first validation.
                "V " | "D " | "X " | "M " => {}
                _ => return err(format!("unexpected line {line:?}")),
            }
        }
        for (s, props) in self.structs.iter().zip(struct_props) {
            s.set_properties(leak(props));
        }
        Ok(ResourceType {
            name,
            core_path: leak_str(format!("{service}::{resource}")),
            properties: leak(properties),
            attributes: leak(attributes),
            ref_returns: (ref_returns != "-").then_some(ref_returns),
            docs_url: docs_url(&service, resource, transform.is_some()),
            summary,
            create_only,
            structs: leak(self.structs),
            transform,
            expands_to,
        })
    }

    /// `Name[!] ident shape [Type.Property ...]`
    fn property(&self, line: &'static str) -> Result<Property, DecodeError> {
        let mut fields = line.split(' ');
        let (Some(name), Some(written), Some(shape)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return err(format!("bad `P` line {line:?}"));
        };
        let (name, required) = match name.strip_suffix('!') {
            Some(name) => (name, true),
            None => (name, false),
        };
        let mut refers_to = Vec::new();
        for r in fields {
            let Some((type_name, property)) = r.split_once('.') else {
                return err(format!("bad relation {r:?}"));
            };
            refers_to.push(Relation {
                type_name,
                property,
            });
        }
        let mut parser = ShapeParser {
            text: shape,
            pos: 0,
            decoder: self,
        };
        let shape = parser.shape()?;
        if parser.pos != parser.text.len() {
            return err(format!("trailing characters in shape {:?}", parser.text));
        }
        Ok(Property {
            name,
            ident: ident(name, written),
            shape,
            required,
            refers_to: leak(refers_to),
        })
    }
}

/// Recursive descent over the shape grammar of `spec/README.md`.
struct ShapeParser<'a> {
    text: &'static str,
    pos: usize,
    decoder: &'a TypeDecoder,
}

impl ShapeParser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), DecodeError> {
        if self.eat(b) {
            Ok(())
        } else {
            err(format!(
                "expected `{}` at {} in shape {:?}",
                b as char, self.pos, self.text
            ))
        }
    }

    /// Digits with an optional leading `-`; `None` if there are none.
    fn int(&mut self) -> Result<Option<i64>, DecodeError> {
        let start = self.pos;
        self.eat(b'-');
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits = &self.text[start..self.pos];
        if digits.is_empty() {
            return Ok(None);
        }
        match digits.parse() {
            Ok(v) => Ok(Some(v)),
            Err(_) => err(format!("bad integer {digits:?} in shape {:?}", self.text)),
        }
    }

    fn index(&mut self) -> Result<usize, DecodeError> {
        match self.int()? {
            Some(v) => usize::try_from(v).map_or_else(|_| err("negative index"), Ok),
            None => err(format!(
                "expected an index at {} in shape {:?}",
                self.pos, self.text
            )),
        }
    }

    fn shape(&mut self) -> Result<Shape, DecodeError> {
        let Some(b) = self.peek() else {
            return err(format!("shape {:?} ends early", self.text));
        };
        self.pos += 1;
        Ok(match b {
            b's' => {
                let allowed = if self.eat(b'#') {
                    let i = self.index()?;
                    self.decoder.catalog.enumeration(i)?
                } else {
                    &[]
                };
                Shape::String { allowed }
            }
            b'i' => {
                let (mut minimum, mut maximum) = (None, None);
                if self.eat(b'(') {
                    minimum = self.int()?;
                    self.expect(b',')?;
                    maximum = self.int()?;
                    self.expect(b')')?;
                }
                let mut allowed = Vec::new();
                if self.eat(b'[') {
                    loop {
                        match self.int()? {
                            Some(v) => allowed.push(v),
                            None => return err(format!("expected an integer in {:?}", self.text)),
                        }
                        if !self.eat(b'|') {
                            break;
                        }
                    }
                    self.expect(b']')?;
                }
                Shape::Integer {
                    minimum,
                    maximum,
                    allowed: leak(allowed),
                }
            }
            b'n' => Shape::Number,
            b'b' => Shape::Boolean,
            b'j' => Shape::Json,
            b't' => Shape::Timestamp,
            b'l' => Shape::List(Box::leak(Box::new(self.shape()?))),
            b'm' => Shape::Map(Box::leak(Box::new(self.shape()?))),
            b'@' => {
                if self.text[self.pos..].starts_with("Tag") {
                    self.pos += 3;
                    Shape::Struct(crate::tag())
                } else {
                    let i = self.index()?;
                    match self.decoder.structs.get(i) {
                        Some(s) => Shape::Struct(s),
                        None => return err(format!("no struct #{i}")),
                    }
                }
            }
            b'u' => {
                self.expect(b'(')?;
                let mut members = vec![self.shape()?];
                while self.eat(b',') {
                    members.push(self.shape()?);
                }
                self.expect(b')')?;
                Shape::Union(leak(members))
            }
            other => {
                return err(format!(
                    "unknown shape `{}` in {:?}",
                    other as char, self.text
                ));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naive_snake_matches_the_generator() {
        assert_eq!(naive_snake("VpcId"), "vpc_id");
        assert_eq!(naive_snake("Endpoint.Address"), "endpoint_address");
        assert_eq!(naive_snake("A"), "a");
    }

    #[test]
    fn unescape_reverses_the_generator() {
        assert_eq!(unescape(r"a\tb\\c\nd").unwrap(), "a\tb\\c\nd");
        assert!(unescape(r"bad\q").is_err());
    }

    #[test]
    fn corrupt_artifacts_are_errors() {
        assert!(Catalog::parse("").is_err());
        assert!(Catalog::parse("ecsnet-schema 1\nenums 0\ntypes 0\n").is_err());
        assert!(Catalog::parse("ecsnet-schema 4\nas-of 2026-01-01\nenums 2\na\n").is_err());
        assert!(
            Catalog::parse(
                "ecsnet-schema 4\nas-of 2026-01-01\nenums 0\ntypes 2\nB::B::B 0\nA::A::A 0\n"
            )
            .is_err()
        );
        assert!(
            Catalog::parse("ecsnet-schema 4\nas-of 2026-01-01\nenums 0\ntypes 1\nA::A::A 99\n")
                .is_err()
        );
    }

    #[test]
    fn a_corrupt_block_is_an_error_not_a_panic() {
        let bad: &'static [&'static str] = &[
            "R A::A::A a - x\nP X - q\n",
            "R A::A::A a - x\nP X - s#7\n",
            "R A::A::A a - x\nP X - @3\n",
            "R A::A::A a - x\nP X - u(s\n",
            "R A::A::A a - x\nP X - i(1,x)\n",
            "R A::A::A a - x\nP X - ss\n",
            "R A::A::A a - x\nZ\n",
            "R A::A::A a - x\nT AWS::Serverless-2016-10-31\n",
            "R B::B::B a - x\n",
        ];
        for block in bad {
            let data = leak_str(format!(
                "ecsnet-schema 4\nas-of 2026-01-01\nenums 0\ntypes 1\nA::A::A 0\n{block}"
            ));
            let catalog: &'static Catalog = Box::leak(Box::new(Catalog::parse(data).unwrap()));
            assert!(
                catalog.resource_type("A::A::A").is_err(),
                "{block:?} decoded"
            );
        }
        let good = leak_str(
            "ecsnet-schema 4\nas-of 2026-01-01\nenums 1\nx\\ty\tz\ntypes 1\nA::A::A 0\n\
             R A::A::A a Id One sentence.\nA Id Arn=the_arn\nP Id! - s#0 B::B::B.Id\nP L - lu(i(1,),@0)\nS Inner\nP N - m@Tag\n"
                .to_string(),
        );
        let catalog: &'static Catalog = Box::leak(Box::new(Catalog::parse(good).unwrap()));
        let t = catalog.resource_type("A::A::A").unwrap().unwrap();
        assert_eq!(t.summary, "One sentence.");
        assert_eq!(
            t.attributes[1],
            Attribute {
                name: "Arn",
                ident: "the_arn"
            }
        );
        let Shape::String { allowed } = &t.properties[0].shape else {
            panic!()
        };
        assert_eq!(*allowed, ["x\ty", "z"]);
        assert_eq!(t.structs[0].core_path, "a::a::Inner");
        assert_eq!(t.structs[0].properties()[0].name, "N");
    }

    #[test]
    fn a_type_a_transform_defines_names_it_and_its_target() {
        let data = leak_str(
            "ecsnet-schema 4\nas-of 2026-01-01\nenums 0\ntypes 2\nAWS::Serverless::Connector 0\nAWS::Serverless::Function 78\n\
             R AWS::Serverless::Connector - -\nT AWS::Serverless-2016-10-31 -\nP Source! - j\n\
             R AWS::Serverless::Function - FunctionName A SAM resource.\nT AWS::Serverless-2016-10-31 AWS::Lambda::Function\nA Arn\nP CodeUri - u(s,@0)\nS CodeUri\nP Bucket! - s\n"
                .to_string(),
        );
        let catalog: &'static Catalog = Box::leak(Box::new(Catalog::parse(data).unwrap()));
        let function = catalog
            .resource_type("AWS::Serverless::Function")
            .unwrap()
            .unwrap();
        assert_eq!(function.transform, Some("AWS::Serverless-2016-10-31"));
        assert_eq!(function.expands_to, Some("AWS::Lambda::Function"));
        assert_eq!(
            function.docs_url,
            "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html"
        );
        assert_eq!(function.attributes[0].name, "Arn");
        let connector = catalog
            .resource_type("AWS::Serverless::Connector")
            .unwrap()
            .unwrap();
        assert_eq!(connector.transform, Some("AWS::Serverless-2016-10-31"));
        assert_eq!(connector.expands_to, None);
    }
}
