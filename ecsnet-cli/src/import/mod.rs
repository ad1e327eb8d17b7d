//! `ecsnet import TEMPLATE`: a CloudFormation template (YAML or JSON) as an
//! ecsnet stack program that emits the same template.
//!
//! The program is complete (`use ecsnet::prelude::*;`, the `#[stack]`
//! module, `main`), so `ecsnet import stack.yaml > src/main.rs` works. Logical
//! ids become struct names, written raw (`r#type`) when they are Rust
//! keywords; parameters, resources and outputs keep the template's order.
//! Property names become the `snake_case` identifiers of `ecsnet-schema`,
//! through nested structs, lists, maps and unions; free-form JSON, custom
//! resources' own properties and `extern` types keep theirs as strings.
//!
//! Conditions become `#[condition(…)]` structs and `#[condition(Name)]`
//! resource attributes, mappings `#[mapping { … }]` structs, and the
//! functions `if_(…)`, `find_in_map(…)`, `length(…)`, `to_json_string(…)`.
//! The `Transform`, `Metadata` and `Rules` sections are options of
//! `#[stack(…)]`.
//!
//! What the stack language does not have (`Fn::ForEach`, `Fn::Transform`
//! and `AWS::Include`, and what CloudFormation does not document, such as
//! the keys a custom macro consumes) is kept as written, under a comment,
//! and named in a warning: the program then does not compile, rather than
//! compile to a different template. A template that would not deploy
//! imports too, and the compiler says what is wrong with it.
//!
//! # The YAML parser
//!
//! `saphyr-parser`: the YAML 1.2 parser of the saphyr project, maintained
//! (`serde_yaml` is archived, and the successor forks of it resolve tags
//! through serde, which loses the short-form tags' node kinds), pure Rust,
//! without dependencies, and an event API that gives every node's tag and
//! scalar style. The importer needs exactly that: `!GetAtt a.b` and
//! `!GetAtt [a, b]` are both one node with a tag, and `'8000'` must stay a
//! string where `8000` is a number. yaml-rust2 has the same lineage and
//! API; saphyr is where its maintainers continue it.
//!
//! YAML comments are not part of the template and are dropped.

mod convert;
mod program;
pub(crate) mod read;
mod render;
mod repeat;

/// The schemas of the `CreationPolicy` and `UpdatePolicy` resource
/// attributes, so their keys are translated like properties.
use ecsnet_schema::attributes as policies;

/// An imported template.
pub struct Imported {
    /// The program.
    pub program: String,
    /// The warnings: one line per feature the stack language lacks.
    pub warnings: Vec<String>,
}

/// Imports `text`, a template in YAML or JSON; `module` names the stack
/// module.
///
/// # Errors
///
/// A message when the text is not a template.
pub fn import(text: &str, module: &str) -> Result<Imported, String> {
    let template = read::template(text)?;
    let imported = program::program(&template, module)?;
    let warnings = imported
        .features
        .iter()
        .map(|f| {
            format!(
                "warning: the template uses {}; the program marks each place with a comment, and does not compile until ecsnet has it",
                f.describe()
            )
        })
        .collect();
    Ok(Imported {
        program: imported.program,
        warnings,
    })
}

/// A module name for a template file: its stem in `snake_case`.
pub fn module_name(path: &str) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("stack");
    let stem = stem.split('.').next().unwrap_or(stem);
    let mut name = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('_') {
            name.push('_');
        }
    }
    let name = name.trim_matches('_').to_owned();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("stack_{name}")
    } else {
        render::ident(&name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert_eq!(module_name("dir/My-Stack.cfn.yaml"), "my_stack");
        assert_eq!(module_name("3tier.json"), "stack_3tier");
        assert_eq!(module_name("type.yaml"), "r#type");
    }

    #[test]
    fn a_whole_program() {
        let imported = import(
            "AWSTemplateFormatVersion: '2010-09-09'\nDescription: A queue\n\
             Parameters:\n  Delay:\n    Type: Number\n    Default: 5\n    MaxValue: '900'\n\
             Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Retain\n    Properties:\n      DelaySeconds: !Ref Delay\n\
             Outputs:\n  QueueArn:\n    Value: !GetAtt Queue.Arn\n    Export:\n      Name: !Sub '${AWS::StackName}-queue'\n",
            "queue",
        )
        .unwrap();
        assert!(imported.warnings.is_empty());
        assert_eq!(
            imported.program,
            r#"use ecsnet::prelude::*;

#[stack(description = "A queue")]
pub mod queue {
    #[parameter(Number, default = 5, max_value = 900)]
    pub struct Delay;

    #[resource(AWS::SQS::Queue {
        delay_seconds: Delay,
    })]
    #[deletion_policy(Retain)]
    pub struct Queue;

    #[output(Queue.Arn, export = sub!("${AWS::StackName}-queue"))]
    pub struct QueueArn;
}

fn main() -> std::process::ExitCode {
    ecsnet::cli::main(&queue::template())
}
"#
        );
    }

    #[test]
    fn json_templates_conditions_and_extern_types() {
        let imported = import(
            r#"{"Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
                "Parameters": {"Env": {"Type": "String"}},
                "Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Condition": "IsProd"},
                              "Thing": {"Type": "Acme::Widget::Thing", "Properties": {"Size": 3}}}}"#,
            "s",
        )
        .unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        let program = &imported.program;
        assert!(!program.contains("ecsnet import:"), "{program}");
        assert!(
            program.contains("    #[condition(equals(Env, \"prod\"))]\n    pub struct IsProd;"),
            "{program}"
        );
        assert!(
            program.contains("    #[condition(IsProd)]\n    pub struct Topic;"),
            "{program}"
        );
        assert!(
            program
                .contains("#[resource(extern Acme::Widget::Thing {\n        \"Size\": 3,\n    })]"),
            "{program}"
        );
    }

    #[test]
    fn a_custom_resource_keeps_its_version() {
        let imported = import(
            "Resources:\n  Thing:\n    Type: Custom::Thing\n    Version: '1.0'\n    Properties: {ServiceToken: arn}\n",
            "s",
        )
        .unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert!(
            imported
                .program
                .contains("    })]\n    #[version(\"1.0\")]\n    pub struct Thing;"),
            "{}",
            imported.program
        );
    }

    #[test]
    fn a_condition_named_like_a_parameter_gets_a_struct_of_its_own() {
        let imported = import(
            "Parameters:\n  Replica: {Type: String, AllowedValues: ['true', 'false']}\n\
             Conditions:\n  Replica: !Equals [!Ref Replica, 'true']\n\
             Resources:\n  Queue: {Type: AWS::SQS::Queue, Condition: Replica}\n",
            "s",
        )
        .unwrap();
        let program = &imported.program;
        assert!(
            program.contains(
                "    #[condition(equals(Replica, \"true\"), name = \"Replica\")]\n    pub struct ReplicaCondition;"
            ),
            "{program}"
        );
        assert!(
            program.contains("    #[condition(Replica)]\n    pub struct Queue;"),
            "{program}"
        );
    }

    #[test]
    fn conditions_mappings_and_language_extensions_in_the_stack_language() {
        let imported = import(
            "Transform: AWS::LanguageExtensions\n\
             Parameters:\n  Env: {Type: String}\n  KeyName: {Type: String, Default: ''}\n\
             Mappings:\n  RegionMap:\n    us-east-1: {AMI: ami-1, Bits: 64}\n    us-west-2: {AMI: ami-2}\n\
             Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n  HasKey: !Not [!Equals [!Ref KeyName, '']]\n\
             \x20 ProdWithKey: !And [!Condition IsProd, {Condition: HasKey}]\n  Alias: {Condition: IsProd}\n\
             Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Condition: ProdWithKey\n    Properties:\n\
             \x20     TopicName: !If [HasKey, !Sub '${Env}-t', !Ref AWS::NoValue]\n\
             \x20     DisplayName: !FindInMap [RegionMap, !Ref AWS::Region, AMI, {DefaultValue: none}]\n\
             \x20 Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: !Length [1, 2]\n\
             \x20     QueueName: !ToJsonString {a: b}\n\
             Outputs:\n  TopicArn:\n    Condition: Alias\n    Value: !Ref Topic\n",
            "s",
        )
        .unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert_eq!(
            imported.program,
            r#"use ecsnet::prelude::*;

#[stack(transform = "AWS::LanguageExtensions")]
pub mod s {
    #[parameter(String)]
    pub struct Env;

    #[parameter(String, default = "")]
    pub struct KeyName;

    #[mapping {
        "us-east-1": { "AMI": "ami-1", "Bits": 64 },
        "us-west-2": { "AMI": "ami-2" },
    }]
    pub struct RegionMap;

    #[condition(equals(Env, "prod"))]
    pub struct IsProd;

    #[condition(not(equals(KeyName, "")))]
    pub struct HasKey;

    #[condition(and(IsProd, HasKey))]
    pub struct ProdWithKey;

    #[condition(IsProd)]
    pub struct Alias;

    #[resource(AWS::SNS::Topic {
        topic_name: if_(HasKey, sub!("${Env}-t"), AWS::NoValue),
        display_name: find_in_map(RegionMap, AWS::Region, "AMI", { default_value: "none" }),
    })]
    #[condition(ProdWithKey)]
    pub struct Topic;

    #[resource(AWS::SQS::Queue {
        delay_seconds: length([1, 2]),
        queue_name: to_json_string({ "a": "b" }),
    })]
    pub struct Queue;

    #[output(Topic, condition = Alias)]
    pub struct TopicArn;
}

fn main() -> std::process::ExitCode {
    ecsnet::cli::main(&s::template())
}
"#
        );
    }

    #[test]
    fn for_each_stays_marked() {
        let imported = import(
            "Transform: AWS::LanguageExtensions\n\
             Resources:\n  Fn::ForEach::Topics:\n    - Name\n    - [A, B]\n    - Topic${Name}:\n        Type: AWS::SNS::Topic\n",
            "s",
        )
        .unwrap();
        assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
        assert!(
            imported.warnings[0].contains("`Fn::ForEach`"),
            "{:?}",
            imported.warnings
        );
        assert!(
            imported.program.contains(
                "// ecsnet import: not in the stack language yet: `Fn::ForEach` (`AWS::LanguageExtensions`)"
            ),
            "{}",
            imported.program
        );
        assert!(
            imported.program.contains("pub struct FnForEachTopics;"),
            "{}",
            imported.program
        );
    }

    #[test]
    fn outputs_of_their_own_and_template_sections() {
        let imported = import(
            "Transform: AWS::LanguageExtensions\n\
             Metadata:\n  AWS::CloudFormation::Interface:\n    ParameterLabels:\n      Env: {default: Environment}\n\
             Parameters:\n  Env:\n    Type: String\n\
             Rules:\n  ProdOnly:\n    Assertions:\n      - Assert: !Equals [!Ref Env, prod]\n\
             Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n\
             Outputs:\n  Topic:\n    Value: !Ref Topic\n",
            "s",
        )
        .unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        let program = &imported.program;
        for part in [
            "transform = \"AWS::LanguageExtensions\"",
            "metadata = {",
            "rules = {",
            "#[output(Topic, name = \"Topic\")]\n    pub struct TopicOutput;",
        ] {
            assert!(program.contains(part), "{part} in {program}");
        }
    }

    #[test]
    fn keys_of_custom_macros_are_written_where_the_compiler_reports_them() {
        let imported = import(
            "Transform: [Count, Boto3]\n\
             Parameters:\n  Size:\n    Type: Number\n    Unit: GiB\n\
             Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Count: !Ref Size\n    ExplodeMap: Buckets\n\
             \x20 Put:\n    Type: Boto3::CodeCommit.put_file\n    Properties:\n      FilePath: README.md\n    Mode: Create\n\
             \x20 Odd:\n    Type: AWS::SNS::Topic\n    lower-case: 1\n\
             \x20 Module:\n    Type: !Rain::Module ./vpc.yml\n\
             Outputs:\n  Out:\n    Value: !Ref Bucket\n    Hidden: true\n\
             Extra:\n  A: 1\n",
            "s",
        )
        .unwrap();
        assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
        let program = &imported.program;
        let comment = "// ecsnet import: not in the stack language yet: parts CloudFormation does not document, kept as written";
        for part in [
            // Unknown resource attributes: attributes rustc does not find.
            &format!(
                "    {comment}\n    #[Count(Size)]\n    {comment}\n    #[ExplodeMap(\"Buckets\")]\n    pub struct Bucket;"
            ),
            // A type that is not a path: a string where the type belongs.
            &format!(
                "    {comment}\n    #[resource(extern \"Boto3::CodeCommit.put_file\" {{\n        \"FilePath\": \"README.md\",\n    }})]\n    {comment}\n    #[Mode(\"Create\")]\n"
            ),
            // A key that cannot be an attribute: after the property block.
            &format!(
                "    {comment}\n    #[resource(AWS::SNS::Topic {{}}, \"lower-case\" = 1)]\n    pub struct Odd;"
            ),
            // A type that is not a string.
            &format!(
                "    {comment}\n    #[resource({{ \"Fn::Rain::Module\": \"./vpc.yml\" }} {{}})]\n    pub struct Module;"
            ),
            // Unknown options: identifiers, which the macro names.
            &"#[parameter(Number, Unit = \"GiB\")]".to_owned(),
            &"#[output(Bucket, Hidden = true)]".to_owned(),
            &"#[stack(transform = [\"Count\", \"Boto3\"], Extra = { \"A\": 1 })]".to_owned(),
        ] {
            assert!(program.contains(part), "{part}\nin\n{program}");
        }
        assert!(!program.contains("#[\""), "{program}");
    }

    #[test]
    fn sam_types_are_checked_types() {
        let imported = import(
            "Transform: AWS::Serverless-2016-10-31\n\
             Resources:\n  Handler:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: index.handler\n      CodeUri: src\n      Events:\n        Queue:\n          Type: SQS\n          Properties:\n            Queue: arn:aws:sqs:us-east-1:123456789012:q\n            BatchSize: 10\n",
            "s",
        )
        .unwrap();
        for part in [
            "#[resource(AWS::Serverless::Function {",
            "runtime: \"python3.13\"",
            "code_uri: \"src\"",
            "\"Queue\": {",
            "type: \"SQS\"",
            "batch_size: 10",
        ] {
            assert!(
                imported.program.contains(part),
                "{part} in {}",
                imported.program
            );
        }
        // A SAM type newer than the data still passes through.
        let imported = import(
            "Transform: AWS::Serverless-2016-10-31\n\
             Resources:\n  Site:\n    Type: AWS::Serverless::WebFunction\n    Properties:\n      Runtime: nodejs22.x\n",
            "s",
        )
        .unwrap();
        assert!(
            imported
                .program
                .contains("#[resource(extern AWS::Serverless::WebFunction {"),
            "{}",
            imported.program
        );
    }
}
