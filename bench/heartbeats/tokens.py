"""Access tokens for bench/heartbeats, signed like Marquee's own (HS256, typ at+jwt, iss, aud, sub, iat, exp, jti).

Reads "user_id profile_id" lines on stdin, writes "profile_id token" lines (one token per user) on stdout.
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import uuid


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


secret = os.environ["JWT_SECRET"].encode()
now = int(time.time())
header = b64(json.dumps({"alg": "HS256", "typ": "at+jwt"}, separators=(",", ":")).encode())
tokens = {}
for line in sys.stdin:
    user, profile = line.split()
    if user not in tokens:
        claims = {"sub": user, "iss": "marquee", "aud": "marquee-api", "iat": now, "exp": now + 3600,
                  "jti": str(uuid.uuid4())}
        signing_input = header + "." + b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
        tokens[user] = signing_input + "." + b64(signature)
    print(profile, tokens[user])
