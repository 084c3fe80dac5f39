//! What the user can ask for, and how panels ask the app to do it.
//!
//! [`Action`] is the fixed set of commands with a label and keyboard
//! shortcuts; menus and the key handler both read it, so they never disagree.
//! [`Intent`] is what a panel returns after drawing: an action, an edit for
//! the undo history, or a change of view. Panels never change the session
//! themselves.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::actors::ActorId;
use crate::annotation::{AnnotationId, Colour, Edit};
use crate::document::CharRange;
use crate::i18n::tr;

/// A command with a label and shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a text or session.
    Open,
    /// Save the session (asks for a name the first time).
    Save,
    /// Save the session under a new name.
    SaveAs,
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
}

impl Action {
    /// Every action, for the key handler.
    pub const ALL: [Self; 16] = [
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Find,
        Self::NextSection,
        Self::PreviousSection,
        Self::ToggleContinuous,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ToggleDark,
        Self::DeleteAnnotation,
        Self::Escape,
        Self::Copy,
    ];

    /// The label in menus.
    #[must_use]
    pub fn label(self) -> &'static str {
        let t = tr();
        match self {
            Self::Open => t.action_open,
            Self::Save => t.action_save,
            Self::SaveAs => t.action_save_as,
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
        }
    }

    /// Its shortcuts; the first is shown in menus.
    #[must_use]
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const CMD: Modifiers = Modifiers::COMMAND;
        const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        const NONE: Modifiers = Modifiers::NONE;
        macro_rules! keys {
            ($(($m:expr, $k:ident)),+) => {{
                const KEYS: &[KeyboardShortcut] = &[$(KeyboardShortcut::new($m, Key::$k)),+];
                KEYS
            }};
        }
        match self {
            Self::Open => keys!((CMD, O)),
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
    /// Import W3C Web Annotations into the session (asks which file).
    ImportW3c,
    /// Merge another reader's session into this one (asks which file).
    Merge,
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
