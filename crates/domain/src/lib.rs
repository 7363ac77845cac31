//! Cadre's domain, in the words of the people who use it: bodies meet, meetings have an agenda,
//! agenda items produce action points, sessions adopt recommendations. Nothing here does I/O, so
//! every other layer can depend on it and every rule here can be tested in isolation.

pub mod account;
pub mod alignment;
pub mod body;
pub mod dates;
pub mod ids;
mod labels;
pub mod meeting;
pub mod organisation;
pub mod privacy;
pub mod recommendation;
pub mod recurrence;
pub mod text;

pub use account::{Account, Actor, Role, Username, Viewer};
pub use alignment::{GcmObjectiveNumber, PnmCode};
pub use body::{Body, BodyLevel, NewBody, REGIONS};
pub use dates::{
    Deadline, DeadlineMeaning, MonthOfYear, NextMeeting, parse_french_date, parse_time_range,
};
pub use meeting::{
    ActionPoint, ActionStatus, AgendaItem, Attendee, Audience, FieldFinding, FoundBy,
    FunctionAttendee, ImportWarning, Meeting, MeetingKind, MeetingStatus, MeetingSummary, Modality,
    NewActionPoint, NewAgendaItem, NewAttendee, NewFunctionAttendee, NewMeeting, Person,
    SourceDocument,
};
pub use organisation::{KNOWN_ORGANISATIONS, KnownOrganisation, Organisation, OrganisationKind};
pub use recommendation::{
    AnnexedSession, NewRecommendation, Recommendation, RecommendationScope, RecommendationStatus,
    Session, SessionKind,
};

pub use ids::{
    AccountId, ActionPointId, AgendaItemId, BodyId, MeetingId, OrganisationId, RecommendationId,
    SessionId, SourceDocumentId,
};
