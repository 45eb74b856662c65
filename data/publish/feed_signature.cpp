#include "data/publish/feed_signature.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace bk::data::publish {

namespace {

void ensure_sodium() {
    // sodium_init is idempotent and thread-safe; it returns 1 when already initialised.
    static const int rc = sodium_init();
    (void)rc;
}

std::string to_base64(const unsigned char* bytes, std::size_t n) {
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

// Decodes exactly `n` bytes of standard base64 (white space ignored).
bool from_base64(std::string_view text, unsigned char* out, std::size_t n) {
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out, n, text.data(), text.size(), " \t\r\n", &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    return len == n && end == text.data() + text.size();
}

bool valid_key_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

SignatureError fail(SignatureErrorKind kind, std::string message) { return SignatureError{kind, std::move(message)}; }

}  // namespace

const char* to_string(SignatureErrorKind kind) {
    switch (kind) {
        case SignatureErrorKind::Unsigned: return "unsigned";
        case SignatureErrorKind::Malformed: return "malformed";
        case SignatureErrorKind::UnknownKey: return "unknown-key";
        case SignatureErrorKind::BadSignature: return "bad-signature";
        case SignatureErrorKind::Io: return "io";
    }
    return "unknown";
}

SigningKey generate_signing_key(std::string key_id) {
    ensure_sodium();
    SigningKey key;
    crypto_sign_keypair(key.public_key.data(), key.secret_key.data());
    if (key_id.empty()) {
        // Derived id: "k" + first 4 bytes of BLAKE2b(public key) in hex — stable and short.
        unsigned char h[16];
        crypto_generichash(h, sizeof h, key.public_key.data(), key.public_key.size(), nullptr, 0);
        char hex[9];
        sodium_bin2hex(hex, sizeof hex, h, 4);
        key_id = std::string("k") + hex;
    }
    key.key_id = std::move(key_id);
    return key;
}

TrustedKey public_key_of(const SigningKey& key) { return TrustedKey{key.key_id, key.public_key}; }

std::string format_trusted_key(const TrustedKey& key) {
    return key.key_id + ":" + to_base64(key.public_key.data(), key.public_key.size());
}

std::expected<TrustedKey, SignatureError> parse_trusted_key(std::string_view text) {
    ensure_sodium();
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return std::unexpected(fail(SignatureErrorKind::Malformed,
                                    "trusted key '" + std::string(text) + "': expected 'KEYID:BASE64'"));
    TrustedKey key;
    key.key_id = std::string(text.substr(0, colon));
    if (!valid_key_id(key.key_id))
        return std::unexpected(fail(SignatureErrorKind::Malformed,
                                    "trusted key id '" + key.key_id + "': expected 1-64 of [A-Za-z0-9._-]"));
    if (!from_base64(text.substr(colon + 1), key.public_key.data(), key.public_key.size()))
        return std::unexpected(fail(SignatureErrorKind::Malformed,
                                    "trusted key '" + key.key_id + "': public key is not base64 of 32 bytes"));
    return key;
}

std::expected<void, SignatureError> write_signing_key_file(const SigningKey& key, const std::filesystem::path& path) {
    nlohmann::json j = {{"algorithm", "ed25519"},
                        {"key_id", key.key_id},
                        {"public_key", to_base64(key.public_key.data(), key.public_key.size())},
                        {"secret_key", to_base64(key.secret_key.data(), key.secret_key.size())}};
    const auto tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return std::unexpected(fail(SignatureErrorKind::Io, tmp + ": cannot open for writing"));
        ::chmod(tmp.c_str(), 0600);
        out << j.dump(2) << "\n";
        if (!out) return std::unexpected(fail(SignatureErrorKind::Io, tmp + ": write failed"));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return std::unexpected(fail(SignatureErrorKind::Io, path.string() + ": cannot rename (" + ec.message() + ")"));
    return {};
}

std::expected<SigningKey, SignatureError> read_signing_key_file(const std::filesystem::path& path) {
    ensure_sodium();
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected(fail(SignatureErrorKind::Io, path.string() + ": cannot open signing key"));
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::unexpected(fail(SignatureErrorKind::Malformed, path.string() + ": signing key is not JSON"));
    SigningKey key;
    if (j.value("algorithm", "") != "ed25519")
        return std::unexpected(fail(SignatureErrorKind::Malformed, path.string() + ": algorithm is not 'ed25519'"));
    key.key_id = j.value("key_id", "");
    if (!valid_key_id(key.key_id))
        return std::unexpected(fail(SignatureErrorKind::Malformed, path.string() + ": bad key_id '" + key.key_id + "'"));
    if (!from_base64(j.value("secret_key", ""), key.secret_key.data(), key.secret_key.size()))
        return std::unexpected(fail(SignatureErrorKind::Malformed, path.string() + ": secret_key is not base64 of 64 bytes"));
    crypto_sign_ed25519_sk_to_pk(key.public_key.data(), key.secret_key.data());
    return key;
}

std::string sign_feed(std::string_view feed_bytes, const SigningKey& key) {
    ensure_sodium();
    unsigned char sig[kSignatureBytes];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(feed_bytes.data()), feed_bytes.size(),
                         key.secret_key.data());
    nlohmann::json j = {{"algorithm", "ed25519"}, {"key_id", key.key_id}, {"signature", to_base64(sig, sizeof sig)}};
    return j.dump() + "\n";
}

std::expected<std::string, SignatureError> verify_feed(std::string_view feed_bytes, std::string_view signature_file,
                                                       const std::vector<TrustedKey>& trusted) {
    ensure_sodium();
    bool blank = true;
    for (char c : signature_file)
        if (!std::isspace(static_cast<unsigned char>(c))) blank = false;
    if (blank) return std::unexpected(fail(SignatureErrorKind::Unsigned, "feed is unsigned (no signature file)"));
    auto j = nlohmann::json::parse(signature_file, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::unexpected(fail(SignatureErrorKind::Malformed, "signature file is not a JSON object"));
    if (!j.contains("algorithm") || !j["algorithm"].is_string() || j["algorithm"] != "ed25519")
        return std::unexpected(fail(SignatureErrorKind::Malformed, "signature algorithm is not 'ed25519'"));
    if (!j.contains("key_id") || !j["key_id"].is_string() || !j.contains("signature") || !j["signature"].is_string())
        return std::unexpected(fail(SignatureErrorKind::Malformed, "signature file lacks string fields key_id and signature"));
    const std::string key_id = j["key_id"];
    unsigned char sig[kSignatureBytes];
    if (!from_base64(j["signature"].get<std::string>(), sig, sizeof sig))
        return std::unexpected(fail(SignatureErrorKind::Malformed, "signature is not base64 of 64 bytes"));
    const TrustedKey* key = nullptr;
    std::string ids;
    for (const auto& k : trusted) {
        ids += (ids.empty() ? "" : ", ") + k.key_id;
        if (k.key_id == key_id) key = &k;
    }
    if (!key)
        return std::unexpected(fail(SignatureErrorKind::UnknownKey,
                                    "feed signed with key '" + key_id + "', trusted keys: " + (ids.empty() ? "(none)" : ids)));
    if (crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(feed_bytes.data()), feed_bytes.size(),
                                    key->public_key.data()) != 0)
        return std::unexpected(fail(SignatureErrorKind::BadSignature,
                                    "signature by key '" + key_id + "' does not match the feed (" +
                                        std::to_string(feed_bytes.size()) + " bytes): changed after signing?"));
    return key_id;
}

UpdaterVerify make_updater_verify(std::vector<TrustedKey> trusted) {
    return [trusted = std::move(trusted)](const std::string& body, const std::string& signature_body)
               -> std::expected<void, Error> {
        auto r = verify_feed(body, signature_body, trusted);
        if (!r)
            return std::unexpected(Error{ErrorKind::Validation,
                                         std::string("signature ") + to_string(r.error().kind) + ": " + r.error().message});
        return {};
    };
}

UpdaterVerify updater_verify_for(const std::vector<std::string>& trusted_key_lines, std::vector<std::string>* problems) {
    if (trusted_key_lines.empty()) return {};
    std::vector<TrustedKey> keys;
    for (const auto& line : trusted_key_lines) {
        if (auto k = parse_trusted_key(line)) keys.push_back(*k);
        else if (problems) problems->push_back(k.error().message);
    }
    if (keys.empty()) {
        return [](const std::string&, const std::string&) -> std::expected<void, Error> {
            return std::unexpected(Error{ErrorKind::Validation,
                                         "signature unknown-key: no trusted key in the configuration could be read"});
        };
    }
    return make_updater_verify(std::move(keys));
}

std::optional<SignatureErrorKind> signature_error_kind(const Error& error) {
    for (auto kind : {SignatureErrorKind::Unsigned, SignatureErrorKind::Malformed, SignatureErrorKind::UnknownKey,
                      SignatureErrorKind::BadSignature})
        if (error.message.starts_with(std::string("signature ") + to_string(kind) + ":")) return kind;
    return std::nullopt;
}

}  // namespace bk::data::publish
