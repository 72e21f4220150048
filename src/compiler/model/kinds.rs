//! The portfolio's two kinds as folders name them.

use crate::bundle::Kind;

/// Folder names read as each section, so every tool's layout builds as it is
/// (`_projects/`: a collection folder).
pub fn section_of(folder: &str) -> Option<Kind> {
    match folder.strip_prefix('_').unwrap_or(folder).to_lowercase().as_str() {
        "competences" | "compétences" | "competence" | "skills" | "competencies" => Some(Kind::Competence),
        "projets" | "projet" | "projects" | "project" | "work" | "portfolio" => Some(Kind::Projet),
        _ => None,
    }
}
