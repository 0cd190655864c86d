//! Distances on the sphere, through the `geo` crate.

use geo::{Distance, Haversine, Point};

/// Kilometres per degree of latitude (and of longitude at the equator) on
/// the sphere `geo`'s haversine uses.
pub const KM_PER_DEGREE: f64 = 111.195;

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

/// Initial bearing in degrees clockwise from north, 0 to 360, of the
/// great circle from the first (latitude, longitude) point to the second.
///
/// ```
/// use frontline::geo_util::bearing_deg;
/// // Due east along the equator.
/// assert!((bearing_deg(0.0, 0.0, 0.0, 1.0) - 90.0).abs() < 1e-9);
/// ```
pub fn bearing_deg(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    use geo::Bearing;
    Haversine::bearing(Point::new(lon1, lat1), Point::new(lon2, lat2)).rem_euclid(360.0)
}

/// The smallest angle, 0 to 180 degrees, between two bearings.
pub fn angle_between(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

/// The (latitude, longitude) point `km` kilometres from (`lat`, `lon`)
/// along `bearing` (degrees clockwise from north), on the sphere.
///
/// ```
/// use frontline::geo_util::{destination, distance_km};
/// let (lat, lon) = destination(48.0, 37.0, 90.0, 5.0);
/// assert!((distance_km(48.0, 37.0, lat, lon) - 5.0).abs() < 1e-6);
/// assert!(lon > 37.0);
/// ```
pub fn destination(lat: f64, lon: f64, bearing: f64, km: f64) -> (f64, f64) {
    use geo::Destination;
    let p = Haversine::destination(Point::new(lon, lat), bearing, km * 1000.0);
    (p.y(), p.x())
}
