//! Geography: the offline gazetteer and basemap built from GeoNames and Natural Earth
//! (`assets/build/build_assets.py`), toponym recognition and resolution, and the map
//! projection that the app's map and the exported map pictures share.

mod basemap;
mod gazetteer;
mod lexicon;
pub mod projection;
mod recognize;
mod resolve;

pub use basemap::{Basemap, BasemapError, Outline, OutlineKind};
pub use gazetteer::{Entry, Facts, GazId, Gazetteer, GazetteerError, NameKind};
pub use lexicon::WordLexicon;
pub use recognize::{Candidate, recognize};
pub use resolve::{Resolved, resolve};
