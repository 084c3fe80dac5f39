//! What the user can ask for, and how panels ask the app to do it.
//!
//! [`Action`] is the fixed set of commands with a label, a tooltip and
//! keyboard shortcuts; menus, toolbar, shortcuts window and the key handler
//! all read it, so they never disagree.
//! [`Intent`] is what a panel returns after drawing: an action, an edit for
//! the undo history, or a change of view. Panels never change the session
//! themselves.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::actors::ActorId;
use crate::annotation::{AnnotationId, Colour, Edit};
use crate::document::CharRange;
use crate::i18n::{tr, tr_co, tr_in, tr_tl};

/// A command with a label, a tooltip and shortcuts, all in one place: the
/// menus, the toolbar, the shortcuts window and the key handler read them
/// from here (iterate with [`Action::iter`]), so they never disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Action {
    /// Open a text or session.
    Open,
    /// Open a link: fetch a web page (or a document) by its address.
    OpenUrl,
    /// Save the session (asks for a name the first time).
    Save,
    /// Save the session under a new name.
    SaveAs,
    /// Import W3C Web Annotations into the session (asks which file).
    ImportW3c,
    /// Make a new project of a Discourse Network Analyzer database (asks
    /// for the file, then the folder).
    ImportDna,
    /// Merge another reader's session into this one (asks which file).
    Merge,
    /// Quit (asks about unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Search the text and the notes.
    Find,
    /// Next section.
    NextSection,
    /// Previous section.
    PreviousSection,
    /// Section by section, or the whole text.
    ToggleContinuous,
    /// Larger reading font.
    ZoomIn,
    /// Smaller reading font.
    ZoomOut,
    /// Light or dark.
    ToggleDark,
    /// Delete the focused annotation.
    DeleteAnnotation,
    /// Drop the selection, close the toolbar and search.
    Escape,
    /// Copy the selected text.
    Copy,
    /// Show the agreement between readers.
    ShowAgreement,
    /// Show the actor statistics.
    ShowStats,
    /// Show the open project's statements over time.
    ShowTimeline,
    /// Show the open project's statement network.
    ShowNetwork,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// Make a project (asks for a folder).
    NewProject,
    /// Open a project folder.
    OpenProject,
    /// Add a folder of texts to the open project.
    AddToProject,
    /// Set the documents' attributes from a CSV file.
    ImportAttributes,
    /// Merge a colleague's project into the open one.
    MergeProject,
    /// Show or hide the project's document list.
    ShowDocuments,
    /// Open the next document of the list.
    NextDocument,
    /// Open the previous document of the list.
    PreviousDocument,
    /// Search every document of the project.
    CorpusSearch,
}

impl Action {
    /// Every action, in menu order.
    pub fn iter() -> ActionIter {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// The label in menus.
    #[must_use]
    pub fn label(self) -> &'static str {
        let t = tr();
        match self {
            Self::Open => t.action_open,
            Self::OpenUrl => tr_in().menu_open_url,
            Self::Save => t.action_save,
            Self::SaveAs => t.action_save_as,
            Self::ImportW3c => t.menu_import_w3c,
            Self::ImportDna => crate::i18n::tr_im().action_import_dna,
            Self::Merge => t.menu_merge,
            Self::Quit => t.action_quit,
            Self::Undo => t.action_undo,
            Self::Redo => t.action_redo,
            Self::Find => t.action_find,
            Self::NextSection => t.action_next_section,
            Self::PreviousSection => t.action_previous_section,
            Self::ToggleContinuous => t.action_continuous,
            Self::ZoomIn => t.action_zoom_in,
            Self::ZoomOut => t.action_zoom_out,
            Self::ToggleDark => t.action_dark,
            Self::DeleteAnnotation => t.action_delete,
            Self::Escape => t.action_escape,
            Self::Copy => t.action_copy,
            Self::ShowAgreement => t.menu_agreement,
            Self::ShowStats => t.menu_stats,
            Self::ShowTimeline => tr_tl().action_timeline,
            Self::ShowNetwork => crate::i18n::tr_nw().action_network,
            Self::ShowShortcuts => t.help_shortcuts,
            Self::NewProject => tr_co().action_new_project,
            Self::OpenProject => tr_co().action_open_project,
            Self::AddToProject => tr_co().action_add,
            Self::ImportAttributes => tr_co().action_import_attributes,
            Self::MergeProject => tr_co().action_merge_project,
            Self::ShowDocuments => tr_co().action_documents,
            Self::NextDocument => tr_co().action_next_document,
            Self::PreviousDocument => tr_co().action_previous_document,
            Self::CorpusSearch => tr_co().action_corpus_search,
        }
    }

    /// What it does, in a sentence, for hover texts.
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        let t = tr();
        match self {
            Self::Open => t.tip_open,
            Self::OpenUrl => tr_in().tip_open_url,
            Self::Save => t.tip_save,
            Self::SaveAs => t.tip_save_as,
            Self::ImportW3c => t.tip_import_w3c,
            Self::ImportDna => crate::i18n::tr_im().tip_import_dna,
            Self::Merge => t.menu_merge_help,
            Self::Quit => t.tip_quit,
            Self::Undo => t.tip_undo,
            Self::Redo => t.tip_redo,
            Self::Find => t.tip_find,
            Self::NextSection => t.tip_next_section,
            Self::PreviousSection => t.tip_previous_section,
            Self::ToggleContinuous => t.tip_continuous,
            Self::ZoomIn => t.tip_zoom_in,
            Self::ZoomOut => t.tip_zoom_out,
            Self::ToggleDark => t.tip_dark,
            Self::DeleteAnnotation => t.tip_delete,
            Self::Escape => t.tip_escape,
            Self::Copy => t.tip_copy,
            Self::ShowAgreement => t.tip_agreement,
            Self::ShowStats => t.tip_stats,
            Self::ShowTimeline => tr_tl().tip_timeline,
            Self::ShowNetwork => crate::i18n::tr_nw().tip_network,
            Self::ShowShortcuts => t.tip_shortcuts,
            Self::NewProject => tr_co().tip_new_project,
            Self::OpenProject => tr_co().tip_open_project,
            Self::AddToProject => tr_co().tip_add,
            Self::ImportAttributes => tr_co().tip_import_attributes,
            Self::MergeProject => tr_co().tip_merge_project,
            Self::ShowDocuments => tr_co().tip_documents,
            Self::NextDocument => tr_co().tip_next_document,
            Self::PreviousDocument => tr_co().tip_previous_document,
            Self::CorpusSearch => tr_co().tip_corpus_search,
        }
    }

    /// Its shortcuts, perhaps none; the first is shown in menus.
    #[must_use]
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const CMD: Modifiers = Modifiers::COMMAND;
        const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        const NONE: Modifiers = Modifiers::NONE;
        macro_rules! keys {
            ($(($m:expr, $k:ident)),*) => {{
                const KEYS: &[KeyboardShortcut] = &[$(KeyboardShortcut::new($m, Key::$k)),*];
                KEYS
            }};
        }
        match self {
            Self::Open => keys!((CMD, O)),
            Self::OpenUrl => keys!((CMD_SHIFT, O)),
            Self::Save => keys!((CMD, S)),
            Self::SaveAs => keys!((CMD_SHIFT, S)),
            Self::Quit => keys!((CMD, Q)),
            Self::Undo => keys!((CMD, Z)),
            Self::Redo => keys!((CMD_SHIFT, Z), (CMD, Y)),
            Self::Find => keys!((CMD, F)),
            Self::NextSection => keys!((NONE, PageDown), (NONE, ArrowRight)),
            Self::PreviousSection => keys!((NONE, PageUp), (NONE, ArrowLeft)),
            Self::ToggleContinuous => keys!((CMD, L)),
            Self::ZoomIn => keys!((CMD, Plus), (CMD, Equals)),
            Self::ZoomOut => keys!((CMD, Minus)),
            Self::ToggleDark => keys!((CMD, D)),
            Self::DeleteAnnotation => keys!((NONE, Delete)),
            Self::Escape => keys!((NONE, Escape)),
            Self::Copy => keys!((CMD, C)),
            Self::ShowDocuments => keys!((CMD_SHIFT, D)),
            Self::NextDocument => keys!((CMD, PageDown)),
            Self::PreviousDocument => keys!((CMD, PageUp)),
            Self::CorpusSearch => keys!((CMD_SHIFT, F)),
            Self::NewProject
            | Self::OpenProject
            | Self::AddToProject
            | Self::ImportAttributes
            | Self::MergeProject => keys!(),
            Self::ImportW3c
            | Self::ImportDna
            | Self::Merge
            | Self::ShowAgreement
            | Self::ShowStats
            | Self::ShowTimeline
            | Self::ShowNetwork
            | Self::ShowShortcuts => keys!(),
        }
    }

    /// The first shortcut as this platform writes it ("Ctrl+S"), if any.
    #[must_use]
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// The hover text of a button that shows the label: what it does, and
    /// its shortcut.
    #[must_use]
    pub fn hover_text(self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.tooltip()),
            None => self.tooltip().to_owned(),
        }
    }

    /// The hover text of an icon button: the label the icon stands for, and
    /// its shortcut.
    #[must_use]
    pub fn icon_hover_text(self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.label()),
            None => self.label().to_owned(),
        }
    }

    /// True for actions whose keys a focused text field needs for itself
    /// (arrows, Delete, Escape, Ctrl+C): they only act when no field has focus.
    #[must_use]
    pub fn yields_to_text_fields(self) -> bool {
        matches!(
            self,
            Self::NextSection | Self::PreviousSection | Self::DeleteAnnotation | Self::Copy
        )
    }
}

/// What a panel asks the app to do after drawing.
#[derive(Clone, Debug)]
pub enum Intent {
    /// Run an action.
    Action(Action),
    /// Apply an edit as an undo step; edits with the same key that follow
    /// each other quickly merge into one step (typing a note).
    Edit(Box<Edit>, Option<String>),
    /// Show a section.
    GoToSection(usize),
    /// Focus an annotation: show it in the text and in the sidebar.
    Focus(AnnotationId),
    /// Stop focusing an annotation.
    Unfocus,
    /// Scroll the text to a range (a search hit, a mention).
    Reveal(CharRange),
    /// The reader's selection changed.
    Select(Option<CharRange>),
    /// Annotate the selection with a colour.
    Annotate(Colour),
    /// Choose (or clear) the actor whose mentions are underlined.
    ChooseActor(Option<ActorId>),
    /// Open a file.
    OpenPath(PathBuf),
    /// Files dropped onto the window: opened, or added to the open project.
    Dropped(Vec<PathBuf>),
    /// What the document list asks for.
    List(crate::ui::corpus::ListIntent),
    /// What the corpus search asks for.
    CorpusSearch(crate::ui::corpus_search::SearchIntent),
    /// Save to a path.
    SaveTo(PathBuf),
    /// Mark a moved annotation as checked.
    Confirm(AnnotationId),
    /// Move an orphaned or moved annotation onto the current selection.
    Reattach(AnnotationId),
    /// Show an actor's dossier.
    Dossier(ActorId),
    /// Mark every mention of an actor as an annotation.
    MarkMentions(ActorId),
    /// Export the session (asks where).
    Export(crate::export::Format),
    /// Show some readers' annotations only.
    ShowReaders(crate::ui::derived::Readers),
}

impl Intent {
    /// An edit as an intent; `coalesce` merges it with the previous step
    /// when both carry the same key.
    #[must_use]
    pub fn edit(edit: Edit, coalesce: Option<String>) -> Self {
        Self::Edit(Box::new(edit), coalesce)
    }
}
