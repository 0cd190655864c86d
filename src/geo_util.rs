//! Distances on the sphere, through the `geo` crate.

use geo::{Distance, Haversine, Point};

/// Great-circle distance in kilometres between two (latitude, longitude)
/// points given in degrees.
///
/// ```
/// use frontline::geo_util::distance_km;
/// // Kyiv to Kharkiv is about 410 km.
/// let d = distance_km(50.45466, 30.5238, 49.98081, 36.25272);
/// assert!((d - 410.0).abs() < 10.0);
/// ```
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Haversine::distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}
