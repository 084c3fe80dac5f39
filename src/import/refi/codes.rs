//! The code book as the registry: each code an actor (or a concept), the
//! tree kept as each one's parent, colours and descriptions kept; for
//! Randnotiz's own export, the group, colour and stance codes read back as
//! what they stand for.

use std::collections::HashMap;

use super::ours::{self, Ours};
use super::parse::Qde;
use super::{CodesAs, NotCarried};
use crate::actors::{self, Actor, ActorId, Rgb};
use crate::annotation::{Colour, Concept, ConceptId, Stance, concept_id_for};

/// What coding with a code means here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// The passage is about this actor.
    Actor(ActorId),
    /// The passage is a statement on this concept (the speaker unknown).
    Concept(ConceptId),
    /// Randnotiz's export: the annotation's colour.
    Colour(Colour),
    /// Randnotiz's export: a statement's stance on a concept.
    Stance(ConceptId, Stance),
    /// A group code of Randnotiz's export: nothing of the user's.
    Nothing,
}

/// The registry made from the code book, and what each code's GUID means.
#[derive(Debug, Default)]
pub struct Registry {
    /// The actors, in the code book's order.
    pub actors: Vec<Actor>,
    /// The concepts, in the code book's order.
    pub concepts: Vec<Concept>,
    /// By code GUID.
    pub meanings: HashMap<String, Meaning>,
    /// The colour of each actor's or concept's code, for the annotation's
    /// highlight.
    pub colours: HashMap<String, Rgb>,
}

/// Makes the registry of `qde`'s code book; `notes` gives a note's text
/// by its GUID (notes a code refers to join its note).
pub fn registry(
    qde: &Qde,
    ours: Option<&Ours>,
    codes_as: CodesAs,
    notes: &dyn Fn(&str) -> Option<String>,
    not_carried: &mut NotCarried,
) -> Registry {
    let mut out = Registry::default();
    // Index of each code to its actor's or concept's id, for parents.
    let mut actor_of: HashMap<usize, ActorId> = HashMap::new();
    let mut concept_of: HashMap<usize, ConceptId> = HashMap::new();
    for (i, code) in qde.codes.iter().enumerate() {
        let mut note = code.description.trim().to_owned();
        for text in code.notes.iter().filter_map(|guid| notes(guid.as_str())) {
            if !note.is_empty() {
                note.push_str("\n\n");
            }
            note.push_str(&text);
        }
        let colour = code.color.as_deref().and_then(Rgb::parse);
        let as_concept = match ours {
            Some(ours) => {
                if ours.groups.contains(&i) {
                    out.meanings.insert(code.guid.clone(), Meaning::Nothing);
                    continue;
                }
                if let Some(&colour) = ours.colours.get(&code.guid) {
                    out.meanings
                        .insert(code.guid.clone(), Meaning::Colour(colour));
                    continue;
                }
                if let Some(&(concept, stance)) = ours.stances.get(&code.guid) {
                    if let Some(id) = concept_of.get(&concept) {
                        out.meanings
                            .insert(code.guid.clone(), Meaning::Stance(id.clone(), stance));
                    }
                    continue;
                }
                ours.concepts.contains(&i)
            }
            None => codes_as == CodesAs::Concepts,
        };
        if as_concept {
            let id = concept_id_for(&code.name, |id| {
                out.concepts.iter().any(|c| c.id.as_str() == id)
            });
            if colour.is_some() && ours.is_none() {
                not_carried.add(NotCarried::CONCEPT_COLOUR, 1);
            }
            let parent = code.parent.and_then(|p| concept_of.get(&p).cloned());
            out.concepts.push(Concept {
                note,
                parent,
                ..Concept::new(id.clone(), code.name.clone())
            });
            out.meanings
                .insert(code.guid.clone(), Meaning::Concept(id.clone()));
            if let Some(colour) = colour {
                out.colours.insert(code.guid.clone(), colour);
            }
            concept_of.insert(i, id);
            continue;
        }
        let id = actors::unique_id(&code.name, |id| out.actors.iter().any(|a| &a.id == id));
        let (kind, aliases, note) = if ours.is_some() {
            ours::actor_description(&code.description)
        } else {
            (actors::ActorKind::Other, Vec::new(), note)
        };
        let used: Vec<Rgb> = out.actors.iter().map(|a| a.colour).collect();
        let parent = code.parent.and_then(|p| actor_of.get(&p).cloned());
        out.actors.push(Actor {
            kind,
            aliases,
            colour: colour.unwrap_or_else(|| actors::colour::distinct_from(&used)),
            note,
            parent,
            ..Actor::new(id.clone(), code.name.clone(), kind)
        });
        out.meanings
            .insert(code.guid.clone(), Meaning::Actor(id.clone()));
        if let Some(colour) = colour {
            out.colours.insert(code.guid.clone(), colour);
        }
        actor_of.insert(i, id);
    }
    out
}
