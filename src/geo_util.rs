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

/// Distance in kilometres by the equirectangular approximation: within
/// 0.5 % of the great-circle distance up to a few hundred kilometres, and
/// several times cheaper. For scoring many candidate pairs, not for output.
///
/// ```
/// use frontline::geo_util::{approx_distance_km, distance_km};
/// let (a, b) = ((48.14019, 37.75008), (48.28265, 37.55275));
/// let exact = distance_km(a.0, a.1, b.0, b.1);
/// assert!((approx_distance_km(a.0, a.1, b.0, b.1) - exact).abs() < 0.005 * exact);
/// ```
pub fn approx_distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const KM_PER_DEGREE: f64 = 6_371.008_8 * std::f64::consts::PI / 180.0;
    let mean_lat = ((lat1 + lat2) / 2.0).to_radians();
    let dx = (lon2 - lon1) * mean_lat.cos();
    let dy = lat2 - lat1;
    (dx * dx + dy * dy).sqrt() * KM_PER_DEGREE
}
