//! A place of the gazetteer: one GeoNames row.

use std::borrow::Cow;

use serde::Serialize;

/// Text of a place: borrowed from the bundled gazetteer compiled into the
/// library (no copy at load time), owned for places a user adds.
pub type Text = Cow<'static, str>;

/// A settlement, administrative area or country, as GeoNames records it.
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
}

impl Place {
    /// True for settlements (GeoNames class `P`).
    pub fn is_populated(&self) -> bool {
        self.feature_class == 'P'
    }

    /// True for countries (`PCLI` and the other `PCL*` codes).
    pub fn is_country(&self) -> bool {
        self.feature_code.starts_with("PCL")
    }

    /// True for administrative areas below the country (`ADM1`…`ADM5`, `ADMD`).
    pub fn is_admin_area(&self) -> bool {
        self.feature_class == 'A' && !self.is_country()
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
