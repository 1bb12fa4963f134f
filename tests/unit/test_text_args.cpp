#include "core/error.hpp"
#include "core/stats.hpp"
#include "core/text_args.hpp"

#include <catch2/catch.hpp>

using namespace dorsum::core;

TEST_CASE("sizes parse as WIDTHxHEIGHT", "[args]") {
  const Size s = parseSize("1280x720");
  CHECK(s.width == 1280);
  CHECK(s.height == 720);
  CHECK(parseSize("64X48").height == 48);
}

TEST_CASE("bad sizes are usage errors that name the value", "[args]") {
  for (const char* bad : {"", "1280", "x720", "1280x", "0x10", "-5x10", "10x10x10", "abcxdef", "99999x10", "12 x 10"}) {
    INFO(bad);
    try {
      parseSize(bad);
      FAIL("accepted");
    } catch (const UserError& e) {
      CHECK(e.exitCode() == 2);
      CHECK(std::string(e.what()).find("'" + std::string(bad) + "'") != std::string::npos);
    }
  }
}

TEST_CASE("quantiles interpolate between samples", "[stats]") {
  CHECK(quantile({}, 0.5) == 0.0);
  CHECK(quantile({3.0}, 0.95) == 3.0);
  CHECK(quantile({4.0, 1.0, 3.0, 2.0}, 0.5) == Approx(2.5));
  std::vector<double> hundred;
  for (int i = 1; i <= 101; ++i) hundred.push_back(i);
  CHECK(quantile(hundred, 0.95) == Approx(96.0));
}
