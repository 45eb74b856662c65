// Tests of data/publish/feed_signature.cpp: sign, verify, tamper, rotation, malformed input.
#include <doctest/doctest.h>

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "data/publish/feed_signature.hpp"

using namespace bk::data::publish;

namespace {
const std::string kFeed = R"({"format":"buurtkaart-feed","version":1,"venues":[]})";
}

TEST_CASE("signature: a feed signed with a trusted key verifies and names the key") {
    auto key = generate_signing_key("wijk-2026a");
    auto sig = sign_feed(kFeed, key);
    auto r = verify_feed(kFeed, sig, {public_key_of(key)});
    REQUIRE(r);
    CHECK(*r == "wijk-2026a");
}

TEST_CASE("signature: changing one byte of the feed is a bad signature") {
    auto key = generate_signing_key("wijk-2026a");
    auto sig = sign_feed(kFeed, key);
    std::string tampered = kFeed;
    tampered[tampered.size() - 3] = '{';
    auto r = verify_feed(tampered, sig, {public_key_of(key)});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == SignatureErrorKind::BadSignature);
    CHECK(r.error().message.starts_with("signature by key 'wijk-2026a' does not match the feed"));
}

TEST_CASE("signature: a missing signature is 'unsigned', garbage is 'malformed'") {
    auto key = generate_signing_key("a");
    auto r = verify_feed(kFeed, "  \n", {public_key_of(key)});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == SignatureErrorKind::Unsigned);
    r = verify_feed(kFeed, "<html>404</html>", {public_key_of(key)});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == SignatureErrorKind::Malformed);
    r = verify_feed(kFeed, R"({"algorithm":"ed25519","key_id":"a","signature":"AAAA"})", {public_key_of(key)});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == SignatureErrorKind::Malformed);
    CHECK(r.error().message == "signature is not base64 of 64 bytes");
    r = verify_feed(kFeed, R"({"algorithm":"rsa","key_id":"a","signature":"AAAA"})", {public_key_of(key)});
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "signature algorithm is not 'ed25519'");
}

TEST_CASE("signature: key rotation — kiosks trusting old and new accept both; dropping the old rejects it") {
    auto old_key = generate_signing_key("wijk-2025");
    auto new_key = generate_signing_key("wijk-2026");
    const std::vector<TrustedKey> both = {public_key_of(old_key), public_key_of(new_key)};
    CHECK(verify_feed(kFeed, sign_feed(kFeed, old_key), both).value() == "wijk-2025");
    CHECK(verify_feed(kFeed, sign_feed(kFeed, new_key), both).value() == "wijk-2026");
    auto r = verify_feed(kFeed, sign_feed(kFeed, old_key), {public_key_of(new_key)});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == SignatureErrorKind::UnknownKey);
    CHECK(r.error().message == "feed signed with key 'wijk-2025', trusted keys: wijk-2026");
}

TEST_CASE("signature: an attacker reusing a trusted key id with his own key gets 'bad signature'") {
    auto real = generate_signing_key("wijk");
    auto fake = generate_signing_key("wijk");
    auto r = verify_feed(kFeed, sign_feed(kFeed, fake), {public_key_of(real)});
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == SignatureErrorKind::BadSignature);
}

TEST_CASE("signature: trusted key text round-trips and rejects bad input") {
    auto key = generate_signing_key();
    CHECK(key.key_id.size() == 9);  // derived "k" + 8 hex
    auto text = format_trusted_key(public_key_of(key));
    auto parsed = parse_trusted_key(text);
    REQUIRE(parsed);
    CHECK(parsed->key_id == key.key_id);
    CHECK(parsed->public_key == key.public_key);
    CHECK(parse_trusted_key("nocolon").error().kind == SignatureErrorKind::Malformed);
    CHECK(parse_trusted_key("bad id:AAAA").error().message == "trusted key id 'bad id': expected 1-64 of [A-Za-z0-9._-]");
    CHECK(parse_trusted_key("k:AAAA").error().message == "trusted key 'k': public key is not base64 of 32 bytes");
}

TEST_CASE("signature: signing key file round-trips with mode 0600 and signs identically") {
    auto dir = std::filesystem::temp_directory_path() / ("bk_sig_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto key = generate_signing_key("file-key");
    REQUIRE(write_signing_key_file(key, dir / "signing.key"));
    struct stat st {};
    REQUIRE(::stat((dir / "signing.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto back = read_signing_key_file(dir / "signing.key");
    REQUIRE(back);
    CHECK(back->key_id == "file-key");
    CHECK(back->public_key == key.public_key);
    CHECK(verify_feed(kFeed, sign_feed(kFeed, *back), {public_key_of(key)}));
    CHECK(read_signing_key_file(dir / "missing.key").error().kind == SignatureErrorKind::Io);
    std::filesystem::remove_all(dir);
}

TEST_CASE("signature: the updater adapter turns failures into data errors naming the kind") {
    auto key = generate_signing_key("k1");
    auto verify = make_updater_verify({public_key_of(key)});
    CHECK(verify(kFeed, sign_feed(kFeed, key)));
    auto r = verify(kFeed + " ", sign_feed(kFeed, key));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == bk::data::ErrorKind::Validation);
    CHECK(r.error().message.starts_with("signature bad-signature: "));
    r = verify(kFeed, "");
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "signature unsigned: feed is unsigned (no signature file)");
}

TEST_CASE("signature: kiosk config wiring — no keys means no check, bad lines are reported, all-bad fails closed") {
    CHECK_FALSE(updater_verify_for({}));
    auto key = generate_signing_key("k1");
    std::vector<std::string> problems;
    auto verify = updater_verify_for({"garbage", format_trusted_key(public_key_of(key))}, &problems);
    REQUIRE(verify);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "trusted key 'garbage': expected 'KEYID:BASE64'");
    CHECK(verify(kFeed, sign_feed(kFeed, key)));
    auto closed = updater_verify_for({"garbage"});
    REQUIRE(closed);
    auto r = closed(kFeed, sign_feed(kFeed, key));
    REQUIRE_FALSE(r);
    CHECK(signature_error_kind(r.error()) == std::optional(SignatureErrorKind::UnknownKey));
    auto bad = verify(kFeed + "x", sign_feed(kFeed, key));
    REQUIRE_FALSE(bad);
    CHECK(signature_error_kind(bad.error()) == std::optional(SignatureErrorKind::BadSignature));
    CHECK_FALSE(signature_error_kind(bk::data::Error{bk::data::ErrorKind::Network, "timeout"}));
}
