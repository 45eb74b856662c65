#!/usr/bin/env bash
# feedcheck --sig/--trusted-key (issue #10): a feed signed with a trusted key passes, a changed byte,
# another key or a missing signature fails with the reason, and usage errors exit 2. The signature is
# made with openssl's Ed25519 (an implementation independent of ours), in the .sig format of
# data/publish/feed_signature.hpp. Usage: feedcheck_sig_test.sh FEEDCHECK SAMPLE_FEED
set -euo pipefail
feedcheck=$1 sample=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
now=2026-11-24T09:30:00Z
cp "$sample" "$dir/feed.json"
key() {  # key() NAME: Ed25519 key pair; prints KEYID:BASE64(public key, raw 32 bytes)
  openssl genpkey -algorithm ed25519 -out "$dir/$1.pem" 2>/dev/null
  echo "$1:$(openssl pkey -in "$dir/$1.pem" -pubout -outform DER | tail -c 32 | base64 -w0)"
}
sign() {  # sign() NAME FEED > SIG
  local s; s=$(openssl pkeyutl -sign -rawin -inkey "$dir/$1.pem" -in "$2" | base64 -w0)
  printf '{"algorithm":"ed25519","key_id":"%s","signature":"%s"}\n' "$1" "$s"
}
good=$(key wijk-2026a); other=$(key wijk-old)
sign wijk-2026a "$dir/feed.json" > "$dir/feed.json.sig"

out=$("$feedcheck" --now $now "$dir/feed.json" --sig "$dir/feed.json.sig" --trusted-key "$other" --trusted-key "$good") ||
  { echo "$out"; fail "a correctly signed feed was rejected"; }
grep -q "signature: ok, signed with trusted key 'wijk-2026a'" <<<"$out" || { echo "$out"; fail "no ok line"; }

# One byte changed after signing.
sed 's/"Europe\/Amsterdam"/"Europe\/Amsterdam" /' "$dir/feed.json" > "$dir/changed.json"
if out=$("$feedcheck" --now $now "$dir/changed.json" --sig "$dir/feed.json.sig" --trusted-key "$good"); then
  fail "a changed feed passed"; fi
grep -q "signature: REJECTED (bad-signature)" <<<"$out" || { echo "$out"; fail "changed feed: no bad-signature line"; }

# Signed by a key that is not trusted.
sign wijk-old "$dir/feed.json" > "$dir/old.sig"
if out=$("$feedcheck" --now $now "$dir/feed.json" --sig "$dir/old.sig" --trusted-key "$good"); then fail "untrusted key passed"; fi
grep -q "signature: REJECTED (unknown-key)" <<<"$out" || { echo "$out"; fail "no unknown-key line"; }

# Missing signature file, then usage errors (exit 2).
if out=$("$feedcheck" --now $now "$dir/feed.json" --sig "$dir/none.sig" --trusted-key "$good"); then fail "missing .sig passed"; fi
grep -q "signature: cannot read" <<<"$out" || { echo "$out"; fail "no cannot-read line"; }
set +e
"$feedcheck" "$dir/feed.json" --sig "$dir/feed.json.sig" >/dev/null 2>&1; [ $? -eq 2 ] || fail "--sig without key: exit 2"
"$feedcheck" "$dir/feed.json" --sig "$dir/feed.json.sig" --trusted-key nonsense >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad key: exit 2"
"$feedcheck" "$dir/feed.json" --trusted-key "$good" >/dev/null 2>&1; [ $? -eq 2 ] || fail "key without --sig: exit 2"
set -e
# Without --sig nothing changes.
"$feedcheck" --now $now "$dir/feed.json" >/dev/null || fail "plain feedcheck on the sample feed"
echo "feedcheck_sig_test: ok"
