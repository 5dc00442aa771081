#include "classify/word_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <sstream>

namespace ringback::classify {
namespace {

bool WordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; }

// The words of `t` as ModelFeatures reads them (digits folded to "0", quotes trimmed), appended
// to `buf`, with their [offset, length) in it.
void Words(std::string_view t, std::string& buf,
           std::vector<std::pair<std::size_t, std::size_t>>& words) {
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && !WordChar(t[i])) ++i;
    std::size_t e = i;
    while (e < t.size() && WordChar(t[e])) ++e;
    std::size_t b = i;
    std::size_t end = e;
    while (end > b && t[end - 1] == '\'') --end;
    while (b < end && t[b] == '\'') ++b;
    if (end > b) {
      const std::size_t off = buf.size();
      for (std::size_t k = b; k < end; ++k) buf += (t[k] >= '1' && t[k] <= '9') ? '0' : t[k];
      words.emplace_back(off, end - b);
    }
    i = e;
  }
}

int IndexOf(Category c) {
  for (std::size_t i = 0; i < kModelCategories.size(); ++i)
    if (kModelCategories[i] == c) return static_cast<int>(i);
  return -1;
}

// Softmax of `score` in place.
template <std::size_t N>
void Softmax(std::array<double, N>& score) {
  const double top = *std::max_element(score.begin(), score.end());
  double total = 0;
  for (double& s : score) total += (s = std::exp(s - top));
  for (double& s : score) s /= total;
}

std::string Number(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", w);
  return buf;
}

}  // namespace

std::vector<std::string_view> FeatureViews(std::string_view t, std::string& buf) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  buf.reserve(t.size() * 6 + 16);  // words, stems and pairs: no reallocation below
  Words(t, buf, words);
  std::vector<std::pair<std::size_t, std::size_t>> features(words);
  for (const auto& [off, len] : words)
    if (len > 5) {
      features.emplace_back(buf.size(), 6);
      buf += '~';
      buf.append(buf, off, 5);
    }
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const std::size_t off = buf.size();
    buf.append(buf, words[k].first, words[k].second);
    buf += ' ';
    buf.append(buf, words[k + 1].first, words[k + 1].second);
    features.emplace_back(off, buf.size() - off);
  }
  std::vector<std::string_view> out;
  out.reserve(features.size());
  for (const auto& [off, len] : features) out.push_back(std::string_view(buf).substr(off, len));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> ModelFeatures(std::string_view t) {
  std::string buf;
  const std::vector<std::string_view> views = FeatureViews(t, buf);
  return {views.begin(), views.end()};
}

void WordModel::Add(std::string_view normalized, Category label) {
  const int c = IndexOf(label);
  if (c < 0) return;
  examples_.push_back({ModelFeatures(normalized), static_cast<std::size_t>(c)});
}

std::string WordModel::Serialize(const ModelTraining& training) const {
  // Features by name, those seen in enough examples, as dense indexes.
  std::unordered_map<std::string_view, int> docs;
  for (const Example& e : examples_)
    for (const std::string& f : e.features) ++docs[f];
  std::vector<std::string_view> names;
  for (const auto& [f, n] : docs)
    if (n >= training.min_docs) names.push_back(f);
  std::sort(names.begin(), names.end());
  std::unordered_map<std::string_view, int> index;
  for (std::size_t i = 0; i < names.size(); ++i) index[names[i]] = static_cast<int>(i);
  std::vector<std::vector<int>> rows(examples_.size());
  for (std::size_t k = 0; k < examples_.size(); ++k)
    for (const std::string& f : examples_[k].features)
      if (auto it = index.find(f); it != index.end()) rows[k].push_back(it->second);

  std::vector<Weights> w(names.size(), Weights{});
  Weights bias{};
  std::vector<std::size_t> order(examples_.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(training.seed);
  for (int pass = 0; pass < training.epochs; ++pass) {
    for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    const double rate = training.rate / (1 + pass);
    for (std::size_t k : order) {
      Weights p = bias;
      for (int f : rows[k])
        for (std::size_t c = 0; c < kN; ++c) p[c] += w[f][c];
      Softmax(p);
      p[examples_[k].label] -= 1;  // the gradient of the cross-entropy
      for (std::size_t c = 0; c < kN; ++c) bias[c] -= rate * p[c];
      for (int f : rows[k])
        for (std::size_t c = 0; c < kN; ++c) w[f][c] -= rate * (p[c] + training.l2 * w[f][c]);
    }
  }

  std::ostringstream out;
  out << "# logistic regression over words and pairs: feature, then a weight per category\n#";
  for (Category c : kModelCategories) out << ' ' << CategoryName(c);
  out << "\n@bias";
  for (double b : bias) out << ' ' << Number(b);
  out << '\n';
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (std::all_of(w[i].begin(), w[i].end(), [](double x) { return std::fabs(x) < 1e-4; })) continue;
    out << names[i] << '\t';
    for (std::size_t c = 0; c < kN; ++c) out << (c ? " " : "") << Number(w[i][c]);
    out << '\n';
  }
  return out.str();
}

StatusOr<WordModel> WordModel::Parse(std::string_view text) {
  WordModel m;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const bool bias = line.starts_with("@bias ");
    const std::size_t tab = line.find('\t');
    if (!bias && tab == std::string_view::npos)
      return Status::InvalidArgument("model line " + std::to_string(line_no) + ": no tab");
    std::istringstream nums(std::string(bias ? line.substr(6) : line.substr(tab + 1)));
    Weights w{};
    for (double& x : w)
      if (!(nums >> x) || !std::isfinite(x))
        return Status::InvalidArgument("model line " + std::to_string(line_no) + ": bad weights");
    if (bias) m.bias_ = w;
    else m.weights_.emplace(std::string(line.substr(0, tab)), w);
  }
  return m;
}

std::optional<ModelGuess> WordModel::Guess(std::string_view normalized) const {
  if (weights_.empty()) return std::nullopt;
  std::string buf;
  std::vector<const std::pair<const std::string, Weights>*> known;
  for (std::string_view f : FeatureViews(normalized, buf)) {
    const auto it = weights_.find(f);
    if (it != weights_.end()) known.push_back(&*it);
  }
  if (known.size() < 2) return std::nullopt;
  Weights p = bias_;
  for (const auto* f : known)
    for (std::size_t c = 0; c < kN; ++c) p[c] += f->second[c];
  Softmax(p);
  const std::size_t best = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
  ModelGuess g;
  g.category = kModelCategories[best];
  g.probability = p[best];
  // The features whose weight for `best` exceeds their weight for any other category most.
  std::vector<std::pair<double, const std::string*>> margin;
  for (const auto* f : known) {
    double other = -INFINITY;
    for (std::size_t c = 0; c < kN; ++c)
      if (c != best) other = std::max(other, f->second[c]);
    if (f->second[best] > other) margin.emplace_back(f->second[best] - other, &f->first);
  }
  std::sort(margin.begin(), margin.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  });
  for (std::size_t k = 0; k < margin.size() && k < 3; ++k) g.because.push_back(*margin[k].second);
  return g;
}

}  // namespace ringback::classify
