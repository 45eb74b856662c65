// Feed signatures — Ed25519 (libsodium) detached signatures over the feed's exact bytes.
//
// Publisher:
//   auto key = generate_signing_key("wijk-2026a");                // once; keep secret_key_file private
//   write_signing_key_file(key, "/etc/wijkagenda/signing.key");   // JSON, mode 0600
//   std::string sig = sign_feed(feed_bytes, key);                  // write next to the feed as feed.json.sig
//   std::string pub = format_trusted_key(public_key_of(key));      // "wijk-2026a:BASE64" for the kiosk config
// Kiosk:
//   std::vector<TrustedKey> keys = {*parse_trusted_key("wijk-2026a:BASE64"), ...};  // several for rotation
//   auto ok = verify_feed(body, sig_body, keys);                  // key id used, or SignatureError
//   UpdaterConfig::verify = make_updater_verify(keys);             // adapter for the data updater
//   UpdaterConfig::verify = updater_verify_for(config.trusted_keys); // same, from config lines
//
// Signature file (<feed>.sig): JSON {"algorithm":"ed25519","key_id":"wijk-2026a","signature":"BASE64(64 bytes)"}.
// The signature covers the feed body byte for byte (the uncompressed JSON as served), so any change to
// the feed, even white space, breaks it. Key rotation: publish with the new key while kiosks trust
// both old and new; then drop the old key from the kiosks' config.
// Errors: Unsigned (no/empty signature), Malformed (not the format above), UnknownKey (key id not
// trusted), BadSignature (the key is trusted but the bytes do not match: tampered or wrong key).
// Threads: all functions are pure apart from the key file I/O; any thread. libsodium is initialised lazily.
#pragma once

#include <array>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"

namespace bk::data::publish {

enum class SignatureErrorKind { Unsigned, Malformed, UnknownKey, BadSignature, Io };
const char* to_string(SignatureErrorKind kind);

struct SignatureError {
    SignatureErrorKind kind;
    std::string message;
};

inline constexpr std::size_t kPublicKeyBytes = 32;
inline constexpr std::size_t kSecretKeyBytes = 64;
inline constexpr std::size_t kSignatureBytes = 64;

struct TrustedKey {
    std::string key_id;
    std::array<unsigned char, kPublicKeyBytes> public_key{};
};

struct SigningKey {
    std::string key_id;
    std::array<unsigned char, kPublicKeyBytes> public_key{};
    std::array<unsigned char, kSecretKeyBytes> secret_key{};
};

// Key ids: 1–64 chars of [A-Za-z0-9._-]. An empty id in generate_signing_key derives one from the key.
SigningKey generate_signing_key(std::string key_id = {});
TrustedKey public_key_of(const SigningKey& key);

// Trusted key text "KEYID:BASE64" (as in the kiosk config and `wijkagenda keygen` output).
std::string format_trusted_key(const TrustedKey& key);
std::expected<TrustedKey, SignatureError> parse_trusted_key(std::string_view text);

// Secret key file: JSON {"algorithm":"ed25519","key_id":..,"public_key":..,"secret_key":..}, written 0600.
std::expected<void, SignatureError> write_signing_key_file(const SigningKey& key, const std::filesystem::path& path);
std::expected<SigningKey, SignatureError> read_signing_key_file(const std::filesystem::path& path);

// Returns the content of the .sig file for `feed_bytes`.
std::string sign_feed(std::string_view feed_bytes, const SigningKey& key);

// Checks `signature_file` (content of the .sig) against `feed_bytes`; returns the key id that signed.
std::expected<std::string, SignatureError> verify_feed(std::string_view feed_bytes, std::string_view signature_file,
                                                       const std::vector<TrustedKey>& trusted);

// Adapter for the data updater's `verify` hook: Unsigned / UnknownKey / BadSignature / Malformed become a
// data::Error of kind Validation whose message starts with "signature " + kind name, e.g.
// "signature unknown-key: feed signed with key 'x', trusted keys: a, b".
using UpdaterVerify = std::function<std::expected<void, Error>(const std::string& body, const std::string& signature_body)>;
UpdaterVerify make_updater_verify(std::vector<TrustedKey> trusted);

// Kiosk wiring from its config: "KEYID:BASE64" lines. No lines → an empty function (no check: development
// mode, unsigned feeds accepted). Lines that do not parse are skipped and described in `problems`; if
// lines were given but none parses, the result rejects every feed (fail closed, never silently open).
UpdaterVerify updater_verify_for(const std::vector<std::string>& trusted_key_lines,
                                 std::vector<std::string>* problems = nullptr);

// For the kiosk's status line: the signature error kind inside an updater error from
// make_updater_verify ("signature bad-signature: ..."), or nullopt for other errors.
std::optional<SignatureErrorKind> signature_error_kind(const Error& error);

}  // namespace bk::data::publish
