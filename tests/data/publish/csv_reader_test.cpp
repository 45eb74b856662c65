// Tests of data/publish/csv_reader.cpp: the quirks of spreadsheet CSV exports.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "data/publish/csv_reader.hpp"

using namespace bk::data::publish;

TEST_CASE("csv: strips a UTF-8 byte order mark from the first header") {
    auto t = parse_csv("\xEF\xBB\xBFid,name\nv1,Huiskamer\n", "bom.csv");
    REQUIRE(t);
    CHECK(t->header[0] == "id");
    REQUIRE(t->column({"id"}));
    CHECK(*t->column({"id"}) == 0);
    REQUIRE(t->rows.size() == 1);
    CHECK(t->rows[0].field(1) == "Huiskamer");
}

TEST_CASE("csv: detects ';' as delimiter (Dutch Excel export) and keeps decimal commas intact") {
    auto t = parse_csv("id;name;lon\r\nv1;Buurthuis;4,4512\r\n", "semi.csv");
    REQUIRE(t);
    CHECK(t->delimiter == ';');
    REQUIRE(t->rows.size() == 1);
    CHECK(t->rows[0].fields == std::vector<std::string>{"v1", "Buurthuis", "4,4512"});
    CHECK(t->rows[0].line == 2);
}

TEST_CASE("csv: quoted fields hold delimiters, doubled quotes and line breaks") {
    auto t = parse_csv("id,name,notes\n"
                       "v1,\"Café \"\"De Hoek\"\", Spangen\",\"line one\nline two\"\n"
                       "v2,Plain,x\n",
                       "quotes.csv");
    REQUIRE(t);
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].field(1) == "Café \"De Hoek\", Spangen");
    CHECK(t->rows[0].field(2) == "line one\nline two");
    CHECK(t->rows[1].line == 4);  // the quoted newline moved the next row down one line
}

TEST_CASE("csv: blank rows and rows of only delimiters are dropped, short rows read as empty cells") {
    auto t = parse_csv("id;name;web\n\nv1;A\n;;\n ; ; \nv2;B;x\n;;;\n", "blank.csv");
    REQUIRE(t);
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].field(2).empty());
    CHECK(t->rows[1].line == 6);
}

TEST_CASE("csv: header lookup ignores case, spaces and underscores") {
    auto t = parse_csv("ID, Opening Hours ,lon/lat\n", "hdr.csv");
    REQUIRE(t);
    CHECK(t->column({"opening_hours"}) == std::optional<std::size_t>(1));
    CHECK(t->column({"lonlat"}) == std::optional<std::size_t>(2));
    CHECK_FALSE(t->column({"website"}));
}

TEST_CASE("csv: an unterminated quote is an error naming file and the line where the quote opened") {
    auto t = parse_csv("id,name\nv1,ok\nv2,\"never closed\nv3,x\n", "broken.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().kind == bk::data::ErrorKind::Parse);
    CHECK(t.error().message == "broken.csv:3: quoted field is never closed (missing '\"')");
}

TEST_CASE("csv: text after a closing quote is an error with its line") {
    auto t = parse_csv("id,name\nv1,\"A\"B\n", "after.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().message == "after.csv:2: unexpected 'B' after a closing quote (expected ',' or end of line)");
}

TEST_CASE("csv: an empty file has no header") {
    auto t = parse_csv("\xEF\xBB\xBF\r\n", "empty.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().message == "empty.csv: no header line (file is empty)");
}

TEST_CASE("csv: trim_cell removes non-breaking spaces pasted from web pages") {
    CHECK(trim_cell("\xC2\xA0 Spangen \xC2\xA0") == "Spangen");
    CHECK(trim_cell("   ") == "");
}

TEST_CASE("csv: read_csv_file reports a missing file with its path") {
    auto t = read_csv_file("/nonexistent/venues.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().kind == bk::data::ErrorKind::Io);
    CHECK(t.error().message.starts_with("/nonexistent/venues.csv: cannot read"));
}
