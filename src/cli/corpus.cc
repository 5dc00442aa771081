#include "cli/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "classify/json_lines.h"

namespace ringback::cli {
namespace {

namespace fs = std::filesystem;

struct Reader {
  Corpus& corpus;
  std::set<std::string> ids;

  Status ReadFile(const fs::path& file, const std::string& name, bool held_out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::IoError(name + ": cannot open");
    ReadLines(in, name, held_out);
    return Status::Ok();
  }

  void ReadLines(std::istream& in, const std::string& name, bool held_out) {
    corpus.files.push_back(name);
    std::string line;
    std::int64_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      const std::string where = name + ":" + std::to_string(line_no) + ": ";
      const StatusOr<classify::JsonLine> parsed = classify::ParseJsonLine(line, true, nullptr);
      if (!parsed.ok()) {
        corpus.errors.push_back(where + parsed.status().message());
        continue;
      }
      if (!parsed->warning.empty()) {
        corpus.errors.push_back(where + "channel: " + parsed->warning);
        continue;
      }
      classify::LabelledExample ex = classify::ToExample(*parsed);
      if (!ids.insert(ex.id).second) {
        corpus.errors.push_back(where + "id: \"" + ex.id + "\" is used twice");
        continue;
      }
      (held_out ? corpus.held_out : corpus.development).push_back(std::move(ex));
    }
  }
};

}  // namespace

bool IsHeldOut(const std::string& relative) {
  const fs::path p(relative);
  return std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == "heldout"; });
}

StatusOr<Corpus> ReadCorpus(const std::string& path) {
  Corpus corpus;
  Reader reader{corpus, {}};
  std::error_code ec;
  const fs::path root(path);
  if (fs::is_regular_file(root, ec)) {
    if (Status st = reader.ReadFile(root, path, IsHeldOut(path)); !st.ok()) return st;
    return corpus;
  }
  if (!fs::is_directory(root, ec)) return Status::IoError(path + ": no such file or folder");
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".jsonl") files.push_back(it->path());
  if (ec) return Status::IoError(path + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const std::string relative = fs::relative(f, root).generic_string();
    if (Status st = reader.ReadFile(f, relative, IsHeldOut(relative)); !st.ok()) return st;
  }
  return corpus;
}

Corpus ReadCorpusStream(std::istream& in, const std::string& name) {
  Corpus corpus;
  Reader reader{corpus, {}};
  reader.ReadLines(in, name, false);
  return corpus;
}

}  // namespace ringback::cli
