#include "core/pattern.hpp"

#include <map>
#include <mutex>
#include <re2/re2.h>
#include <stdexcept>

namespace parity {
namespace {

/// RE2 bounds the memory of a compiled pattern (its program and DFA caches); a pattern that
/// needs more, such as `(a{1000}){1000}`, does not compile.
constexpr std::int64_t k_max_pattern_memory = std::int64_t{8} << 20;

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_log_errors(false);  // errors are reported by the caller, not on stderr
  options.set_max_mem(k_max_pattern_memory);
  return options;
}

}  // namespace

Pattern::Pattern(std::string_view pattern)
    : m_re(std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()),
                                 pattern_options())) {
  if (!m_re->ok()) {
    m_error = m_re->error();
  }
}

Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;
Pattern::~Pattern() = default;

bool Pattern::search(std::string_view subject) const {
  return m_error.empty() &&
         RE2::PartialMatch(re2::StringPiece(subject.data(), subject.size()), *m_re);
}

bool Pattern::full_match(std::string_view subject) const {
  return m_error.empty() && RE2::FullMatch(re2::StringPiece(subject.data(), subject.size()), *m_re);
}

bool full_match_constant(std::string_view pattern, std::string_view subject) {
  static std::mutex mutex;
  static std::map<std::string, Pattern, std::less<>> compiled;
  const Pattern* found = nullptr;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = compiled.find(pattern);
    if (it == compiled.end()) {
      it = compiled.emplace(std::string(pattern), Pattern(pattern)).first;
    }
    found = &it->second;  // map nodes are stable; entries are never removed
  }
  if (!found->error().empty()) {
    throw std::invalid_argument("invalid pattern '" + std::string(pattern) +
                                "': " + found->error());
  }
  return found->full_match(subject);
}

}  // namespace parity
