#include "load/suite_loader.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

namespace parity::load {
namespace {

using test_support::TempDir;

// A valid case header: the bad part of each input follows it from line 7 on.
constexpr const char* k_head = R"(suite: par.bad
title: Bad inputs
cases:
  - id: a_case
    title: A case
    requirements: [RFC9126-2-a]
)";

struct BadSuite {
  std::string yaml;
  std::string error;  // expected message prefix after "file:"
};

std::string head(const std::string& rest) {
  return k_head + rest;
}

const std::vector<BadSuite> k_bad_suites{
    {head("    steps:\n      - push: {}\n        expct: { status: 201 }\n"),
     "9:9: unknown key 'expct' in step (did you mean 'expect'?)"},
    {"suite: par.bad\ntitle: [Bad]\ncases: []\n", "2:8: 'title' must be a string"},
    {"suite: par.bad\ntitle: Bad\ncases:\n  - title: A case\n    requirements: [RFC9126-2-a]\n"
     "    steps: [{discover: {}}]\n",
     "4:5: missing required key 'id' in case"},
    {head("    steps:\n      - push: {}\n        token: {}\n"),
     "9:9: a step has exactly one kind, but 'push' and 'token' are both given"},
    {head("    steps:\n      - token: {}\n        push: {}\n"),
     "9:9: a step has exactly one kind, but 'token' and 'push' are both given"},
    {head("    steps:\n      - psuh: {}\n"),
     "8:9: unknown key 'psuh' in step (did you mean 'push'?)"},
    {head("    steps:\n      - name: x\n"),
     "8:9: a step needs one of 'push', 'authorize', 'token', 'discover' or 'wait'"},
    {head("    steps:\n      - push: {}\n        expect:\n          status: { machtes: x }\n"),
     "10:21: unknown predicate 'machtes' (did you mean 'matches'?); expected one of: equals, "},
    {head("    steps:\n      - push: {}\n        expect:\n          stauts: 201\n"),
     "10:11: invalid selector 'stauts' (did you mean 'status'?)"},
    {head("    steps:\n      - push: {}\n        expect:\n          jsn:/a: 1\n"),
     "10:11: invalid selector 'jsn:/a' (did you mean 'json:…'?)"},
    {head("    steps:\n      - push: {}\n        expect:\n          json:a: 1\n"),
     "10:11: invalid selector 'json:a'"},
    {head("    steps:\n      - push: {}\n        expect:\n          body: { matches: '(['"
          " }\n"),
     "10:28: invalid regex '(['"},
    {head("    steps:\n      - push:\n          params: { state: '${oops' }\n"),
     "9:28: unterminated '${' in template '${oops'"},
    {head("    steps:\n      - push:\n          headers: { X-A: '${}' }\n"),
     "9:27: empty variable name in template '${}'"},
    {head("    steps: [{discover: {}}]\n  - id: a_case\n    title: Again\n"
          "    requirements: [RFC9126-2-a]\n    steps: [{discover: {}}]\n"),
     "8:9: duplicate case id 'a_case' (first defined at "},
    {head("    steps:\n      - push:\n          assertion: { key: keys/missing.pem }\n"),
     "9:29: file not found: "},
    {head("    steps:\n      - push: {}\n        expect: { status: [201\n"),
     "10:1: end of sequence flow not found"},
    {head("    steps:\n      - push: {}\n        expect:\n          capability:jar: true\n"),
     "10:11: profile selector 'capability:jar' is only allowed in 'when'"},
    {head("    steps:\n      - push: {}\n        expect:\n          - when: { status: 201 }\n"
          "            status: 201\n"),
     "10:21: 'when' takes capability:<name> or policy:<name>, not 'status'"},
    {head("    steps:\n      - push: {}\n        expect:\n          - status: 201\n"
          "          - status: 400\n"),
     "11:13: unreachable expect block: the one before it has no 'when'"},
    {head("    steps:\n      - push: {}\n        expect:\n          status: { between: [1] }\n"),
     "10:30: between needs a list of two integers [min, max]"},
    {head("    steps:\n      - push: {}\n        expect:\n          status: { between: [9, 1] }"
          "\n"),
     "10:30: between needs min <= max"},
    {head("    steps:\n      - push: {}\n        expect:\n          json:/a: { type: strng }\n"),
     "10:28: unknown type 'strng' (did you mean 'string'?)"},
    {head("    steps:\n      - push: {}\n        expect:\n          json:/a: { exists: 'yes' }\n"),
     "10:30: exists needs true or false"},
    {head("    steps:\n      - push: {}\n        expect:\n          status: { at_least: '1' }\n"),
     "10:31: at_least needs an integer"},
    {head("    steps:\n      - push: {}\n        expect:\n          status: { at_most: '${x' }\n"),
     "10:30: unterminated '${' in template '${x'"},
    {head("    steps:\n      - push: {}\n        expect:\n          status: {}\n"),
     "10:19: 'status' needs at least one predicate"},
    {head("    steps:\n      - push: {}\n        expect:\n          any_of:\n"
          "            - when: { capability:x: true }\n              status: 1\n"),
     "11:15: 'when' is not allowed inside 'any_of'"},
    {head("    steps:\n      - push: {}\n        expect:\n          status: 1\n"
          "          ends_case: true\n"),
     "11:11: 'ends_case' is only allowed on an alternative inside 'any_of'"},
    {head("    steps:\n      - wait: 5x\n"), "8:15: invalid duration '5x'"},
    {head("    steps:\n      - wait: 5s\n        expect: { status: 1 }\n"),
     "9:9: a wait step takes no 'expect'"},
    {head("    steps:\n      - push:\n          auth: private_key_jw\n"),
     "9:17: unknown authentication method 'private_key_jw' (did you mean 'private_key_jwt'?)"},
    {head("    steps:\n      - push:\n          client: method:secret\n"),
     "9:19: unknown authentication method 'secret'"},
    {head("    steps:\n      - push:\n          params: { scope: [] }\n"),
     "9:28: 'scope' in 'params' must be a string or a non-empty list of strings"},
    {head("    steps:\n      - push:\n          params: { scope: { a: b } }\n"),
     "9:28: 'scope' in 'params' must be a string or a non-empty list of strings"},
    {head("    steps:\n      - push:\n          assertion: { alg: HS512 }\n"),
     "9:29: unknown alg 'HS512'"},
    {head("    steps:\n      - push:\n          assertion: { omit: [nbf] }\n"),
     "9:31: unknown claim 'nbf'"},
    {head("    steps:\n      - push:\n          assertion: { exp: soon }\n"),
     "9:29: 'exp' must be an integer"},
    {head("    steps:\n      - push: {}\n        capture: { 1st: json:/a }\n"),
     "9:20: invalid variable name '1st'"},
    {head("    steps:\n      - push: {}\n        capture: { uri: json/a }\n"),
     "9:25: invalid selector 'json/a'"},
    {head("    vars: { state: x }\n    steps: [{discover: {}}]\n"),
     "7:13: variable 'state' redefines a built-in variable"},
    {head("    vars: { n: { random: 0 } }\n    steps: [{discover: {}}]\n"),
     "7:18: 'random' must be between 1 and 4096"},
    {head("    vars: { n: { random: 5, pkce_verifier: true } }\n    steps: [{discover: {}}]\n"),
     "7:16: variable 'n' needs exactly one of 'random', 'pkce_verifier' or 'thumbprint'"},
    {head("    vars: { n: { pkce_verifer: true } }\n    steps: [{discover: {}}]\n"),
     "7:18: unknown key 'pkce_verifer' in variable 'n' (did you mean 'pkce_verifier'?)"},
    {head("    level: could\n    steps: [{discover: {}}]\n"), "7:12: unknown level 'could'"},
    {head("    requires: [pkce_plian]\n    steps: [{discover: {}}]\n"),
     "7:16: unknown capability 'pkce_plian' (did you mean 'pkce_plain'?)"},
    {head("    steps: []\n"), "7:12: 'steps' must be a non-empty list"},
    {"suite: par.bad\ntitle: Bad\ncases:\n  - id: x\n    title: X\n    requirements: []\n"
     "    steps: [{discover: {}}]\n",
     "6:5: a case needs at least one requirement"},
    {"suite: par.bad\ntitle: Bad\ncases:\n  - id: x\n    title: X\n    requirements: [2.2-a]\n"
     "    steps: [{discover: {}}]\n",
     "6:20: invalid requirement id '2.2-a'"},
    {"suite: par.bad\ntitle: Bad\ncases:\n  - id: Bad-Id\n    title: X\n"
     "    requirements: [RFC9126-2-a]\n    steps: [{discover: {}}]\n",
     "4:9: invalid case id 'Bad-Id' (lowercase letters, digits and '_')"},
    {"suite: Par-Core\ntitle: Bad\ncases: []\n", "1:8: invalid suite id 'Par-Core'"},
    {"suite: par.bad\ntitle: Bad\ncases: []\n", "3:8: 'cases' must be a non-empty list"},
    {"suite: par.bad\ntitel: Bad\n", "2:1: unknown key 'titel' in suite (did you mean 'title'?)"},
    {head("    steps:\n      - push: {}\n        name: twice\n      - push: {}\n"
          "        name: twice\n"),
     "10:9: duplicate step name 'twice'"},
    {head("    steps:\n      - push:\n          method: 'GE T'\n"),
     "9:19: invalid HTTP method 'GE T'"},
    {head("    steps:\n      - push:\n          headers: { 'X A': b }\n"),
     "9:22: invalid header name 'X A' (an RFC 9110 token)"},
};

TEST(SuiteErrorsTest, EachBadInputIsReportedAtItsNode) {
  TempDir dir;
  for (const auto& bad : k_bad_suites) {
    const std::string path = dir.write("suites/bad.yaml", bad.yaml);
    const std::string expected = path + ":" + bad.error;
    try {
      load_suite(path);
      ADD_FAILURE() << "no error for:\n" << bad.yaml;
    } catch (const LoadError& e) {
      const std::string actual = e.what();
      EXPECT_EQ(actual.substr(0, expected.size()), expected) << bad.yaml;
    }
  }
}

TEST(SuiteErrorsTest, KeyThatIsNotAPrivateKeyIsRejected) {
  TempDir dir;
  dir.copy_key("client_rsa.pub.pem", "keys/public.pem");
  const std::string path =
      dir.write("bad.yaml",
                head("    steps:\n      - push:\n          assertion: { key: keys/public.pem }\n"));
  try {
    load_suite(path);
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ":9:29: not a private key: " + dir.path() + "/keys/public.pem");
  }
}

TEST(SuiteErrorsTest, UnreadableKeyFileBecomesALoadError) {
  TempDir dir;
  dir.write("keys/garbage.pem", "-----BEGIN PRIVATE KEY-----\nnot base64\n");
  const std::string path = dir.write(
      "bad.yaml",
      head("    steps:\n      - push:\n          assertion: { key: keys/garbage.pem }\n"));
  try {
    load_suite(path);
    FAIL() << "no error";
  } catch (const LoadError& e) {
    const std::string expected = path + ":9:29: cannot load private key: ";
    EXPECT_EQ(std::string(e.what()).substr(0, expected.size()), expected);
  }
}

}  // namespace
}  // namespace parity::load
