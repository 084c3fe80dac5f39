//! A DNA database's statement types, variables and entities as the
//! project's actors, concepts and annotations.

use std::collections::{BTreeMap, HashMap};

use super::{DnaReport, PARENT, TIME, day_and_time, read};
use crate::actors::{Actor, ActorId, ActorKind, Rgb};
use crate::anchor::Target;
use crate::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, Stance, Statement, concept_id_for,
};
use crate::document::{CharRange, Document};
use crate::i18n::{fill, tr_im};
use crate::workspace::project::ImportedRegistry;

/// The roles of a statement type's variables.
#[derive(Default)]
struct Roles {
    person: Option<i64>,
    organization: Option<i64>,
    concept: Option<i64>,
    agreement: Option<i64>,
    /// `agreement` is an integer (a scale, such as −1, 0, 1), not DNA's
    /// boolean.
    agreement_scale: bool,
}

impl Roles {
    /// True for a type shaped like DNA's "DNA Statement": a concept and
    /// someone who speaks.
    fn is_statement(&self) -> bool {
        self.concept.is_some() && (self.person.is_some() || self.organization.is_some())
    }

    fn has(&self, variable: i64) -> bool {
        [self.person, self.organization, self.concept, self.agreement].contains(&Some(variable))
    }
}

/// The database's types, variables and entities as the project's records.
pub(super) struct Model {
    /// Per statement type: its roles.
    roles: HashMap<i64, Roles>,
    /// Per statement type: label and highlight colour.
    types: HashMap<i64, (String, Colour)>,
    /// Variable id to (name, data type).
    variables: HashMap<i64, (String, String)>,
    /// Entity id to its value.
    values: HashMap<i64, String>,
    /// Entity id to the actor made of it.
    actors: HashMap<i64, ActorId>,
    /// Entity id to the concept made of it.
    concepts: HashMap<i64, ConceptId>,
    pub(super) legend: BTreeMap<Colour, String>,
}

impl Model {
    pub(super) fn of(
        db: &read::Database,
        registry: &mut ImportedRegistry,
        report: &mut DnaReport,
    ) -> Self {
        let mut roles: HashMap<i64, Roles> = HashMap::new();
        for v in &db.variables {
            let r = roles.entry(v.statement_type).or_default();
            let short = v.data_type == "short text";
            let number = v.data_type == "boolean" || v.data_type == "integer";
            match v.name.as_str() {
                "person" if short => r.person = Some(v.id),
                "organization" if short => r.organization = Some(v.id),
                "concept" if short => r.concept = Some(v.id),
                "agreement" if number => {
                    r.agreement = Some(v.id);
                    r.agreement_scale = v.data_type == "integer";
                    if r.agreement_scale {
                        let label = db
                            .types
                            .iter()
                            .find(|(id, _, _)| *id == v.statement_type)
                            .map_or("?", |(_, label, _)| label.as_str());
                        report
                            .not_carried
                            .push(fill(tr_im().agreement_scale, &[("type", &label)]));
                    }
                }
                _ => {}
            }
        }
        let mut legend: BTreeMap<Colour, String> = BTreeMap::new();
        let mut types = HashMap::new();
        for (id, label, rgb) in &db.types {
            let colour = Colour::nearest_to(Rgb(*rgb));
            if db.statements.iter().any(|s| s.statement_type == *id) {
                legend
                    .entry(colour)
                    .and_modify(|m| {
                        m.push_str(" / ");
                        m.push_str(label);
                    })
                    .or_insert_with(|| label.clone());
            }
            types.insert(*id, (label.clone(), colour));
        }
        let variables: HashMap<i64, (String, String)> = db
            .variables
            .iter()
            .map(|v| (v.id, (v.name.clone(), v.data_type.clone())))
            .collect();
        let values: HashMap<i64, String> = db
            .entities
            .iter()
            .map(|e| (e.id, e.value.clone()))
            .collect();
        let mut model = Self {
            roles,
            types,
            variables,
            values,
            actors: HashMap::new(),
            concepts: HashMap::new(),
            legend,
        };
        model.entities(db, registry, report);
        model
    }

    /// Actors and concepts from the entities of the statement variables.
    fn entities(
        &mut self,
        db: &read::Database,
        registry: &mut ImportedRegistry,
        report: &mut DnaReport,
    ) {
        let kind_of = |variable: i64| {
            self.roles.values().find_map(|r| {
                if r.person == Some(variable) {
                    Some(Some(ActorKind::Person))
                } else if r.organization == Some(variable) {
                    Some(Some(ActorKind::Organisation))
                } else if r.concept == Some(variable) {
                    Some(None)
                } else {
                    None
                }
            })
        };
        let mut empty = 0;
        let mut children = 0;
        let mut others: BTreeMap<i64, usize> = BTreeMap::new();
        // An actor of one kind and name is one actor, whichever statement
        // type's variable it came from.
        let mut by_name: HashMap<(Option<ActorKind>, String), usize> = HashMap::new();
        for entity in &db.entities {
            let name = entity.value.trim();
            if name.is_empty() {
                empty += 1;
                continue;
            }
            let Some(kind) = kind_of(entity.variable) else {
                *others.entry(entity.variable).or_default() += 1;
                continue;
            };
            let mut attributes: BTreeMap<String, String> = BTreeMap::new();
            let mut aliases = Vec::new();
            let mut note = String::new();
            for (key, value) in db.attributes.get(&entity.id).into_iter().flatten() {
                let value = value.trim();
                if value.is_empty() {
                    continue;
                }
                match key.as_str() {
                    "Alias" if kind.is_some() => aliases.extend(
                        value
                            .split(';')
                            .map(str::trim)
                            .filter(|a| !a.is_empty() && *a != name)
                            .map(str::to_owned),
                    ),
                    "Notes" => value.clone_into(&mut note),
                    _ => {
                        attributes.insert(key.clone(), value.to_owned());
                    }
                }
            }
            if let Some(parent) = entity.child_of.and_then(|p| self.values.get(&p)) {
                children += 1;
                attributes.insert(PARENT.to_owned(), parent.clone());
            }
            let key = (kind, name.to_owned());
            if let Some(&at) = by_name.get(&key) {
                // The same name in another type's variable: the same record.
                match kind {
                    Some(_) => {
                        let id = registry.actors[at].id.clone();
                        self.actors.insert(entity.id, id);
                    }
                    None => {
                        let id = registry.concepts[at].id.clone();
                        self.concepts.insert(entity.id, id);
                    }
                }
                continue;
            }
            match kind {
                Some(kind) => {
                    let id = crate::actors::unique_id(name, |id| {
                        registry.actors.iter().any(|a| &a.id == id)
                    });
                    let mut actor = Actor::new(id.clone(), name, kind);
                    actor.colour = entity.colour.map_or_else(Rgb::neutral, Rgb);
                    actor.aliases = aliases;
                    actor.note = note;
                    actor.attributes = attributes;
                    by_name.insert(key, registry.actors.len());
                    registry.actors.push(actor);
                    self.actors.insert(entity.id, id);
                }
                None => {
                    let id = concept_id_for(name, |id| {
                        registry.concepts.iter().any(|c| c.id.as_str() == id)
                    });
                    let mut concept = Concept::new(id.clone(), name);
                    concept.note = note;
                    if let Some(colour) = entity.colour.filter(|c| *c != [0, 0, 0]) {
                        attributes.insert("colour".to_owned(), Rgb(colour).to_hex());
                    }
                    concept.attributes = attributes;
                    by_name.insert(key, registry.concepts.len());
                    registry.concepts.push(concept);
                    self.concepts.insert(entity.id, id);
                }
            }
        }
        let t = tr_im();
        if empty > 0 {
            report
                .not_carried
                .push(fill(t.empty_entities, &[("n", &empty)]));
        }
        if children > 0 {
            report
                .not_carried
                .push(fill(t.hierarchy, &[("n", &children), ("column", &PARENT)]));
        }
        for (variable, n) in others {
            let name = self.variables.get(&variable).map_or("?", |v| v.0.as_str());
            let kind = db
                .variables
                .iter()
                .find(|v| v.id == variable)
                .and_then(|v| self.types.get(&v.statement_type))
                .map_or("?", |t| t.0.as_str());
            report.not_carried.push(fill(
                t.other_entities,
                &[("n", &n), ("variable", &name), ("type", &kind)],
            ));
        }
    }

    /// The annotation for one statement on chars `range` of `document`,
    /// and what it lacks to be a statement (for the report).
    pub(super) fn annotation(
        &self,
        id: AnnotationId,
        document: &Document,
        range: CharRange,
        statement: &read::StatementRow,
        db: &read::Database,
    ) -> (Annotation, Option<String>) {
        let (label, colour) = self
            .types
            .get(&statement.statement_type)
            .cloned()
            .unwrap_or_else(|| (String::new(), Colour::Yellow));
        let target = Target::from_range(document, range);
        let mut annotation = Annotation::on(id, target, colour, crate::annotation::now());
        let values: &[(i64, read::Value)] = db.values.get(&statement.id).map_or(&[], Vec::as_slice);
        let value_of = |variable: Option<i64>| {
            variable.and_then(|v| values.iter().find(|(var, _)| *var == v).map(|(_, x)| x))
        };
        let entity = |variable: Option<i64>| match value_of(variable) {
            Some(read::Value::Entity(e)) => Some(*e),
            _ => None,
        };
        let mut lines = Vec::new();
        let mut lack = None;
        let said = |template: &str| fill(template, &[("id", &statement.id)]);
        let roles = self.roles.get(&statement.statement_type);
        match roles.filter(|r| r.is_statement()) {
            Some(roles) => {
                let organisation = entity(roles.organization).and_then(|e| self.actors.get(&e));
                let person = entity(roles.person).and_then(|e| self.actors.get(&e));
                let concept = entity(roles.concept).and_then(|e| self.concepts.get(&e));
                annotation.actors = organisation.into_iter().chain(person).cloned().collect();
                let stance = match value_of(roles.agreement) {
                    Some(read::Value::Number(n)) if roles.agreement_scale => {
                        lines.push(format!("agreement: {n}"));
                        match n.signum() {
                            1 => Stance::Agrees,
                            -1 => Stance::Disagrees,
                            _ => Stance::Neutral,
                        }
                    }
                    Some(read::Value::Number(1)) => Stance::Agrees,
                    Some(read::Value::Number(0)) => Stance::Disagrees,
                    Some(read::Value::Number(other)) => {
                        lines.push(format!("agreement: {other}"));
                        lack = Some(fill(
                            tr_im().stmt_agreement_other,
                            &[("id", &statement.id), ("value", other)],
                        ));
                        Stance::Neutral
                    }
                    _ => Stance::Neutral,
                };
                match (organisation.or(person), concept) {
                    (Some(actor), Some(concept)) => {
                        annotation.statement = Some(Statement {
                            actor: actor.clone(),
                            concept: concept.clone(),
                            stance,
                        });
                    }
                    (None, Some(concept)) => {
                        let name = self.concept_name(concept);
                        lines.push(format!("concept: {name}"));
                        lines.push(format!("agreement: {}", stance.name()));
                        lack = Some(said(tr_im().stmt_no_actor));
                    }
                    (_, None) => lack = Some(said(tr_im().stmt_no_concept)),
                }
                for (variable, value) in values {
                    if !roles.has(*variable) {
                        lines.extend(self.line(*variable, value));
                    }
                }
            }
            None => {
                lines.push(format!("DNA: {label}"));
                for (variable, value) in values {
                    lines.extend(self.line(*variable, value));
                }
            }
        }
        annotation.note = lines.join("\n");
        (annotation, lack)
    }

    /// The name of the concept made as `id`.
    fn concept_name(&self, id: &ConceptId) -> String {
        self.concepts
            .iter()
            .find(|(_, c)| *c == id)
            .and_then(|(e, _)| self.values.get(e))
            .cloned()
            .unwrap_or_else(|| id.0.clone())
    }

    /// `variable: value` for a note; nothing for an empty value.
    fn line(&self, variable: i64, value: &read::Value) -> Option<String> {
        let name = self.variables.get(&variable).map_or("?", |v| v.0.as_str());
        let text = match value {
            read::Value::Entity(e) => self.values.get(e).cloned().unwrap_or_default(),
            read::Value::Number(n) => n.to_string(),
            read::Value::Text(t) => t.clone(),
        };
        let text = text.trim();
        (!text.is_empty()).then(|| format!("{name}: {text}"))
    }

    /// What the report says about the database as a whole: other statement
    /// types and further variables, colours, coders, what DNA alone knows.
    pub(super) fn notes(&self, db: &read::Database, readers: &[&str]) -> Vec<String> {
        let t = tr_im();
        let mut lines = Vec::new();
        for (id, label, _) in &db.types {
            let variables: Vec<&str> = db
                .variables
                .iter()
                .filter(|v| v.statement_type == *id)
                .filter(|v| {
                    !self
                        .roles
                        .get(id)
                        .is_some_and(|r| r.is_statement() && r.has(v.id))
                })
                .map(|v| v.name.as_str())
                .collect();
            let n = db
                .statements
                .iter()
                .filter(|s| s.statement_type == *id)
                .count();
            let shaped = self.roles.get(id).is_some_and(Roles::is_statement);
            if !shaped && n == 0 {
                lines.push(fill(
                    t.unused_type,
                    &[("type", label), ("variables", &variables.join(", "))],
                ));
            } else if !shaped {
                lines.push(fill(
                    t.other_type,
                    &[
                        ("n", &n),
                        ("type", label),
                        ("variables", &variables.join(", ")),
                    ],
                ));
            } else if !variables.is_empty() {
                lines.push(fill(
                    t.extra_variables,
                    &[("type", label), ("variables", &variables.join(", "))],
                ));
            }
        }
        let colours: Vec<String> = db
            .types
            .iter()
            .filter_map(|(id, label, _)| {
                let (_, colour) = self.types.get(id)?;
                Some(format!("{label}: {}", colour.name()))
            })
            .collect();
        if !colours.is_empty() {
            lines.push(fill(t.type_colours, &[("colours", &colours.join(", "))]));
        }
        if !db.coders.is_empty() {
            lines.push(fill(t.coders, &[("names", &readers.join(", "))]));
        }
        if db.variable_links > 0 {
            lines.push(fill(t.variable_links, &[("n", &db.variable_links)]));
        }
        if let Some(version) = &db.version {
            lines.push(fill(t.settings, &[("version", version)]));
        }
        if db
            .documents
            .iter()
            .any(|d| day_and_time(d.date).1.is_some())
        {
            lines.push(fill(crate::i18n::tr_im().doc_time, &[("column", &TIME)]));
        }
        lines
    }
}
