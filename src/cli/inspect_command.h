// `ringback inspect`: what Ringback reads in one export, before an audit relies on it.
//
//   ringback inspect FILE [--config FILE] [--mapping FILE] [--rows N] [--json]
//
// Prints the format (csv, tsv, xlsx, json, jsonl, mbox, eml), the text encoding, the source
// recognised ("CallRail call log", or the generic mapping), for each table (an XLSX sheet)
// its header line and which column feeds which field, the first N rows as parsed (default 5),
// every rejected row with its line and reason (the first 50 listed), and notes such as lines
// read as Windows-1252. `--mapping` applies a mapping file (see ingest/mapping_file.h);
// `--config` is read by the main program (time zone, phone region, team) and skipped here.
// `--json` prints one JSON object instead:
//   {"file","format","encoding","source","kind","tables":[{"sheet","header_line","source",
//    "kind","columns":[{"column","header","field"}],"error"}],"rows":[…],"rejects":[…],
//    "rejects_total","counts":{"records","signals","attempts","estimates","rejects","skipped"},
//    "notes":[…],"error"?}
// Nothing is stored. Exit: 0 the file can be imported (rejected rows are not failure), 1 it
// cannot be read or is not recognised (what was detected is still printed), 2 bad usage.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

int InspectCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                   std::ostream& err);

}  // namespace ringback::cli
