#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace parity {

/// A regular expression in RE2 syntax (https://github.com/google/re2/wiki/Syntax): matching
/// takes time linear in the subject and never recurses per character, so no pattern and no
/// subject can hang or crash the runner. Unlike ECMAScript there are no backreferences and no
/// lookaround; `\d \s \w \b` and `(?i)` work as usual. Patterns and subjects are UTF-8.
class Pattern {
 public:
  /// Compiles `pattern`; check error() before use.
  explicit Pattern(std::string_view pattern);
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;
  Pattern(Pattern&& other) noexcept;
  Pattern& operator=(Pattern&& other) noexcept;
  ~Pattern();

  /// "" when the pattern compiled; otherwise why not ("missing ): (['", "pattern too large").
  const std::string& error() const { return m_error; }
  /// Whether `subject` contains a match (false when the pattern did not compile).
  bool search(std::string_view subject) const;
  /// Whether all of `subject` matches (false when the pattern did not compile).
  bool full_match(std::string_view subject) const;

 private:
  std::unique_ptr<re2::RE2> m_re;
  std::string m_error;
};

/// Whether all of `subject` matches the constant `pattern`, compiled once per distinct pattern
/// for the life of the process (thread-safe). Throws std::invalid_argument for a pattern that
/// does not compile: constant patterns are the program's own.
bool full_match_constant(std::string_view pattern, std::string_view subject);

}  // namespace parity
