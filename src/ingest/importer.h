// Importers: read one export file, recognise what it is from its content (never its name),
// and deliver signals, attempts, estimates and rejected rows to an ImportSink.
#pragma once

#include <istream>
#include <string>

#include "core/company_config.h"
#include "core/status.h"
#include "ingest/import_sink.h"

namespace ringback {

struct ImportStats {
  std::string format;  // "csv", "mbox", "eml"
  std::string kind;    // "call log", "web forms", ... ("email" for mail)
  std::int64_t records = 0;
  std::int64_t signals = 0;
  std::int64_t attempts = 0;
  std::int64_t estimates = 0;
  std::int64_t rejects = 0;
};

// Imports the file at `path`; `display_name` is how rows and rejects name it. A file that
// cannot be read, or whose format or columns are not recognised, is an error Status that says
// so; bad rows inside a readable file are rejects, not errors.
Status ImportFile(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  ImportSink& sink, ImportStats* stats);

// The readers behind ImportFile, for streams.
Status ImportCsv(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                 ImportSink& sink, ImportStats* stats);
// Reads an mbox, or one message, whichever the file is.
Status ImportMail(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  ImportSink& sink, ImportStats* stats);

// A stable 16-hex-digit id for a record from its parts (FNV-1a, 64 bits): the same row in two
// overlapping exports gets the same id.
std::string StableId(std::string_view kind, std::string_view content);

}  // namespace ringback
