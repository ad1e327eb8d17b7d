//! What the ECS rules need to know about task definitions and services,
//! read from their properties once.

use super::Context;
use crate::model::{Declaration, Object, Resource, Value};

/// A task definition's network mode.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NetworkMode {
    Awsvpc,
    Bridge,
    Host,
    None,
}

impl NetworkMode {
    pub fn name(self) -> &'static str {
        match self {
            NetworkMode::Awsvpc => "awsvpc",
            NetworkMode::Bridge => "bridge",
            NetworkMode::Host => "host",
            NetworkMode::None => "none",
        }
    }
}

/// An `AWS::ECS::TaskDefinition` of the stack.
pub struct TaskDefinition<'a> {
    pub declaration: &'a Declaration,
    pub resource: &'a Resource,
    /// The network mode: the literal, or `bridge` when omitted ("If no
    /// network mode is specified, the default is bridge", `NetworkMode` of
    /// <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>);
    /// `None` when it is a parameter or another deploy-time value.
    pub network_mode: Option<NetworkMode>,
    /// The `network_mode` value, when written.
    pub mode_value: Option<&'a Value>,
    /// Its container definitions.
    pub containers: Vec<Container<'a>>,
}

/// One container definition.
pub struct Container<'a> {
    /// The literal name.
    pub name: Option<&'a str>,
    pub port_mappings: Vec<PortMapping<'a>>,
}

/// One port mapping of a container.
pub struct PortMapping<'a> {
    pub container_port: Option<i64>,
    /// The `host_port` value, when written.
    pub host_port: Option<&'a Value>,
}

impl<'a> TaskDefinition<'a> {
    fn read(declaration: &'a Declaration, resource: &'a Resource) -> TaskDefinition<'a> {
        let mode_value = resource.properties.value("network_mode");
        let network_mode = match mode_value {
            None => Some(NetworkMode::Bridge),
            Some(value) => match value.as_str() {
                Some("awsvpc") => Some(NetworkMode::Awsvpc),
                Some("bridge") => Some(NetworkMode::Bridge),
                Some("host") => Some(NetworkMode::Host),
                Some("none") => Some(NetworkMode::None),
                _ => None,
            },
        };
        let containers = resource
            .properties
            .value("container_definitions")
            .and_then(Value::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_object)
            .map(Container::read)
            .collect();
        TaskDefinition {
            declaration,
            resource,
            network_mode,
            mode_value,
            containers,
        }
    }

    /// The container with the given name.
    pub fn container(&self, name: &str) -> Option<&Container<'a>> {
        self.containers.iter().find(|c| c.name == Some(name))
    }

    /// Whether `requires_compatibilities` lists `FARGATE`, and the value that says so.
    pub fn fargate(&self) -> Option<&'a Value> {
        self.resource
            .properties
            .value("requires_compatibilities")?
            .as_list()?
            .iter()
            .find(|v| v.as_str() == Some("FARGATE"))
    }
}

impl<'a> Container<'a> {
    fn read(object: &'a Object) -> Container<'a> {
        let port_mappings = object
            .value("port_mappings")
            .and_then(Value::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_object)
            .map(|mapping| PortMapping {
                container_port: mapping.value("container_port").and_then(Value::as_int),
                host_port: mapping.value("host_port"),
            })
            .collect();
        Container {
            name: object.value("name").and_then(Value::as_str),
            port_mappings,
        }
    }
}

/// An `AWS::ECS::Service` of the stack.
pub struct Service<'a> {
    pub declaration: &'a Declaration,
    pub resource: &'a Resource,
    /// Its task definition, when it is a resource of the stack.
    pub task_definition: Option<TaskDefinition<'a>>,
}

impl<'a> Service<'a> {
    pub fn property(&self, key: &str) -> Option<&'a Value> {
        self.resource.properties.value(key)
    }

    /// The network mode of its task definition, when known.
    pub fn network_mode(&self) -> Option<NetworkMode> {
        self.task_definition.as_ref()?.network_mode
    }

    /// Its `load_balancers` entries.
    pub fn load_balancers(&self) -> Vec<&'a Object> {
        self.property("load_balancers")
            .and_then(Value::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_object)
            .collect()
    }

    /// `network_configuration.awsvpc_configuration`, when written.
    pub fn awsvpc_configuration(&self) -> Option<&'a Object> {
        self.property("network_configuration")?
            .as_object()?
            .value("awsvpc_configuration")?
            .as_object()
    }

    /// The name of the task definition, for messages.
    pub fn task_definition_name(&self) -> String {
        self.task_definition
            .as_ref()
            .map_or_else(String::new, |t| t.declaration.ident.to_string())
    }
}

/// Every task definition of the stack.
pub fn task_definitions<'a>(cx: &Context<'a>) -> Vec<TaskDefinition<'a>> {
    cx.resources_of("AWS::ECS::TaskDefinition")
        .map(|(declaration, resource)| TaskDefinition::read(declaration, resource))
        .collect()
}

/// Every service of the stack, with its task definition when the stack declares it.
pub fn services<'a>(cx: &Context<'a>) -> Vec<Service<'a>> {
    cx.resources_of("AWS::ECS::Service")
        .map(|(declaration, resource)| {
            let task_definition = resource
                .properties
                .value("task_definition")
                .and_then(|v| cx.referenced(v))
                .filter(|(_, r)| r.type_name == "AWS::ECS::TaskDefinition")
                .map(|(d, r)| TaskDefinition::read(d, r));
            Service {
                declaration,
                resource,
                task_definition,
            }
        })
        .collect()
}
