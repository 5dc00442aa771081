// Importers: read one export file, recognise what it is from its content (never its name),
// and deliver signals, attempts, estimates and rejected rows to an ImportSink.
//
// Formats: CSV/TSV (any delimiter, quoted fields, embedded newlines, title lines above the
// header), XLSX (every sheet whose header maps), JSON (an array of objects, or an object
// holding one) and JSON lines, mbox and single messages, Google Voice Takeout pages. Text is read as UTF-8, UTF-16 or
// Windows-1252 (see text_decoder.h) and handed on as UTF-8.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/company_config.h"
#include "core/status.h"
#include "ingest/column_map.h"
#include "ingest/import_sink.h"
#include "ingest/mapping_file.h"

namespace ringback {

// One table of a file (the CSV itself, or one XLSX sheet) and how its columns were read.
struct TableReport {
  std::string name;              // sheet name; empty for CSV and JSON
  std::int64_t header_line = 0;  // line (or sheet row) of the header; 0 when none was found
  std::vector<std::string> header;
  std::optional<ColumnMap> map;  // nullopt: the header was not recognised (see error)
  std::string error;
  std::vector<std::string> unused;  // headers of columns no field reads (each one named by inspect)
};

struct ImportStats {
  std::string format;    // "csv", "tsv", "xlsx", "json", "jsonl", "mbox", "eml"
  std::string kind;      // "call log", "web forms", ... ("email" for mail); several joined by ", "
  std::string encoding;  // "utf-8", "utf-16le (BOM)", "windows-1252", "mixed: …"; empty for XLSX/mail
  std::string source;    // the vendor export recognised ("CallRail call log"), else empty
  std::int64_t records = 0;
  std::int64_t signals = 0;
  std::int64_t attempts = 0;
  std::int64_t estimates = 0;
  std::int64_t rejects = 0;
  std::int64_t skipped = 0;  // rows read but neither imported nor rejected (forwarded call legs)
  std::vector<TableReport> tables;
  std::vector<std::string> notes;  // what a person should know: converted lines, skipped sheets
};

// Called with the bytes read so far and the file's size (0 when unknown).
using ProgressFn = std::function<void(std::int64_t done, std::int64_t total)>;

struct ImportOptions {
  // Column mapping given by hand (`--mapping FILE`); it wins over recognition.
  std::optional<MappingOverride> mapping;
  // When not empty: sanitize on import (see sanitizing_sink.h) with this HMAC key.
  std::string sanitize_key;
  ProgressFn progress;
};

// Imports the file at `path`; `display_name` is how rows and rejects name it. A file that
// cannot be read, or whose format or columns are not recognised, is an error Status that says
// so; bad rows inside a readable file are rejects, not errors.
Status ImportFile(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  ImportSink& sink, ImportStats* stats);
Status ImportFile(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats);

// The readers behind ImportFile, for streams and files already sniffed.
Status ImportCsv(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                 ImportSink& sink, ImportStats* stats);
Status ImportCsv(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                 const ImportOptions& options, ImportSink& sink, ImportStats* stats);
Status ImportJson(std::istream& in, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats);
Status ImportXlsx(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats);
// Reads an mbox, or one message, whichever the file is.
Status ImportMail(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  ImportSink& sink, ImportStats* stats);
Status ImportMail(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats);

// One page of a Google Voice Takeout export (Takeout/Voice/Calls/*.html): a call, a voicemail
// with its transcript, or a text thread (see google_voice.cc for the markup read).
Status ImportGoogleVoice(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                         ImportSink& sink, ImportStats* stats);
// Whether the start of a file is a Google Voice Takeout page.
bool LooksLikeGoogleVoicePage(std::string_view head);

// A stable 16-hex-digit id for a record from its parts (FNV-1a, 64 bits): the same row in two
// overlapping exports gets the same id.
std::string StableId(std::string_view kind, std::string_view content);

// The id of a row that carries the source's own id (`source_id`: a Twilio CallSid or
// MessageSid, a form's Entry Id) in an export of `kind`. A live signal with the same source
// id gets the same one, so importing the source's export later adds nothing.
std::string SourceRowId(SourceKind kind, std::string_view source_id);

// One record pushed to a hook (a website form's fields, in the order sent), read like a row of
// a web form export whose header is the field names: the same header synonyms and value rules
// decide which field is the phone, the email, the name, the message and the lead source. Its
// time is `received_at` (a form's own date fields may be anything: a preferred visit day).
// Delivers one signal, or one reject saying why the fields cannot make one. `source_id`, when
// given, receives the record's own id field (an entry id), empty when it has none.
Status ImportFormRecord(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& display_name,
                        Timestamp received_at, const CompanyConfig& config, ImportSink& sink, ImportStats* stats,
                        std::string* source_id = nullptr);

// The fields of one JSON object as ImportJson reads a row: nested objects as dotted names
// ("data.Email"), arrays of values joined with ", ", in document order. InvalidArgument when
// the text is not a JSON object.
StatusOr<std::vector<std::pair<std::string, std::string>>> JsonObjectFields(std::string_view text);

}  // namespace ringback
