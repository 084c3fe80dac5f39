//! Texts of the REFI-QDA import (`randnotiz import PROJECT.qdpx -o DIR`,
//! *Datei → Importieren → REFI-QDA-Projekt …*): what came in, what did
//! not, and why an import was refused. A table of its own, German and
//! English side by side.

use super::Lang;

strings! {
    Refi;
    /// Menu item.
    action_refi,
    /// Hover.
    tip_refi,
    /// Title of the question for the target folder.
    dialog_target,
    /// An import is running already.
    busy,
    /// Refused: {path}
    err_not_empty,
    /// No project.qde: {path}
    err_no_qde,
    /// Unreadable: {path} {why}
    err_read,
    /// Options of the W3C import given for a REFI project.
    err_options,
    /// --codes-as given for a W3C file.
    err_codes_as,
    /// Bad XML: {path} {why}
    err_xml,
    /// A file of the new project could not be written: {why}
    err_write,
    /// Summary: {documents} {codes} {what} {annotations} {assignments} {readers} {notes} {attributes} {path}
    summary,
    /// Codes became actors.
    as_actors,
    /// Codes became concepts.
    as_concepts,
    /// Heading of the list of what was not carried over.
    not_carried,
    /// One line of that list: {n} {what}
    not_carried_line,
    /// Kind: picture sources.
    kind_picture,
    /// Kind: PDF sources.
    kind_pdf,
    /// Kind: audio sources.
    kind_audio,
    /// Kind: video sources.
    kind_video,
    /// Kind: sets.
    kind_set,
    /// Kind: graphs.
    kind_graph,
    /// Kind: links.
    kind_link,
    /// Kind: codings of a whole source.
    kind_whole_coding,
    /// Kind: cases' references to codes and selections.
    kind_case_refs,
    /// Kind: selections without positions.
    kind_no_positions,
    /// Kind: selections in notes.
    kind_note_selection,
    /// Kind: sources with no text to be found.
    kind_no_text,
    /// A source's file read from outside the package: {source}, {path}
    source_outside,
    /// Kind: coded passages of those sources.
    kind_no_text_selection,
    /// Kind: selections past the end of their text.
    kind_past_end,
    /// Kind: codings of a code the code book does not have.
    kind_unknown_code,
    /// Kind: code colours (concepts have none).
    kind_concept_colour,
    /// Kind: anything else.
    kind_other,
    /// {n} passages found by their text.
    reanchored,
    /// {n} passages not found: orphaned.
    unplaced,
    /// {n} {source}: positions taken unchecked.
    position_only,
    /// {source} holds no text.
    source_empty,
    /// {source} {why}: the original unreadable, its plain text taken.
    rich_failed,
    /// Title of the document holding the project's notes.
    memo_title,
    /// Heading of a source's note in it: {name} {source}
    memo_of_source,
    /// Attribute column: the case.
    attribute_case,
    /// Attribute column: a source's description.
    attribute_description,
    /// The placeholder speaker of statements made from codes.
    no_speaker,
    /// {n} {name}: statements without a speaker.
    statements_without_speaker,
    /// {n} {what}: statements of Randnotiz's export whose speaker was not among the actors.
    statement_without_actor,
}

/// Die deutschen Texte.
static DE: Refi = Refi {
    action_refi: "REFI-QDA-Projekt …",
    tip_refi: "Ein Projekt aus QualCoder, MAXQDA, ATLAS.ti oder NVivo (.qdpx, oder .qde mit seinem Ordner sources/) als neues Randnotiz-Projekt: Texte, Codes, codierte Stellen, Notizen, Leser, Fälle und Variablen.",
    dialog_target: "Ordner für das neue Projekt (neu oder leer)",
    busy: "Es wird schon ein Projekt eingelesen.",
    err_not_empty: "{path} ist nicht leer: ein REFI-Projekt wird nur in einen neuen oder leeren Ordner eingelesen. Wählen Sie einen anderen Ordner.",
    err_no_qde: "In {path} steht kein project.qde: ist es ein REFI-QDA-Projekt (.qdpx)?",
    err_read: "{path} lässt sich nicht lesen: {why}",
    err_options: "--text, --into und --force gelten Web Annotations, die in eine Sitzung kommen; ein REFI-Projekt wird mit -o in einen neuen oder leeren Ordner eingelesen.",
    err_codes_as: "--codes-as gilt einem REFI-QDA-Projekt (.qdpx, .qde).",
    err_xml: "Das project.qde in {path} ist kein lesbares QDA-XML: {why}",
    err_write: "Das neue Projekt ließ sich nicht schreiben: {why}",
    summary: "Aus {path}: {documents} Dokumente, {codes} Codes als {what}, {annotations} Anmerkungen mit {assignments} Zuordnungen, {readers} Leser, {notes} Notizen, {attributes} Merkmale.",
    as_actors: "Akteure",
    as_concepts: "Konzepte",
    not_carried: "Nicht übernommen (Randnotiz kann es nicht darstellen):",
    not_carried_line: "{n} × {what}",
    kind_picture: "Bildquelle (PictureSource)",
    kind_pdf: "PDF-Quelle mit Bereichsauswahl (PDFSource)",
    kind_audio: "Tonquelle (AudioSource)",
    kind_video: "Videoquelle (VideoSource)",
    kind_set: "Set",
    kind_graph: "Graph",
    kind_link: "Verknüpfung (Link)",
    kind_whole_coding: "Codierung einer ganzen Quelle",
    kind_case_refs: "Verweis eines Falls auf Code oder Stelle",
    kind_no_positions: "Stelle ohne Position",
    kind_note_selection: "Stelle in einer Notiz",
    source_outside: "Quelle „{source}“: gelesen aus {path}, außerhalb des REFI-Pakets (das Projekt verweist darauf); eine Kopie liegt jetzt im Ordner texts/.",
    kind_no_text: "Textquelle ohne auffindbaren Text",
    kind_no_text_selection: "codierte Stelle einer Textquelle ohne auffindbaren Text (mit ihr nicht übernommen)",
    kind_past_end: "Stelle hinter dem Ende ihres Textes",
    kind_unknown_code: "Codierung mit einem Code, den das Codebuch nicht hat",
    kind_concept_colour: "Farbe eines Codes (Konzepte haben keine Farbe)",
    kind_other: "sonstiges Element",
    reanchored: "{n} Stellen wurden über ihren Wortlaut gefunden (der gelesene Text weicht vom Klartext des REFI-Projekts ab).",
    unplaced: "{n} Stellen fanden sich im Text nicht wieder: sie stehen als verwaiste Anmerkungen in der Seitenleiste.",
    position_only: "{n} Stellen von „{source}“: das Projekt hat keinen Klartext dazu, sie sind nach ihrer Position gesetzt und nicht geprüft.",
    source_empty: "„{source}“ enthält keinen Text: als leeres Dokument übernommen.",
    rich_failed: "Das Original von „{source}“ ließ sich nicht lesen ({why}); sein Klartext wurde genommen.",
    memo_title: "Notizen aus dem REFI-Projekt",
    memo_of_source: "{name} (zu {source})",
    attribute_case: "Fall",
    attribute_description: "Beschreibung",
    no_speaker: "(ohne Sprecher)",
    statements_without_speaker: "{n} Aussagen ohne Sprecher (REFI kennt keine): sie nennen den Akteur „{name}“, bis ein Sprecher gesetzt ist.",
    statement_without_actor: "{n} Aussagen ohne Akteur an ihrer Stelle: als {what} übernommen.",
};

/// The English texts.
static EN: Refi = Refi {
    action_refi: "REFI-QDA project …",
    tip_refi: "A project from QualCoder, MAXQDA, ATLAS.ti or NVivo (.qdpx, or .qde with its sources/ folder) as a new Randnotiz project: texts, codes, coded passages, notes, readers, cases and variables.",
    dialog_target: "Folder for the new project (new or empty)",
    busy: "A project is being imported already.",
    err_not_empty: "{path} is not empty: a REFI project is imported into a new or empty folder only. Choose another folder.",
    err_no_qde: "{path} holds no project.qde: is it a REFI-QDA project (.qdpx)?",
    err_read: "{path} cannot be read: {why}",
    err_options: "--text, --into and --force are for Web Annotations going into a session; a REFI project is imported with -o into a new or empty folder.",
    err_codes_as: "--codes-as is for a REFI-QDA project (.qdpx, .qde).",
    err_xml: "The project.qde in {path} is not readable QDA-XML: {why}",
    err_write: "The new project could not be written: {why}",
    summary: "From {path}: {documents} documents, {codes} codes as {what}, {annotations} annotations with {assignments} assignments, {readers} readers, {notes} notes, {attributes} attributes.",
    as_actors: "actors",
    as_concepts: "concepts",
    not_carried: "Not carried over (Randnotiz cannot represent it):",
    not_carried_line: "{n} × {what}",
    kind_picture: "picture source (PictureSource)",
    kind_pdf: "PDF source with region selections (PDFSource)",
    kind_audio: "audio source (AudioSource)",
    kind_video: "video source (VideoSource)",
    kind_set: "set",
    kind_graph: "graph",
    kind_link: "link",
    kind_whole_coding: "coding of a whole source",
    kind_case_refs: "case reference to a code or passage",
    kind_no_positions: "passage without a position",
    kind_note_selection: "passage in a note",
    source_outside: "Source “{source}”: read from {path}, outside the REFI package (the project points there); a copy is now in the folder texts/.",
    kind_no_text: "text source without a text to be found",
    kind_no_text_selection: "coded passage of a text source without a text to be found (not carried over with it)",
    kind_past_end: "passage past the end of its text",
    kind_unknown_code: "coding with a code the code book lacks",
    kind_concept_colour: "colour of a code (concepts have no colour)",
    kind_other: "other element",
    reanchored: "{n} passages were found by their wording (the text read differs from the REFI project's plain text).",
    unplaced: "{n} passages were not found in the text again: they are orphaned annotations in the sidebar.",
    position_only: "{n} passages of “{source}”: the project has no plain text for it, they are placed by position, unchecked.",
    source_empty: "“{source}” holds no text: taken as an empty document.",
    rich_failed: "The original of “{source}” could not be read ({why}); its plain text was taken.",
    memo_title: "Notes from the REFI project",
    memo_of_source: "{name} (on {source})",
    attribute_case: "Case",
    attribute_description: "Description",
    no_speaker: "(no speaker)",
    statements_without_speaker: "{n} statements without a speaker (REFI has none): they name the actor “{name}” until a speaker is set.",
    statement_without_actor: "{n} statements without an actor at their passage: taken as {what}.",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Refi {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
