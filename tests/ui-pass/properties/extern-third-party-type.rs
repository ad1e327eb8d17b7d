//! An `extern` resource passes its properties through verbatim, in the provider's spelling, and any attribute may be read from it. cfn-lint disagrees by design: it knows only the registry's types, so the fuzz sample does not lint this stack.
use ecsnet::prelude::*;

#[stack]
mod database {
    #[parameter(String)]
    struct AtlasProject;

    // ANCHOR: here
    #[resource(extern MongoDB::Atlas::Cluster {
        ProjectId: AtlasProject,
        Name: "todobackend",
        AdvancedSettings: { JavascriptEnabled: false },
    })]
    struct Atlas;

    #[output(Atlas.ConnectionStrings.StandardSrv)]
    struct ConnectionString;
    // ANCHOR_END: here
}

fn main() {
    let template: serde_json::Value = serde_json::from_str(&database::template().to_json()).unwrap();
    let cluster = &template["Resources"]["Atlas"];
    assert_eq!(cluster["Type"], "MongoDB::Atlas::Cluster");
    assert_eq!(cluster["Properties"]["ProjectId"], serde_json::json!({ "Ref": "AtlasProject" }));
    assert_eq!(cluster["Properties"]["AdvancedSettings"]["JavascriptEnabled"], false);
    assert_eq!(
        template["Outputs"]["ConnectionString"]["Value"],
        serde_json::json!({ "Fn::GetAtt": ["Atlas", "ConnectionStrings.StandardSrv"] })
    );
}
