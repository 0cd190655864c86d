//! Well-known binary (ISO WKB, little-endian, two dimensions) of GeoJSON
//! geometries, as GeoParquet stores them.

use geojson::Value;

/// A geometry as WKB.
pub(crate) fn wkb(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(32);
    push(value, &mut out);
    out
}

fn header(kind: u32, out: &mut Vec<u8>) {
    out.push(1); // little-endian
    out.extend_from_slice(&kind.to_le_bytes());
}

fn count(n: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn xy(p: &[f64], out: &mut Vec<u8>) {
    out.extend_from_slice(&p[0].to_le_bytes());
    out.extend_from_slice(&p[1].to_le_bytes());
}

fn points(ps: &[Vec<f64>], out: &mut Vec<u8>) {
    count(ps.len(), out);
    for p in ps {
        xy(p, out);
    }
}

fn rings(rs: &[Vec<Vec<f64>>], out: &mut Vec<u8>) {
    count(rs.len(), out);
    for r in rs {
        points(r, out);
    }
}

fn push(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Point(p) => {
            header(1, out);
            xy(p, out);
        }
        Value::LineString(l) => {
            header(2, out);
            points(l, out);
        }
        Value::Polygon(p) => {
            header(3, out);
            rings(p, out);
        }
        Value::MultiPoint(ps) => {
            header(4, out);
            count(ps.len(), out);
            for p in ps {
                header(1, out);
                xy(p, out);
            }
        }
        Value::MultiLineString(ls) => {
            header(5, out);
            count(ls.len(), out);
            for l in ls {
                header(2, out);
                points(l, out);
            }
        }
        Value::MultiPolygon(ps) => {
            header(6, out);
            count(ps.len(), out);
            for p in ps {
                header(3, out);
                rings(p, out);
            }
        }
        Value::GeometryCollection(gs) => {
            header(7, out);
            count(gs.len(), out);
            for g in gs {
                push(&g.value, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_its_byte_order_type_and_two_doubles() {
        // POINT(1 2) in little-endian ISO WKB, as PostGIS's
        // ST_AsBinary('POINT(1 2)'::geometry, 'NDR') writes it.
        let expected = "0101000000000000000000f03f0000000000000040";
        let hex: String = wkb(&Value::Point(vec![1.0, 2.0]))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hex, expected);
    }

    #[test]
    fn a_line_counts_its_points() {
        let bytes = wkb(&Value::LineString(vec![vec![0.0, 0.0], vec![1.0, 1.0]]));
        assert_eq!(&bytes[..9], &[1, 2, 0, 0, 0, 2, 0, 0, 0]);
        assert_eq!(bytes.len(), 9 + 4 * 8);
    }
}
