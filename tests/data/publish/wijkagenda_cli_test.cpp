// Tests of the wijkagenda executable: keygen, build --sign-key, verify, sign; exit codes and messages.
#include <doctest/doctest.h>

#include <cstdio>
#include <sys/wait.h>

#include "publish_test_util.hpp"

using publish_test::TempDir;
using publish_test::write_text;

namespace {

struct Run {
    int code = -1;
    std::string out;
};

// Runs wijkagenda with `args` (already shell-quoted), stdout captured, stderr to `err_file`.
Run run(const std::string& args, const std::filesystem::path& err_file) {
    Run r;
    const std::string cmd = std::string(WIJKAGENDA_EXE) + " " + args + " 2>" + err_file.string();
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace

TEST_CASE("cli: keygen, signed build of the sample, verify OK, verify rejects a tampered feed") {
    TempDir dir("cli");
    const auto err = dir / "stderr.txt";
    const auto key = dir / "signing.key";
    Run kg = run("keygen --key-id wijk-test --out " + key.string(), err);
    REQUIRE(kg.code == 0);
    CHECK(kg.out.starts_with("wijk-test:"));
    const std::string trusted = kg.out.substr(0, kg.out.find('\n'));
    CHECK(run("keygen --key-id again --out " + key.string(), err).code == 1);  // never overwrites a key
    CHECK(publish_test::read_text(err).find("refusing to overwrite") != std::string::npos);

    const auto sources = publish_test::source_dir() / "assets/publish/sources.sample.json";
    Run b = run("build --sources " + sources.string() + " --state " + (dir / "state").string() + " --out " +
                    (dir / "out").string() + " --sign-key " + key.string() + " --no-geocode --now 2026-11-23T10:00:00Z",
                err);
    REQUIRE(b.code == 0);
    CHECK(b.out.find("ondertekend met sleutel wijk-test") != std::string::npos);
    const auto feed = dir / "out" / "current" / "feed.json";
    REQUIRE(std::filesystem::exists(feed.string() + ".sig"));
    // The report is private: in the admin folder, never inside the public release.
    CHECK(std::filesystem::exists(dir / "out" / "beheer" / "index.html"));
    CHECK(std::filesystem::exists(dir / "out" / "beheer" / "report.txt"));
    CHECK_FALSE(std::filesystem::exists(dir / "out" / "current" / "report.html"));
    CHECK_FALSE(std::filesystem::exists(dir / "out" / "current" / "report.txt"));

    Run v = run("verify --trust " + trusted + " " + feed.string(), err);
    CHECK(v.code == 0);
    CHECK(v.out == "OK: signed by wijk-test\n");

    std::string body = publish_test::read_text(feed);
    body.back() = ' ';
    write_text(dir / "tampered.json", body);
    std::filesystem::copy_file(feed.string() + ".sig", dir / "tampered.json.sig");
    Run t = run("verify --trust " + trusted + " " + (dir / "tampered.json").string(), err);
    CHECK(t.code == 3);
    CHECK(t.out.starts_with("REJECTED (bad-signature): "));

    // Re-signing with `sign` makes it valid again (for the coordinator who edited by hand).
    CHECK(run("sign --key " + key.string() + " " + (dir / "tampered.json").string(), err).code == 0);
    CHECK(run("verify --trust " + trusted + " " + (dir / "tampered.json").string(), err).code == 0);
}

TEST_CASE("cli: a broken sources file publishes nothing and keeps the previous release; history keeps every run; usage errors exit 2") {
    TempDir dir("cli_bad");
    const auto err = dir / "stderr.txt";
    const auto sources = publish_test::source_dir() / "assets/publish/sources.sample.json";
    const std::string common = " --state " + (dir / "state").string() + " --out " + (dir / "out").string() + " --no-geocode";
    REQUIRE(run("build --sources " + sources.string() + common + " --quiet --now 2026-11-23T10:00:00Z", err).code == 0);
    CHECK(publish_test::read_text(err).find("UNSIGNED") != std::string::npos);
    const auto before = std::filesystem::read_symlink(dir / "out" / "current");
    const auto admin = dir / "out" / "beheer";
    const std::string first_changes = publish_test::read_text(admin / "wijzigingen.html");
    CHECK(first_changes.find("2026-11-23 11:00") != std::string::npos);
    // Nothing changed: no new release, so the feed's bytes and nginx's ETag stay the same.
    Run same = run("build --sources " + sources.string() + common + " --now 2026-11-23T10:05:00Z", err);
    CHECK(same.code == 0);
    CHECK(same.out.find("(niets veranderd: publicatie " + before.filename().string() + " blijft online)") != std::string::npos);
    CHECK(std::filesystem::read_symlink(dir / "out" / "current") == before);
    // ... and does not erase the last list of changes.
    CHECK(publish_test::read_text(admin / "wijzigingen.html") == first_changes);
    write_text(dir / "broken.json", "{\"venues\": \"v.csv\", \"organizations\": []}");
    CHECK(run("build --sources " + (dir / "broken.json").string() + common + " --quiet --now 2026-11-23T10:10:00Z", err).code == 1);
    CHECK(publish_test::read_text(err).find("/organizations: unknown key") != std::string::npos);
    CHECK(std::filesystem::read_symlink(dir / "out" / "current") == before);
    // Three runs in the history, newest first, each with its own report.
    const std::string hist = publish_test::read_text(admin / "geschiedenis.html");
    const auto p_fail = hist.find("mislukt: niets gepubliceerd"), p_same = hist.find("niets veranderd"),
               p_first = hist.find("<td>gepubliceerd</td>");
    REQUIRE(p_fail != std::string::npos);
    REQUIRE(p_same != std::string::npos);
    REQUIRE(p_first != std::string::npos);
    CHECK(p_fail < p_same);
    CHECK(p_same < p_first);
    for (const char* stamp : {"20261123T100000Z", "20261123T100500Z", "20261123T101000Z"}) {
        CAPTURE(stamp);
        CHECK(std::filesystem::exists(admin / "runs" / stamp / "report.html"));
        CHECK(std::filesystem::exists(admin / "runs" / stamp / "changes.json"));
    }
    CHECK(publish_test::read_text(admin / "runs" / "20261123T101000Z" / "report.txt").find("NIETS GEPUBLICEERD") !=
          std::string::npos);
    CHECK(run("build --sources x.json", err).code == 2);
    CHECK(run("frobnicate", err).code == 2);
}
