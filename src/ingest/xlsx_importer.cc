// XLSX workbooks: a zip (libzip) of XML parts (expat, streamed). The workbook lists the
// sheets, its relationships say where each lives, sharedStrings holds the text cells and
// styles says which number formats are dates. Each sheet is streamed row by row into a
// TableImport, so memory holds the shared strings and one row, whatever the sheet's size.
// The bounds of ingest/limits.h hold here: a part that would expand past them (a zip bomb) is
// refused before it is read, the shared strings are bounded, and so are a cell and a row.
#include <date/date.h>
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "core/text.h"
#include "ingest/importer.h"
#include "ingest/limits.h"
#include "ingest/table_import.h"

namespace ringback {
namespace {

constexpr std::size_t kMaxColumns = 16384;  // Excel's XFD
constexpr long long kMaxSheetRows = 1048576;  // Excel's last row

std::string MiB(std::int64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB"; }

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const char** attrs, std::string_view local) {
  for (int i = 0; attrs[i]; i += 2)
    if (LocalName(attrs[i]) == local) return attrs[i + 1];
  return nullptr;
}

// Receives one XML part's events.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(const char*, int) {}
  bool stop = false;  // set by a handler to end the parse (the sink failed, a bound was passed)
  std::string why;    // when stop: why the part was refused (empty: the sink failed)
};

struct ParseContext {
  XML_Parser parser;
  XmlHandler* handler;
};

void XMLCALL OnStart(void* data, const char* name, const char** attrs) {
  auto* ctx = static_cast<ParseContext*>(data);
  ctx->handler->Start(LocalName(name), attrs);
  if (ctx->handler->stop) XML_StopParser(ctx->parser, XML_FALSE);
}

void XMLCALL OnEnd(void* data, const char* name) {
  auto* ctx = static_cast<ParseContext*>(data);
  ctx->handler->End(LocalName(name));
  if (ctx->handler->stop) XML_StopParser(ctx->parser, XML_FALSE);
}

void XMLCALL OnText(void* data, const char* s, int len) {
  static_cast<ParseContext*>(data)->handler->Text(s, len);
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// Why zip part `name` must not be expanded, from the sizes the archive declares: larger than
// kMaxUnzipBytes, or (past kUnzipRatioFloor) more than kMaxUnzipRatio times its compressed
// size, which no spreadsheet's XML reaches and every zip bomb does. Empty when it may be read.
std::string ExpansionRefused(const zip_stat_t& st, const std::string& name) {
  if (!(st.valid & ZIP_STAT_SIZE)) return {};
  const auto size = static_cast<std::int64_t>(st.size);
  if (size > kMaxUnzipBytes)
    return name + " would expand to " + MiB(size) + " (the largest part read is " + MiB(kMaxUnzipBytes) +
           "): refused, not expanded (a zip bomb, or a workbook to save as CSV)";
  if ((st.valid & ZIP_STAT_COMP_SIZE) && size > kUnzipRatioFloor &&
      size / std::max<std::int64_t>(1, static_cast<std::int64_t>(st.comp_size)) > kMaxUnzipRatio)
    return name + " would expand " + std::to_string(size / std::max<std::int64_t>(1, static_cast<std::int64_t>(st.comp_size))) +
           " times its compressed size (at most " + std::to_string(kMaxUnzipRatio) +
           " is read): refused, not expanded (a zip bomb)";
  return {};
}

// Streams zip entry `name` through `handler`. Returns "" or why the part could not be read.
std::string ParseEntry(zip_t* zip, const std::string& name, XmlHandler& handler,
                       const std::function<void(std::int64_t)>& progress = {}) {
  zip_stat_t st;
  if (zip_stat(zip, name.c_str(), 0, &st) != 0) return "missing part " + name;
  if (std::string why = ExpansionRefused(st, name); !why.empty()) return why;
  zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
  if (!file) return "missing part " + name;
  XML_Parser parser = XML_ParserCreate(nullptr);
  ParseContext ctx{parser, &handler};
  XML_SetUserData(parser, &ctx);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  std::string error;
  std::vector<char> buf(64 * 1024);
  std::int64_t done = 0;
  for (;;) {
    const zip_int64_t got = zip_fread(file, buf.data(), buf.size());
    if (got < 0) {
      error = std::string("the zip entry is damaged (") + zip_error_strerror(zip_file_get_error(file)) + ")";
      break;
    }
    done += got;
    // The archive's sizes may lie: what is actually expanded is held to the same bounds.
    if (done > kMaxUnzipBytes || ((st.valid & ZIP_STAT_SIZE) && done > static_cast<std::int64_t>(st.size))) {
      error = name + " expands past " + ((st.valid & ZIP_STAT_SIZE) && static_cast<std::int64_t>(st.size) < kMaxUnzipBytes
                                             ? "the size the archive declares"
                                             : MiB(kMaxUnzipBytes)) +
              ": refused (a zip bomb, or a damaged workbook)";
      break;
    }
    if (progress) progress(done);
    const bool final = got == 0;
    if (XML_Parse(parser, buf.data(), static_cast<int>(got), final) == XML_STATUS_ERROR) {
      if (XML_GetErrorCode(parser) == XML_ERROR_ABORTED) error = handler.why;
      else
        error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                std::to_string(XML_GetCurrentLineNumber(parser)) + " of " + name;
      break;
    }
    if (final) break;
  }
  XML_ParserFree(parser);
  zip_fclose(file);
  return error;
}

std::string ZipOpenError(int code) {
  zip_error_t err;
  zip_error_init_with_code(&err, code);
  std::string text = zip_error_strerror(&err);
  zip_error_fini(&err);
  if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF)
    return "the zip archive is damaged or truncated (" + text + "); save the workbook again, or as CSV";
  return text;
}

// ---- workbook, relationships, styles, shared strings ----

struct SheetRef {
  std::string name;
  std::string rel_id;
  std::string path;  // zip entry
};

class WorkbookHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      const char* n = Attr(attrs, "name");
      const char* id = Attr(attrs, "id");
      sheets.push_back({n ? n : "", id ? id : "", ""});
    } else if (name == "workbookPr") {
      const char* d = Attr(attrs, "date1904");
      date1904 = d && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0);
    }
  }
  void End(std::string_view) override {}
  std::vector<SheetRef> sheets;
  bool date1904 = false;
};

class RelsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attr(attrs, "Id");
    const char* target = Attr(attrs, "Target");
    const char* type = Attr(attrs, "Type");
    if (id && target) targets[id] = target;
    if (type && target) {
      std::string_view t(type);
      if (t.size() >= 14 && t.substr(t.size() - 14) == "/sharedStrings") shared_strings = target;
      if (t.size() >= 7 && t.substr(t.size() - 7) == "/styles") styles = target;
      if (t.size() >= 15 && t.substr(t.size() - 15) == "/officeDocument") office_document = target;
    }
  }
  void End(std::string_view) override {}
  std::map<std::string, std::string> targets;
  std::string shared_strings, styles, office_document;
};

enum class DateKind { kNone, kDate, kTime, kDateTime };

// What an Excel number format shows: a date, a time, both, or a plain number.
DateKind ClassifyFormat(std::string_view code) {
  std::string s;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') {  // literal text
      const std::size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped, padded or repeated character
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      const std::string_view inside = code.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      if (inside == "h" || inside == "hh" || inside == "m" || inside == "mm" || inside == "s" || inside == "ss")
        s += 'h';  // elapsed time
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      s += c;
    }
  }
  for (std::string_view ampm : {"am/pm", "a/p"})
    for (std::size_t p; (p = s.find(ampm)) != std::string::npos;) s.replace(p, ampm.size(), "h");
  if (s == "general" || s.find("general") != std::string::npos) return DateKind::kNone;
  const bool time = s.find_first_of("hs") != std::string::npos;
  const bool day = s.find_first_of("yd") != std::string::npos || (s.find('m') != std::string::npos && !time);
  if (day && time) return DateKind::kDateTime;
  if (day) return DateKind::kDate;
  if (time) return DateKind::kTime;
  return DateKind::kNone;
}

DateKind BuiltinFormat(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return DateKind::kDate;
  if (id == 22) return DateKind::kDateTime;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateKind::kTime;
  return DateKind::kNone;
}

class StylesHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      if (id && code) custom[std::atoi(id)] = ClassifyFormat(code);
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = Attr(attrs, "numFmtId");
      const int fmt = id ? std::atoi(id) : 0;
      auto it = custom.find(fmt);
      xf_dates.push_back(it != custom.end() ? it->second : BuiltinFormat(fmt));
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  std::map<int, DateKind> custom;
  std::vector<DateKind> xf_dates;
  bool in_cell_xfs = false;
};

// The shared strings, in one buffer with an offset per string: a workbook of many short
// strings costs 8 bytes a string over its text, not a std::string each.
class SharedStringsHandler : public XmlHandler {
 public:
  std::size_t size() const { return ends.size(); }
  // The string at `index`; `oversize` set when it is longer than a cell may be.
  std::string At(std::size_t index, bool& oversize) const {
    if (index >= ends.size()) return {};
    if (oversized.count(index)) {
      oversize = true;
      return {};
    }
    const std::size_t begin = index == 0 ? 0 : ends[index - 1];
    return text.substr(begin, ends[index] - begin);
  }

  void Start(std::string_view name, const char**) override {
    if (name == "si") {
      current_bytes = 0;
      current_oversize = false;
      in_si = true;
    } else if (name == "t" && in_si && !in_phonetic) {
      in_t = true;
    } else if (name == "rPh") {
      in_phonetic = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      if (current_oversize) {
        text.resize(ends.empty() ? 0 : ends.back());
        oversized.insert(ends.size());
      }
      ends.push_back(static_cast<std::uint32_t>(text.size()));
      in_si = false;
      if (ends.size() > kMaxSharedStrings) Refuse("more than " + std::to_string(kMaxSharedStrings) + " shared strings");
    } else if (name == "t") {
      in_t = false;
    } else if (name == "rPh") {
      in_phonetic = false;
    }
  }
  void Text(const char* s, int len) override {
    if (!in_t || current_oversize) return;
    current_bytes += static_cast<std::size_t>(len);
    if (current_bytes > kMaxFieldBytes) {
      current_oversize = true;  // kept as a mark: a row that uses it is a reject
      return;
    }
    if (text.size() + static_cast<std::size_t>(len) > kMaxSharedStringBytes)
      return Refuse("shared strings longer than " + MiB(kMaxSharedStringBytes) + " in all");
    text.append(s, static_cast<std::size_t>(len));
  }

 private:
  void Refuse(std::string what) {
    why = "the shared-string table holds " + what + " (the most read): refused; a CSV export of the same "
          "data has no such bound";
    stop = true;
  }

  std::string text;
  std::vector<std::uint32_t> ends;    // end offset of each string in text
  std::set<std::size_t> oversized;    // strings longer than kMaxFieldBytes
  std::size_t current_bytes = 0;
  bool current_oversize = false;
  bool in_si = false, in_t = false, in_phonetic = false;
};

// "A1" -> 0, "C7" -> 2, "AA3" -> 26; -1 when there are no letters.
int ColumnIndex(const char* ref) {
  int col = 0;
  bool any = false;
  for (const char* p = ref; *p && std::isalpha(static_cast<unsigned char>(*p)); ++p) {
    col = col * 26 + (std::toupper(static_cast<unsigned char>(*p)) - 'A' + 1);
    any = true;
    if (col > static_cast<int>(kMaxColumns)) return static_cast<int>(kMaxColumns);
  }
  return any ? col - 1 : -1;
}

// An Excel serial date as local wall-clock text that ParseExportTime reads. The 1900 system
// counts 1900-02-29, which did not exist (Lotus 1-2-3's leap-year bug): serials from 61 on
// are one day ahead of a true count from 1899-12-31.
std::string SerialToText(double serial, DateKind kind, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return {};
  std::int64_t days = static_cast<std::int64_t>(std::floor(serial));
  std::int64_t secs = std::llround((serial - static_cast<double>(days)) * 86400.0);
  if (secs >= 86400) ++days, secs -= 86400;
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  if (kind == DateKind::kTime) return clock;
  std::string day;
  if (!date1904 && days == 60) {
    day = "1900-02-29";  // the day that never was; the row is rejected as "not a date"
  } else {
    date::sys_days base = date1904 ? date::sys_days(date::year{1904} / 1 / 1)
                                   : date::sys_days(date::year{1899} / 12 / (days >= 61 ? 30 : 31));
    const date::year_month_day ymd(base + date::days(days));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    day = buf;
  }
  return kind == DateKind::kDate ? day : day + " " + clock;
}

// Numbers as Excel stores them ("5.1255501420000001E9") back to what the cell shows.
std::string NumberText(const std::string& v) {
  if (v.find_first_of("eE") == std::string::npos) return v;
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || !std::isfinite(d) || std::fabs(d) >= 1e15 || d != std::floor(d)) return v;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", d);
  return buf;
}

// ---- one worksheet, row by row ----

class SheetHandler : public XmlHandler {
 public:
  // `expanded`: the cell text of the workbook's sheets so far, shared strings resolved.
  SheetHandler(TableImport& table, const SharedStringsHandler& strings, const std::vector<DateKind>& styles,
               bool date1904, std::int64_t& expanded)
      : table_(table), strings_(strings), styles_(styles), date1904_(date1904), expanded_(expanded) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      // Rows come in ascending order (ECMA-376 18.3.1.73): a number that does not follow
      // the last row, or beyond a sheet's last row, is damage, and the row is numbered as the
      // next one so that no two rows (one imported, one set aside) ever share a line.
      const char* r = Attr(attrs, "r");
      const long long number = r ? std::atoll(r) : 0;
      row_ = number > last_row_ && number <= kMaxSheetRows ? number : last_row_ + 1;
      cells_.clear();
      next_col_ = 0;
      row_bytes_ = 0;
      in_row_ = true;
    } else if (name == "c" && in_row_) {
      const char* r = Attr(attrs, "r");
      const int col = r ? ColumnIndex(r) : -1;
      col_ = col >= 0 ? col : next_col_;
      const char* t = Attr(attrs, "t");
      type_ = t ? t : "n";
      const char* s = Attr(attrs, "s");
      style_ = s ? std::atoi(s) : 0;
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && (name == "v" || (name == "t" && in_inline_ && !in_phonetic_))) {
      in_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_inline_ = true;
    } else if (in_cell_ && name == "rPh") {
      in_phonetic_ = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      next_col_ = col_ + 1;
      if (static_cast<std::size_t>(col_) >= kMaxColumns || row_oversize_) return;
      std::string text = CellText();
      row_bytes_ += text.size();
      // A short shared string costs its length at every use: the workbook's resolved text is
      // held to the unzip bound, so a small file cannot expand into gigabytes of cells.
      expanded_ += static_cast<std::int64_t>(text.size());
      if (expanded_ > kMaxUnzipBytes) {
        why = "its cells hold more than " + MiB(kMaxUnzipBytes) +
              " of text with the shared strings resolved (the most read)";
        stop = true;
        return;
      }
      if (row_bytes_ > kMaxRowBytes) {  // one long shared string used in every column
        row_oversize_ = true;
        cells_.clear();
        return;
      }
      if (cells_.size() <= static_cast<std::size_t>(col_)) cells_.resize(static_cast<std::size_t>(col_) + 1);
      cells_[static_cast<std::size_t>(col_)] = std::move(text);
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
      last_row_ = row_;
      status_ = table_.Record(cells_, row_,
                              row_oversize_ ? "a row longer than " + MiB(kMaxRowBytes) + " (with its shared strings)"
                              : oversize_   ? "a cell longer than " + MiB(kMaxFieldBytes)
                                            : "");
      oversize_ = row_oversize_ = false;
      if (!status_.ok()) stop = true;
    }
  }

  void Text(const char* s, int len) override {
    if (!in_value_) return;
    if (value_.size() + static_cast<std::size_t>(len) > kMaxFieldBytes) {
      oversize_ = true;
      return;
    }
    value_.append(s, static_cast<std::size_t>(len));
  }

  const Status& status() const { return status_; }
  std::int64_t last_row() const { return last_row_; }

 private:
  std::string CellText() {
    if (type_ == "s") {
      const long index = std::strtol(value_.c_str(), nullptr, 10);
      return index >= 0 ? strings_.At(static_cast<std::size_t>(index), oversize_) : std::string();
    }
    if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    if (type_ != "n" || value_.empty()) return value_;  // inlineStr, str, e (error), d (ISO date)
    const DateKind kind = style_ >= 0 && static_cast<std::size_t>(style_) < styles_.size()
                              ? styles_[static_cast<std::size_t>(style_)]
                              : DateKind::kNone;
    if (kind != DateKind::kNone) {
      char* end = nullptr;
      const double serial = std::strtod(value_.c_str(), &end);
      if (end != value_.c_str()) {
        std::string text = SerialToText(serial, kind, date1904_);
        if (!text.empty()) return text;
      }
    }
    return NumberText(value_);
  }

  TableImport& table_;
  const SharedStringsHandler& strings_;
  const std::vector<DateKind>& styles_;
  bool date1904_;
  std::int64_t& expanded_;
  std::vector<std::string> cells_;
  std::int64_t row_ = 0, last_row_ = 0;
  int col_ = 0, next_col_ = 0, style_ = 0;
  std::string type_, value_;
  bool in_row_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false, in_phonetic_ = false;
  bool oversize_ = false, row_oversize_ = false;
  std::size_t row_bytes_ = 0;
  Status status_;
};

// "worksheets/sheet1.xml" relative to "xl/workbook.xml" -> "xl/worksheets/sheet1.xml".
std::string Resolve(const std::string& base_part, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  const std::size_t slash = base_part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : base_part.substr(0, slash + 1);
  std::string t = target;
  while (t.rfind("../", 0) == 0) {
    t.erase(0, 3);
    const std::size_t up = dir.find_last_of('/', dir.size() >= 2 ? dir.size() - 2 : 0);
    dir = up == std::string::npos ? "" : dir.substr(0, up + 1);
  }
  return dir + t;
}

std::string RelsPath(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

}  // namespace

Status ImportXlsx(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats) {
  if (stats) stats->format = "xlsx";
  int code = 0;
  ZipPtr zip(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!zip) return Status::InvalidArgument(display_name + ":0: not a readable XLSX workbook: " + ZipOpenError(code));
  auto fail = [&](const std::string& why) {
    return Status::InvalidArgument(display_name + ":0: not a readable XLSX workbook: " + why);
  };

  RelsHandler root_rels;
  std::string workbook_part = "xl/workbook.xml";
  if (ParseEntry(zip.get(), "_rels/.rels", root_rels).empty() && !root_rels.office_document.empty())
    workbook_part = Resolve("", root_rels.office_document);
  WorkbookHandler workbook;
  if (std::string e = ParseEntry(zip.get(), workbook_part, workbook); !e.empty())
    return fail(e.rfind("missing part", 0) == 0 ? "a zip file without a workbook (" + e + ")" : e);
  if (workbook.sheets.empty()) return fail("the workbook has no sheets");
  RelsHandler rels;
  if (std::string e = ParseEntry(zip.get(), RelsPath(workbook_part), rels); !e.empty()) return fail(e);
  for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
    SheetRef& sheet = workbook.sheets[i];
    auto it = rels.targets.find(sheet.rel_id);
    sheet.path = it != rels.targets.end() ? Resolve(workbook_part, it->second)
                                          : "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml";
  }
  StylesHandler styles;
  const std::string styles_part = Resolve(workbook_part, rels.styles.empty() ? "styles.xml" : rels.styles);
  if (zip_name_locate(zip.get(), styles_part.c_str(), 0) >= 0)
    if (std::string e = ParseEntry(zip.get(), styles_part, styles); !e.empty()) return fail(e);
  SharedStringsHandler shared;
  const std::string strings_part =
      Resolve(workbook_part, rels.shared_strings.empty() ? "sharedStrings.xml" : rels.shared_strings);
  if (zip_name_locate(zip.get(), strings_part.c_str(), 0) >= 0)
    if (std::string e = ParseEntry(zip.get(), strings_part, shared); !e.empty()) return fail(e);

  const MappingOverride* mapping = options.mapping ? &*options.mapping : nullptr;
  std::vector<const SheetRef*> chosen;
  for (const SheetRef& sheet : workbook.sheets)
    if (!mapping || mapping->sheet.empty() || mapping->sheet == sheet.name) chosen.push_back(&sheet);
  if (chosen.empty()) return fail("no sheet named \"" + mapping->sheet + "\" (the mapping file's sheet)");

  std::int64_t total = 0, before = 0;
  for (const SheetRef* sheet : chosen) {
    zip_stat_t st;
    if (zip_stat(zip.get(), sheet->path.c_str(), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
      total += static_cast<std::int64_t>(st.size);
  }
  Status first_error;
  bool any_mapped = false;
  std::int64_t expanded = 0;
  for (const SheetRef* sheet : chosen) {
    const std::string label = workbook.sheets.size() > 1 ? display_name + " (" + sheet->name + ")" : display_name;
    TableOptions table_options;
    table_options.mapping = mapping;
    table_options.table_name = sheet->name;
    TableImport table(label, config, sink, stats, table_options);
    SheetHandler handler(table, shared, styles.xf_dates, workbook.date1904, expanded);
    std::function<void(std::int64_t)> progress;
    if (options.progress) progress = [&](std::int64_t done) { options.progress(before + done, total); };
    const std::string error = ParseEntry(zip.get(), sheet->path, handler, progress);
    if (!handler.status().ok()) return handler.status();
    if (Status flushed = table.Flush(); !flushed.ok()) return flushed;
    zip_stat_t st;
    if (zip_stat(zip.get(), sheet->path.c_str(), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
      before += static_cast<std::int64_t>(st.size);
    if (!error.empty()) {
      if (table.mapped()) {
        if (stats) ++stats->rejects;
        Status s = sink.OnReject({label, handler.last_row() + 1, "",
                                  (handler.why.empty() ? "the sheet is damaged after row " : "the sheet stops after row ") +
                                      std::to_string(handler.last_row()) + " (" + error +
                                      "); the rows before it were imported"});
        if (!s.ok()) return s;
      } else if (first_error.ok()) {
        first_error = fail("sheet \"" + sheet->name + "\": " + error);
      }
    }
    Status finished = table.Finish();
    if (finished.ok()) {
      any_mapped = true;
    } else {
      if (first_error.ok()) first_error = finished;
      if (stats) stats->notes.push_back("sheet \"" + sheet->name + "\" skipped: " + finished.message());
    }
  }
  if (!any_mapped) return first_error.ok() ? fail("no sheet could be read") : first_error;
  return Status::Ok();
}

}  // namespace ringback
