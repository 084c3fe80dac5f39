//! The reading window, drawn with egui.
//!
//! [`App`] owns the workspace and the view state; each panel is a module with
//! its own state and one `ui` function that returns [`command::Intent`]s. The
//! window never touches files or parses text itself: it asks the core.

mod actor_panel;
mod analysis;
mod app;
mod autosave;
pub mod command;
pub mod derived;
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

/// Which renderer to ask eframe for; `RANDNOTIZ_RENDERER=glow` chooses OpenGL.
fn renderer() -> eframe::Renderer {
    match std::env::var("RANDNOTIZ_RENDERER").as_deref() {
        Ok("glow" | "gl" | "opengl") => eframe::Renderer::Glow,
        _ => eframe::Renderer::Wgpu,
    }
}

/// Opens the window on `file` (or the bundled article) and runs until closed.
///
/// Tries wgpu first (Vulkan, Metal, DX12, or GL through wgpu). Where no wgpu
/// surface can be made, the program starts itself again with OpenGL through
/// glow: winit allows one event loop per process, so the fallback needs a
/// fresh one.
///
/// # Errors
/// A message saying why no window could be opened, with what to install.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let renderer = renderer();
    let options = eframe::NativeOptions {
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
    let creator: eframe::AppCreator<'static> = Box::new(move |cc| {
        Ok(Box::new(App::new(
            &cc.egui_ctx,
            cc.storage,
            StartOptions {
                file,
                native_dialogs: true,
                recovery: crate::storage::recovery::RecoveryStore::default_location(),
            },
        )))
    });
    let Err(error) = eframe::run_native("randnotiz", options, creator) else {
        return Ok(());
    };
    let message = error.to_string();
    // Without an event loop there is no display to draw on, whatever the renderer.
    if matches!(error, eframe::Error::WinitEventLoop(_)) {
        return Err(fill(tr().err_no_display, &[("error", &message)]));
    }
    if renderer == eframe::Renderer::Glow {
        return Err(fill(
            tr().err_no_window,
            &[("wgpu", &"–"), ("glow", &message)],
        ));
    }
    eprintln!(
        "randnotiz: {}",
        fill(tr().renderer_fallback, &[("error", &message)])
    );
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("RANDNOTIZ_RENDERER", "glow")
        .status()
        .map_err(|e| fill(tr().err_no_window, &[("wgpu", &message), ("glow", &e)]))?;
    if status.success() {
        Ok(())
    } else {
        Err(fill(
            tr().err_no_window,
            &[("wgpu", &message), ("glow", &status)],
        ))
    }
}
