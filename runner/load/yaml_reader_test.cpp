#include "load/yaml_reader.hpp"

#include "core/input_file.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <sys/stat.h>

namespace parity::load {
namespace {

using test_support::TempDir;

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const LoadError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(YamlReaderTest, ToJsonResolvesPlainScalarsAndKeepsQuotedOnesStrings) {
  const YAML::Node node = YAML::Load(
      "int: 201\nquoted_int: '201'\nneg: -5\nplus: +7\nfloat: 1.5\nexp: 2e3\n"
      "yes_: true\nno_: False\nquoted_bool: \"true\"\nnull_: ~\nnull_word: null\n"
      "quoted_null: 'null'\nhex: 0x1F\nyaml11_bool: yes\ntext: hello\n"
      "block: |\n  42\nlist: [1, '2', x]\nmap: {a: 1}\nhuge: 99999999999999999999\n");
  const nlohmann::json json = to_json(node);
  EXPECT_EQ(json["int"], 201);
  EXPECT_TRUE(json["int"].is_number_integer());
  EXPECT_EQ(json["quoted_int"], "201");
  EXPECT_EQ(json["neg"], -5);
  EXPECT_EQ(json["plus"], 7);
  EXPECT_DOUBLE_EQ(json["float"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(json["exp"].get<double>(), 2000.0);
  EXPECT_EQ(json["yes_"], true);
  EXPECT_EQ(json["no_"], false);
  EXPECT_EQ(json["quoted_bool"], "true");
  EXPECT_TRUE(json["null_"].is_null());
  EXPECT_TRUE(json["null_word"].is_null());
  EXPECT_EQ(json["quoted_null"], "null");
  EXPECT_EQ(json["hex"], "0x1F");
  EXPECT_EQ(json["yaml11_bool"], "yes");
  EXPECT_EQ(json["text"], "hello");
  EXPECT_EQ(json["block"], "42\n");
  EXPECT_EQ(json["list"], nlohmann::json::parse(R"([1, "2", "x"])"));
  EXPECT_EQ(json["map"], nlohmann::json::parse(R"({"a": 1})"));
  EXPECT_TRUE(json["huge"].is_number_float());
}

TEST(YamlReaderTest, LocationIsOneBased) {
  const YAML::Node node = YAML::Load("a: 1\nlist:\n  - x\n  - y\n");
  const SourceLocation where = location_of(node["list"][1], "f.yaml");
  EXPECT_EQ(where.str(), "f.yaml:4:5");
}

TEST(YamlReaderTest, SyntaxErrorNamesLineAndColumn) {
  TempDir dir;
  const std::string path = dir.write("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n");
  const std::string error = error_of([&] { parse_yaml_file(path); });
  EXPECT_EQ(error, path + ":3:2: end of sequence flow not found");
}

TEST(YamlReaderTest, BadIndentationNamesLineAndColumn) {
  TempDir dir;
  const std::string path = dir.write("bad.yaml", "steps:\n  - push: {}\n   expect: 1\n");
  EXPECT_EQ(error_of([&] { parse_yaml_file(path); }), path + ":3:4: end of sequence not found");
}

TEST(YamlReaderTest, MissingFileCannotBeRead) {
  TempDir dir;
  const std::string path = dir.path() + "/absent.yaml";
  EXPECT_EQ(error_of([&] { parse_yaml_file(path); }), path + ": file not found");
  EXPECT_EQ(error_of([&] { parse_yaml_file(dir.path()); }),
            dir.path() + ": not a regular file (a directory)");
}

// Bad local input: devices, FIFOs and oversized files are refused before anything is read
// (reading /dev/zero used to end in bad_alloc, a FIFO would block).
TEST(YamlReaderTest, OnlyRegularFilesUpToTheCapAreRead) {
  TempDir dir;
  EXPECT_EQ(error_of([&] { parse_yaml_file("/dev/zero"); }),
            "/dev/zero: not a regular file (a character device)");
  const std::string fifo = dir.path() + "/fifo.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_of([&] { parse_yaml_file(fifo); }), fifo + ": not a regular file (a FIFO)");
  const std::string big = dir.write("big.yaml", "");
  std::filesystem::resize_file(big, k_max_yaml_file_bytes + 1);
  EXPECT_EQ(error_of([&] { parse_yaml_file(big); }),
            big + ": larger than 1 MiB (" + std::to_string(k_max_yaml_file_bytes + 1) + " bytes)");
}

// A "billion laughs" document: nine levels of nine aliases expand to 9^9 nodes in every
// reader that walks the node graph. Refused at the alias that crosses the bound.
TEST(YamlReaderTest, AliasBombIsRefused) {
  TempDir dir;
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 9; ++level) {
    const std::string previous = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) {
      text += (i == 0 ? "" : ", ") + previous;
    }
    text += "]\n";
  }
  const std::string path = dir.write("bomb.yaml", text);
  const std::string error = error_of([&] { parse_yaml_file(path); });
  EXPECT_NE(error.find("aliases expand this document by more than 100000 nodes"), std::string::npos)
      << error;
  EXPECT_EQ(error.rfind(path + ":6:", 0), 0U) << error;  // 9^5 * 10 nodes crosses it on line 6
}

TEST(YamlReaderTest, ModestAliasesAreExpanded) {
  TempDir dir;
  const std::string path = dir.write(
      "shared.yaml", "base: &push {status: 201, json: {a: [1, 2]}}\nuse: [*push, *push]\n");
  const nlohmann::json json = to_json(parse_yaml_file(path));
  EXPECT_EQ(json["use"][1]["json"]["a"][1], 2);
}

TEST(YamlReaderTest, AliasInsideItsOwnNodeIsRefused) {
  TempDir dir;
  const std::string path = dir.write("cycle.yaml", "a: &loop\n  - x\n  - *loop\n");
  EXPECT_EQ(
      error_of([&] { parse_yaml_file(path); }),
      path + ":3:5: this alias refers to a node that contains it (the node would be endless)");
}

TEST(YamlReaderTest, EmptyOrCommentOnlyFileIsAnEmptyDocument) {
  TempDir dir;
  const std::string empty = dir.write("empty.yaml", "");
  const std::string comment = dir.write("comment.yaml", "# nothing here\n");
  EXPECT_EQ(error_of([&] { parse_yaml_file(empty); }), empty + ":1:1: empty document");
  EXPECT_EQ(error_of([&] { parse_yaml_file(comment); }), comment + ":1:1: empty document");
}

TEST(YamlReaderTest, SecondDocumentIsRejected) {
  TempDir dir;
  const std::string path = dir.write("two.yaml", "a: 1\n---\nb: 2\n");
  EXPECT_EQ(error_of([&] { parse_yaml_file(path); }),
            path + ":3:1: only one YAML document is allowed");
}

// Regression (runner/scripts/fuzz.sh, profile_loader): a ',' where a block node should be made
// yaml-cpp 0.7's LoadAll yield empty documents forever; this must be a prompt error.
TEST(YamlReaderTest, StrayCommaIsAnErrorNotAnEndlessLoop) {
  TempDir dir;
  const std::string lone = dir.write("comma.yaml", ",\n");
  EXPECT_EQ(error_of([&] { parse_yaml_file(lone); }),
            lone + ":1:1: unexpected character here (e.g. a ',' outside [ ] or { })");
  const std::string after_comment = dir.write("after.yaml", "# a profile\n,# x\nid: y\n");
  EXPECT_EQ(error_of([&] { parse_yaml_file(after_comment); }).substr(after_comment.size()),
            ":2:1: unexpected character here (e.g. a ',' outside [ ] or { })");
}

TEST(YamlReaderTest, SuggestFindsCloseWordsOnly) {
  const std::vector<std::string> keys{"capture", "expect", "name", "push"};
  EXPECT_EQ(suggest("expct", keys), "expect");
  EXPECT_EQ(suggest("exepct", keys), "expect");  // a transposition counts once
  EXPECT_EQ(suggest("psuh", keys), "push");
  EXPECT_EQ(suggest("xyz", keys), "");
  EXPECT_EQ(suggest("totally_different", keys), "");
}

TEST(MapReaderTest, ReadsTypedValues) {
  const YAML::Node node =
      YAML::Load("name: web\nport: 8080\nflag: true\nlist: [a, 'b']\nnested: {x: 1}\n");
  MapReader reader(node, "f.yaml", "thing");
  EXPECT_EQ(reader.required_string("name"), "web");
  EXPECT_EQ(reader.optional_int("port", 1), 8080);
  EXPECT_EQ(reader.optional_int("absent", 7), 7);
  EXPECT_FALSE(reader.optional_int("absent2").has_value());
  EXPECT_TRUE(reader.optional_bool("flag", false));
  EXPECT_EQ(reader.optional_string_list("list"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(reader.required_node("nested").IsMap());
  EXPECT_FALSE(reader.optional_string("missing").has_value());
  EXPECT_EQ(reader.keys(), (std::vector<std::string>{"name", "port", "flag", "list", "nested"}));
  EXPECT_EQ(reader.location_of_key("port").str(), "f.yaml:2:1");
  EXPECT_NO_THROW(reader.finish());
}

TEST(MapReaderTest, UnknownKeySuggestsAKnownOne) {
  const YAML::Node node = YAML::Load("name: x\nexpct: 1\n");
  MapReader reader(node, "f.yaml", "step");
  reader.optional_string("name");
  reader.optional_node("expect");
  EXPECT_EQ(error_of([&] { reader.finish(); }),
            "f.yaml:2:1: unknown key 'expct' in step (did you mean 'expect'?)");
}

TEST(MapReaderTest, TypeErrorsPointAtTheValue) {
  const YAML::Node node =
      YAML::Load("title: [a]\nport: '80'\nflag: 1\nlist: x\nempty:\nitems: [a, [b]]\n");
  MapReader reader(node, "f.yaml", "case");
  EXPECT_EQ(error_of([&] { reader.required_string("title"); }),
            "f.yaml:1:8: 'title' must be a string");
  EXPECT_EQ(error_of([&] { reader.optional_int("port"); }),
            "f.yaml:2:7: 'port' must be an integer");
  EXPECT_EQ(error_of([&] { reader.optional_bool("flag", false); }),
            "f.yaml:3:7: 'flag' must be true or false");
  EXPECT_EQ(error_of([&] { reader.optional_string_list("list"); }),
            "f.yaml:4:7: 'list' must be a list of strings");
  EXPECT_EQ(error_of([&] { reader.optional_string("empty"); }),
            "f.yaml:5:1: 'empty' must be a string");
  EXPECT_EQ(error_of([&] { reader.optional_string_list("items"); }),
            "f.yaml:6:12: items of 'items' must be strings");
}

TEST(MapReaderTest, MissingRequiredKeyPointsAtTheMap) {
  const YAML::Node node = YAML::Load("outer:\n  title: x\n");
  MapReader reader(node["outer"], "f.yaml", "case");
  EXPECT_EQ(error_of([&] { reader.required_string("id"); }),
            "f.yaml:2:3: missing required key 'id' in case");
  EXPECT_EQ(error_of([&] { reader.required_node("steps"); }),
            "f.yaml:2:3: missing required key 'steps' in case");
}

TEST(MapReaderTest, RejectsNonMappingsAndDuplicateKeys) {
  EXPECT_EQ(error_of([] { MapReader(YAML::Load("a: [1]")["a"], "f.yaml", "case"); }),
            "f.yaml:1:4: case must be a mapping");
  EXPECT_EQ(error_of([] { MapReader(YAML::Load("id: a\nid: b\n"), "f.yaml", "case"); }),
            "f.yaml:2:1: duplicate key 'id' in case");
}

}  // namespace
}  // namespace parity::load
