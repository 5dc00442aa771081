// Helpers shared by the ingest tests (and the inspect command's tests): a sink that records
// what it is given, a company configuration, private temporary folders, and small XLSX
// workbooks written with libzip, so no binary fixture is committed.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/company_config.h"
#include "core/time.h"
#include "ingest/import_sink.h"

namespace ringback::testing {

inline const std::string kIngestFixtures = std::string(RINGBACK_SOURCE_DIR) + "/tests/fixtures/ingest/";

class RecordingSink : public ImportSink {
 public:
  Status OnSignal(const Signal& s) override {
    signals.push_back(s);
    return Status::Ok();
  }
  Status OnAttempt(const Attempt& a) override {
    attempts.push_back(a);
    return Status::Ok();
  }
  Status OnEstimate(const Estimate& e) override {
    estimates.push_back(e);
    return Status::Ok();
  }
  Status OnReject(const Reject& r) override {
    rejects.push_back(r);
    return Status::Ok();
  }
  std::vector<Signal> signals;
  std::vector<Attempt> attempts;
  std::vector<Estimate> estimates;
  std::vector<Reject> rejects;
};

inline CompanyConfig TestCompany() {
  CompanyConfig c;
  c.name = "Summit Ridge Roofing & Air";
  c.time_zone = "America/Chicago";
  c.phone_region = "US";
  Person rick;
  rick.name = "Rick Hollis";
  rick.role = Role::kEstimator;
  rick.email = "rick@summitridge.example.com";
  c.team = {rick};
  return c;
}

inline Timestamp Utc(const char* text) {
  auto t = ParseUtc(text);
  EXPECT_TRUE(t.has_value()) << "bad test time " << text;
  return t.value_or(Timestamp{});
}

// A private temporary folder, removed with the object.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("ringback_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string file = Path(name);
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Writes a zip holding `parts` (path in the archive -> content). Returns false on failure.
inline bool WriteZip(const std::string& path, const std::map<std::string, std::string>& parts) {
  int err = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!zip) return false;
  for (const auto& [name, content] : parts) {
    // libzip copies nothing until zip_close: keep the bytes alive in a heap copy it frees.
    void* copy = std::malloc(content.size() ? content.size() : 1);
    std::memcpy(copy, content.data(), content.size());
    zip_source_t* src = zip_source_buffer(zip, copy, content.size(), 1);
    if (!src || zip_file_add(zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      zip_discard(zip);
      return false;
    }
  }
  return zip_close(zip) == 0;
}

struct XlsxSheet {
  std::string name;
  std::string sheet_data;  // the <sheetData> element's content: <row>… </row>
};

// Cell styles of the workbooks written here, by index (the s="" attribute):
//   0 General, 1 date (numFmt 14), 2 date and time (numFmt 22), 3 custom "m/d/yyyy h:mm AM/PM",
//   4 time (numFmt 21), 5 custom "#,##0.00" (a number, not a date).
inline std::map<std::string, std::string> XlsxParts(const std::vector<XlsxSheet>& sheets,
                                                    const std::vector<std::string>& shared_strings,
                                                    bool date1904 = false) {
  std::map<std::string, std::string> parts;
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
  std::string workbook =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
  workbook += date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>";
  workbook += "<sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" + n + ".xml\"/>";
    types += "<Override PartName=\"/xl/worksheets/sheet" + n +
             ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    parts["xl/worksheets/sheet" + n + ".xml"] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
        sheets[i].sheet_data + "</sheetData></worksheet>";
  }
  workbook += "</sheets></workbook>";
  rels +=
      "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdT\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
      "Target=\"sharedStrings.xml\"/></Relationships>";
  types += "</Types>";
  std::string strings =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" +
      std::to_string(shared_strings.size()) + "\" uniqueCount=\"" + std::to_string(shared_strings.size()) + "\">";
  for (const std::string& s : shared_strings) strings += "<si><t xml:space=\"preserve\">" + s + "</t></si>";
  strings += "</sst>";
  parts["[Content_Types].xml"] = types;
  parts["_rels/.rels"] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>";
  parts["xl/workbook.xml"] = workbook;
  parts["xl/_rels/workbook.xml.rels"] = rels;
  parts["xl/sharedStrings.xml"] = strings;
  parts["xl/styles.xml"] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"m/d/yyyy\\ h:mm\\ AM/PM\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00\"/></numFmts>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
      "<cellXfs count=\"6\"><xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"22\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"21\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      "</cellXfs></styleSheet>";
  return parts;
}

inline bool WriteXlsx(const std::string& path, const std::vector<XlsxSheet>& sheets,
                      const std::vector<std::string>& shared_strings, bool date1904 = false) {
  return WriteZip(path, XlsxParts(sheets, shared_strings, date1904));
}

}  // namespace ringback::testing
