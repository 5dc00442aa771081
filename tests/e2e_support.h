// Shared by the end-to-end tests: run the real `ringback` binary and read what it wrote.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.h"

namespace ringback::e2e {

inline const std::string kSource = RINGBACK_SOURCE_DIR;
inline const std::string kBinary = RINGBACK_BINARY;

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs a shell command line and collects its output and exit code.
inline RunResult Shell(const std::string& command) {
  RunResult run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline RunResult Ringback(const std::string& args) { return Shell(kBinary + " " + args); }

using Table = std::vector<std::map<std::string, std::string>>;

// A CSV file as rows of header -> value.
inline Table ReadCsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  CsvReader reader(in);
  std::vector<std::string> header, fields;
  Table rows;
  if (!reader.Next(header)) return rows;
  while (reader.Next(fields)) {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace ringback::e2e
