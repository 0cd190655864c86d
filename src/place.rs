//! A place of the gazetteer: one GeoNames row.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Text of a place: borrowed from the bundled gazetteer compiled into the
/// library (no copy at load time), owned for places a user adds.
pub type Text = Cow<'static, str>;

/// What sort of feature a place is, as maps and reporting tell them apart:
/// the one reading of GeoNames' feature class and code
/// ([`Kind::of_geonames`]) that the rest of the library goes by.
///
/// ```
/// use frontline::place::Kind;
/// assert_eq!(Kind::of_geonames('P', "PPLA"), Kind::Settlement);
/// assert_eq!(Kind::of_geonames('A', "PCLI"), Kind::Country);
/// assert_eq!(Kind::of_geonames('H', "STM"), Kind::Water);
/// assert_eq!(Kind::Water.label(), "water");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Kind {
    /// A populated place: city, town, village, part of a city (class `P`).
    Settlement,
    /// An administrative area below the country: oblast, raion, hromada,
    /// a US state (class `A`, codes `ADM1`…`ADM5`, `ADMD`, …).
    Admin,
    /// A country or dependency (class `A`, codes `PCL*`).
    Country,
    /// A region with no administration: the Donbas, Volhynia, a continent,
    /// the Middle East, the Balkans (class `L`, codes `RGN`, `CONT`, `AREA`, …).
    Region,
    /// A river, reservoir, lake, bay, strait, estuary, sea or ocean
    /// (class `H`, and undersea features, class `U`).
    Water,
    /// An island, spit, peninsula, cape, hill, height or forest
    /// (classes `T` and `V`).
    Terrain,
    /// A built thing: airport, air base, power plant, dam, bridge, port,
    /// mine, border crossing (classes `S` and `R`, and class `L` ports and
    /// industrial areas).
    Facility,
}

impl Kind {
    /// The kind of a GeoNames row, from its feature class and code.
    pub fn of_geonames(class: char, code: &str) -> Kind {
        match class {
            'P' => Kind::Settlement,
            'A' if code.starts_with("PCL") => Kind::Country,
            'A' => Kind::Admin,
            'H' | 'U' => Kind::Water,
            'T' | 'V' => Kind::Terrain,
            'S' | 'R' => Kind::Facility,
            'L' if matches!(
                code,
                "PRT" | "INDS" | "MILB" | "RESW" | "RESN" | "RES" | "PRK"
            ) =>
            {
                Kind::Facility
            }
            _ => Kind::Region,
        }
    }

    /// The lower-case label written in layers and by the CLI
    /// (`settlement`, `admin`, `country`, `region`, `water`, `terrain`,
    /// `facility`).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Settlement => "settlement",
            Kind::Admin => "admin",
            Kind::Country => "country",
            Kind::Region => "region",
            Kind::Water => "water",
            Kind::Terrain => "terrain",
            Kind::Facility => "facility",
        }
    }

    /// True for what covers ground rather than stands at a point: countries,
    /// administrative areas and regions (water bodies are areas too, but a
    /// river is a line: see [`Place::bbox`] for the extent where known).
    pub fn is_area(self) -> bool {
        matches!(self, Kind::Admin | Kind::Country | Kind::Region)
    }

    /// True for features no one holds as a settlement is held: water,
    /// terrain and facilities.
    pub fn is_feature(self) -> bool {
        matches!(self, Kind::Water | Kind::Terrain | Kind::Facility)
    }
}

/// An extent as (west, south, east, north), WGS 84 degrees; west is
/// greater than east for an extent that crosses the antimeridian.
pub type BBox = [f64; 4];

/// A place of any [`Kind`], as GeoNames (or the sourced tables beside it)
/// records it.
///
/// Coordinates are WGS 84 degrees. `admin1_code` and `admin2_code` are
/// GeoNames codes (`05` is Donetsk oblast, `1416` Pokrovsk raion); the
/// [`Gazetteer`](crate::Gazetteer) turns them into names.
///
/// ```
/// use frontline::Gazetteer;
/// let gaz = Gazetteer::bundled();
/// let bakhmut = gaz.place_by_id(713174).unwrap();
/// assert_eq!(bakhmut.name, "Bakhmut");
/// assert!(bakhmut.is_populated());
/// assert_eq!(bakhmut.country_code, "UA");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// The GeoNames id (or a user-given id for places from an extra file).
    pub geonameid: u32,
    /// The GeoNames name, in Latin script.
    pub name: Text,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// GeoNames feature class: `P` populated place, `A` country or area,
    /// `L` region (the Donbas).
    pub feature_class: char,
    /// GeoNames feature code: `PPL`, `PPLA2`, `ADM1`, `PCLI`, …
    pub feature_code: Text,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: Text,
    /// GeoNames first-level division code within the country.
    pub admin1_code: Text,
    /// GeoNames second-level division code (a raion in Ukraine).
    pub admin2_code: Text,
    /// Population, 0 where GeoNames does not know it.
    pub population: u64,
    /// What sort of feature it is, from `feature_class` and `feature_code`.
    pub kind: Kind,
    /// For areas and water bodies whose extent is known (countries from
    /// Natural Earth, seas, continents and macro-regions from the sourced
    /// table `gazetteer/world.csv`): the extent. `None` for points.
    pub bbox: Option<Box<BBox>>,
}

impl Place {
    /// The place's position as a [`geo::Point`]: x is the longitude, y the
    /// latitude, as GeoJSON orders them.
    ///
    /// ```
    /// use frontline::Gazetteer;
    /// let gaz = Gazetteer::bundled();
    /// let bakhmut = gaz.place_by_id(713174).unwrap();
    /// // UA.txt: 713174 Bakhmut, 48.59419 N 37.99886 E.
    /// assert_eq!(bakhmut.point(), frontline::geo::Point::new(37.99886, 48.59419));
    /// ```
    pub fn point(&self) -> geo::Point {
        geo::Point::new(self.lon, self.lat)
    }

    /// True for settlements ([`Kind::Settlement`], GeoNames class `P`).
    pub fn is_populated(&self) -> bool {
        self.kind == Kind::Settlement
    }

    /// True for countries ([`Kind::Country`]: `PCLI` and the other `PCL*` codes).
    pub fn is_country(&self) -> bool {
        self.kind == Kind::Country
    }

    /// True for administrative areas below the country ([`Kind::Admin`]:
    /// `ADM1`…`ADM5`, `ADMD`).
    pub fn is_admin_area(&self) -> bool {
        self.kind == Kind::Admin
    }

    /// True for administrative areas and countries: the places a region
    /// suffix ("Donetsk Oblast") may name, keyed by their bare bases.
    pub fn is_administrative(&self) -> bool {
        matches!(self.kind, Kind::Admin | Kind::Country)
    }

    /// The place's standing in the settlement or area hierarchy, 0 to 5:
    /// capital 5, regional centre 4, district centre 3, hromada centre 2,
    /// village 1, part of a city, historical or abandoned places 0. Countries
    /// rank 5, oblasts 4, raions 3, hromadas 2.
    ///
    /// ```
    /// use frontline::Gazetteer;
    /// let gaz = Gazetteer::bundled();
    /// let kyiv = gaz.place_by_id(703448).unwrap();
    /// assert_eq!(kyiv.feature_rank(), 5);
    /// ```
    pub fn feature_rank(&self) -> u8 {
        match &*self.feature_code {
            "PPLC" | "PCLI" | "PCL" | "PCLD" | "PCLF" | "PCLS" => 5,
            "PPLA" | "PPLG" | "ADM1" => 4,
            "PPLA2" | "ADM2" => 3,
            "PPLA3" | "PPLA4" | "PPLA5" | "ADM3" => 2,
            "PPL" | "PPLS" | "PPLF" | "PPLR" | "ADM4" | "ADM5" | "ADMD" => 1,
            _ => 0,
        }
    }
}
