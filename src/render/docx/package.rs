//! The package around the parts: fixed document properties and ZIP entries dated 1980, so
//! the bytes depend only on the input.

use std::io::Cursor;

use super::xml::xml_attribute;

/// `docProps/core.xml`, written here: docx-rs has no setter for the title and names the
/// creator "unknown". The dates are fixed, like everything else in the package.
pub(super) fn core_properties(title: &str) -> Vec<u8> {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!("<dc:title>{}</dc:title>", xml_attribute(title))
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:created>\
         <dc:creator>prem</dc:creator><cp:lastModifiedBy>prem</cp:lastModifiedBy>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:modified>\
         <cp:revision>1</cp:revision>{title}</cp:coreProperties>"
    )
    .into_bytes()
}

/// Copies the package docx-rs wrote with every entry dated 1980-01-01 00:00 (the ZIP
/// epoch): docx-rs's own `zip` takes the clock as soon as any crate in the build turns on
/// that `zip`'s `time` feature. The compressed data is copied as it is.
pub(super) fn repack(package: Vec<u8>) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i)?;
        let mode = entry.unix_mode();
        out.raw_copy_file_touch(entry, zip::DateTime::default(), mode)?;
    }
    Ok(out.finish()?.into_inner())
}
