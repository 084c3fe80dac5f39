//! The reading window, drawn with egui.
//!
//! [`App`] owns the workspace and the view state; each panel is a module with
//! its own state and one `ui` function that returns [`command::Intent`]s. The
//! window never touches files or parses text itself: it asks the core.

mod actor_panel;
mod app;
pub mod command;
mod derived;
mod dossier;
pub mod files;
mod messages;
mod outline;
pub mod reader;
mod search;
pub mod settings;
mod sidebar;
pub mod theme;
mod toolbar;
mod widgets;

use std::path::PathBuf;

pub use app::{App, StartOptions, View};
pub use messages::Messages;

use crate::i18n::{fill, tr};

/// Opens the window on `file` (or the bundled article) and runs until closed.
///
/// Tries wgpu first (Vulkan, Metal, DX12, GL through wgpu) and falls back to
/// OpenGL through glow where no wgpu surface can be made.
///
/// # Errors
/// A message saying why no window could be opened, with what to install.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let options = |renderer| eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Randnotiz")
            .with_app_id("randnotiz")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        renderer,
        persist_window: true,
        ..Default::default()
    };
    let creator = |file: Option<PathBuf>| -> eframe::AppCreator<'static> {
        Box::new(move |cc| {
            Ok(Box::new(App::new(
                &cc.egui_ctx,
                cc.storage,
                StartOptions {
                    file,
                    native_dialogs: true,
                },
            )))
        })
    };
    match eframe::run_native(
        "randnotiz",
        options(eframe::Renderer::Wgpu),
        creator(file.clone()),
    ) {
        Ok(()) => Ok(()),
        Err(wgpu_error) => {
            eprintln!(
                "randnotiz: {}",
                fill(tr().renderer_fallback, &[("error", &wgpu_error)])
            );
            eframe::run_native("randnotiz", options(eframe::Renderer::Glow), creator(file)).map_err(
                |glow_error| {
                    fill(
                        tr().err_no_window,
                        &[("wgpu", &wgpu_error), ("glow", &glow_error)],
                    )
                },
            )
        }
    }
}
