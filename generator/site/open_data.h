// The open-data export of one version: data/indikator.json, indikator.csv,
// indikator.xlsx, each unit's indikator.csv and .xlsx, jabatan.json,
// dokumen.json and a README describing every column.
#ifndef SAKIP_OPEN_DATA_H_
#define SAKIP_OPEN_DATA_H_

#include <map>
#include <string>

#include "compute.h"
#include "diagnostic.h"
#include "model.h"
#include "output_tree.h"

namespace sakip {

// Adds the export files under `prefix` (e.g. "2024/data"); the rows are
// made on `threads` threads, the files are the same for any number. With
// `unit_keys` (page_keys.h), each unit's rows are a piece of the file keyed
// by its unit's key: a unit whose key is unchanged has its rows copied
// from the previous build's file by the sink, not made again. `pdf`: the
// build makes PDFs of the print pages (dokumen.json links them).
// Each unit's rows are also a file of their own, unit/<unit path>/
// indikator.csv and .xlsx, kept by the unit's key; the whole-site
// indikator.xlsx is made for sites up to 500 jabatan. A workbook that
// cannot be made is reported to `diagnostics`.
void RenderOpenData(
    const Model& model, const Results& results, const std::string& prefix,
    OutputSink* out, int threads = 1,
    const std::map<const Unit*, std::string>* unit_keys = nullptr,
    bool pdf = false, Diagnostics* diagnostics = nullptr);

// The README of the export (Markdown): what each file and column means. It
// is written as data/README.md and also rendered as the site's open data
// page (data/index.html), so the two never disagree.
const std::string& OpenDataReadme();

}  // namespace sakip

#endif  // SAKIP_OPEN_DATA_H_
