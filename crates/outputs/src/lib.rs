//! Documents Cadre writes itself, with no external program, from its domain types:
//!
//! - [`docx::minutes`] and [`pdf::minutes`]: a meeting's minutes laid out like the canevas
//!   (header, attendance, follow-up of the previous meeting, agenda, one section per agenda
//!   item with its action points as a real table, recommendations, next meeting, rapporteur);
//! - [`calendar::feed`]: meetings as an iCalendar feed that phones and mail clients subscribe to;
//! - [`action_points::csv`] and [`action_points::xlsx`]: action points as spreadsheets;
//! - [`recommendations`]: the "état de mise en œuvre" of recommendations in Word, PDF, Excel
//!   and CSV.
//!
//! Every word comes from the `cadre-i18n` catalogues (`locales/*/outputs.ftl`), so each
//! document exists in French and English. Outputs are deterministic: the same input gives
//! the same bytes, and the only date a file carries besides its content is the `today` it is
//! given (document properties, archive timestamps).
//!
//! Free text leaves through [`cadre_domain::privacy`]: phone numbers and e-mail addresses read
//! from documents are masked in every output, and spreadsheet cells are neutralised against
//! formula injection.

use chrono::NaiveDate;

use cadre_domain::{ActionPoint, Meeting, Recommendation};
use cadre_i18n::Lang;

pub mod action_points;
pub mod calendar;
pub mod docx;
mod model;
pub mod pdf;
pub mod recommendations;
mod shown;

pub use calendar::CalendarEvent;

/// A document as both writers take it: its title (also in its properties), its blocks, its
/// language and the day it is made.
pub(crate) struct Document {
    pub title: String,
    pub blocks: Vec<model::Block>,
    pub lang: Lang,
    pub today: NaiveDate,
}

/// What the minutes are written from.
#[derive(Debug, Clone, Copy)]
pub struct MinutesInput<'a> {
    pub meeting: &'a Meeting,
    /// The recommendations the meeting adopted or reviewed (session reports), grouped in the
    /// document by roadmap, scope and thematic group.
    pub recommendations: &'a [Recommendation],
    /// The previous meeting's action points still pending, for the follow-up table; empty
    /// for none.
    pub previous_pending: &'a [ActionPoint],
    pub lang: Lang,
    /// The day the document is made: its properties carry it, and nothing else in it depends
    /// on the clock.
    pub today: NaiveDate,
}
