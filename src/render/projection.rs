//! From longitude and latitude to pixels: an equirectangular projection
//! whose east–west scale is corrected by the cosine of the map's middle
//! latitude, so that at the middle a kilometre east is as long as a
//! kilometre north. Over a region the size of Ukraine the distortion at the
//! edges is a few per cent; a scale bar holds at the middle latitude.

/// Kilometres in a degree of latitude (a sphere of radius 6,371 km).
pub const KM_PER_DEGREE: f64 = 6371.0 * std::f64::consts::PI / 180.0;

/// A box in degrees: west, south, east, north.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox {
    /// Western longitude.
    pub west: f64,
    /// Southern latitude.
    pub south: f64,
    /// Eastern longitude.
    pub east: f64,
    /// Northern latitude.
    pub north: f64,
}

impl BBox {
    /// Parses `W,S,E,N` (degrees), as `--bbox` takes it.
    ///
    /// ```
    /// use frontline::render::projection::BBox;
    /// let b = BBox::parse("36,48,39,50.5").unwrap();
    /// assert_eq!((b.west, b.north), (36.0, 50.5));
    /// assert!(BBox::parse("36,48,35,50").is_err()); // west of west
    /// ```
    pub fn parse(text: &str) -> Result<BBox, String> {
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        if parts.len() != 4 {
            return Err(format!(
                "{text:?}: expected four numbers W,S,E,N (degrees), found {}",
                parts.len()
            ));
        }
        let mut v = [0.0; 4];
        for (slot, (part, name)) in v
            .iter_mut()
            .zip(parts.iter().zip(["west", "south", "east", "north"]))
        {
            *slot = part
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("{text:?}: the {name} edge {part:?} is not a number"))?;
        }
        let b = BBox {
            west: v[0],
            south: v[1],
            east: v[2],
            north: v[3],
        };
        if b.west >= b.east || b.south >= b.north {
            return Err(format!(
                "{text:?}: west must be less than east and south less than north"
            ));
        }
        if b.west < -180.0 || b.east > 180.0 || b.south < -90.0 || b.north > 90.0 {
            return Err(format!(
                "{text:?}: longitudes run from -180 to 180, latitudes from -90 to 90"
            ));
        }
        Ok(b)
    }

    /// The smallest box around the points, or `None` without points.
    ///
    /// ```
    /// use frontline::render::projection::BBox;
    /// let b = BBox::around([(37.0, 48.5), (36.2, 50.0)]).unwrap();
    /// assert_eq!((b.west, b.south, b.east, b.north), (36.2, 48.5, 37.0, 50.0));
    /// assert!(b.contains(36.5, 49.0) && !b.contains(38.0, 49.0));
    /// assert!(BBox::around([]).is_none());
    /// ```
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
        let mut it = points.into_iter();
        let (x, y) = it.next()?;
        let mut b = BBox {
            west: x,
            south: y,
            east: x,
            north: y,
        };
        for (x, y) in it {
            b.west = b.west.min(x);
            b.east = b.east.max(x);
            b.south = b.south.min(y);
            b.north = b.north.max(y);
        }
        Some(b)
    }

    /// Whether the point lies inside (edges included).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }

    /// Whether `other` lies wholly inside.
    ///
    /// ```
    /// use frontline::render::projection::BBox;
    /// let ukraine = BBox::parse("22,44,40.3,52.5").unwrap();
    /// let donbas = BBox::parse("36,47.5,39.5,50").unwrap();
    /// assert!(ukraine.covers(&donbas) && !donbas.covers(&ukraine));
    /// assert!(donbas.overlaps(&ukraine));
    /// ```
    pub fn covers(&self, other: &BBox) -> bool {
        self.west <= other.west
            && other.east <= self.east
            && self.south <= other.south
            && other.north <= self.north
    }

    /// Whether the two boxes share any point.
    pub fn overlaps(&self, other: &BBox) -> bool {
        self.west <= other.east
            && other.west <= self.east
            && self.south <= other.north
            && other.south <= self.north
    }
}

/// Where the map's frame lies on the image, and how degrees become pixels.
#[derive(Clone, Copy, Debug)]
pub struct Projection {
    /// The longitude and latitude at the frame's centre.
    center: (f64, f64),
    /// The cosine of the centre's latitude.
    cos_lat: f64,
    /// Pixels per degree of latitude.
    scale: f64,
    /// The frame's centre on the image, pixels.
    origin: (f64, f64),
    /// The box the frame shows (wider than asked on one axis, to keep the
    /// aspect).
    shown: BBox,
}

impl Projection {
    /// The projection that shows all of `bbox` in a frame of `width` ×
    /// `height` pixels whose top-left corner is at (`left`, `top`): the box
    /// is centred and widened on one axis to fill the frame.
    ///
    /// ```
    /// use frontline::render::projection::{BBox, Projection};
    /// let b = BBox { west: 36.0, south: 48.0, east: 38.0, north: 50.0 };
    /// let p = Projection::fit(&b, (0.0, 0.0), 800.0, 600.0);
    /// let (x, y) = p.project(37.0, 49.0);
    /// assert!((x - 400.0).abs() < 1e-9 && (y - 300.0).abs() < 1e-9);
    /// let (_, north) = p.project(37.0, 50.0);
    /// assert!(north < 300.0); // north is up
    /// ```
    pub fn fit(bbox: &BBox, (left, top): (f64, f64), width: f64, height: f64) -> Projection {
        let center = (
            (bbox.west + bbox.east) / 2.0,
            (bbox.south + bbox.north) / 2.0,
        );
        let cos_lat = center.1.to_radians().cos().max(0.05);
        let span_x = ((bbox.east - bbox.west) * cos_lat).max(1e-9);
        let span_y = (bbox.north - bbox.south).max(1e-9);
        let scale = (width / span_x).min(height / span_y);
        let half_lon = width / scale / cos_lat / 2.0;
        let half_lat = height / scale / 2.0;
        Projection {
            center,
            cos_lat,
            scale,
            origin: (left + width / 2.0, top + height / 2.0),
            shown: BBox {
                west: center.0 - half_lon,
                south: center.1 - half_lat,
                east: center.0 + half_lon,
                north: center.1 + half_lat,
            },
        }
    }

    /// A point's position on the image, pixels from the top-left corner.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.origin.0 + (lon - self.center.0) * self.cos_lat * self.scale,
            self.origin.1 - (lat - self.center.1) * self.scale,
        )
    }

    /// The box the frame shows.
    pub fn shown(&self) -> BBox {
        self.shown
    }

    /// Pixels per kilometre (at the centre's latitude).
    ///
    /// ```
    /// use frontline::render::projection::{BBox, Projection, KM_PER_DEGREE};
    /// let b = BBox::parse("36,48,38,50").unwrap();
    /// let p = Projection::fit(&b, (0.0, 0.0), 800.0, 600.0);
    /// // A degree of latitude is KM_PER_DEGREE km tall on the image.
    /// let (_, y0) = p.project(37.0, 49.0);
    /// let (_, y1) = p.project(37.0, 50.0);
    /// assert!(((y0 - y1) - KM_PER_DEGREE * p.pixels_per_km()).abs() < 1e-9);
    /// assert!(p.shown().covers(&b));
    /// ```
    pub fn pixels_per_km(&self) -> f64 {
        self.scale / KM_PER_DEGREE
    }
}
