//! The map projection, which lives in the core ([`crate::geo::projection`]) so that the
//! exports draw the same map; re-exported here for the map panel.

pub use crate::geo::projection::{project, project_lat, unproject};
