//! The search results as a spreadsheet file, with its column headers in the page's language.
//! Where each row of the data set comes from stays in the database: the file does not show it.

use portal_domain::Lang;

use super::index::{GiIndex, Hits};
use crate::texts::server_texts;

/// Excel reads a CSV file without a byte-order mark in the local code page, which garbles
/// Chinese on a Chinese Windows (GBK); with it, as UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn write(index: &GiIndex, hits: &Hits, lang: Lang) -> anyhow::Result<Vec<u8>> {
    // About 700 bytes per product.
    let mut out = Vec::with_capacity(BOM.len() + hits.ranked.len() * 800);
    out.extend_from_slice(BOM);
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(server_texts(lang).gi_csv_header)?;
    for &(_, i) in &hits.ranked {
        let r = &index.product(i).row;
        let year = r.approved_year.map(|y| y.to_string()).unwrap_or_default();
        let cells = [
            &r.id,
            &r.name_zh,
            text(&r.name_en),
            &r.pinyin,
            text(&r.province),
            text(&r.city),
            text(&r.category),
            text(&r.gi_type),
            &year,
            text(&r.announcement),
            text(&r.description),
        ];
        for cell in cells {
            if is_formula(cell) {
                writer.write_field(format!("'{cell}"))?;
            } else {
                writer.write_field(cell)?;
            }
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot finish the CSV: {}", e.error()))
}

fn text(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula. The seed data
/// has none, but staff will edit these texts: such a cell gets a leading apostrophe, which makes
/// it plain text.
fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cells_a_spreadsheet_would_run_count_as_formulas() {
        assert!(is_formula("=HYPERLINK(\"x\")"));
        assert!(is_formula("@SUM(A1)"));
        assert!(!is_formula("海安大米"));
        assert!(!is_formula("2010"));
        assert!(!is_formula(""));
    }
}
