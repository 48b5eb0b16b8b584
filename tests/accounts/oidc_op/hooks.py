"""How the test provider misbehaves, per account (the provider itself stays real):

- `verlopen`: its ID tokens expired ten minutes ago;
- `ander-publiek`: its ID tokens are issued to another application (aud);
- `vervalst`: its ID tokens are re-signed on the way out with a key the provider never
  published, under the provider's own key id (a forged token);
- `mfa`: the provider asserts a multi-factor sign-in (amr: pwd, mfa).
"""

from __future__ import annotations

import json
import time

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

_FORGER = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def userinfo(claims, user):  # type: ignore[no-untyped-def]
    claims["email"] = user.email
    claims["email_verified"] = True
    claims["name"] = user.get_full_name()
    return claims


def id_token(id_token, user, token, request):  # type: ignore[no-untyped-def]
    if user.username == "verlopen":
        id_token["iat"] = int(time.time()) - 4200
        id_token["exp"] = int(time.time()) - 600
    elif user.username == "ander-publiek":
        id_token["aud"] = "een-andere-toepassing"
    elif user.username == "mfa":
        id_token["amr"] = ["pwd", "mfa"]
    return id_token


class ForgeSignatureMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        response = self.get_response(request)
        if request.path.rstrip("/").endswith("/openid/token") and response.status_code == 200:
            body = json.loads(response.content)
            token = body.get("id_token", "")
            claims = jwt.decode(token, options={"verify_signature": False})
            if claims.get("email", "").startswith("vervalst"):
                header = jwt.get_unverified_header(token)
                body["id_token"] = jwt.encode(claims, _FORGER, algorithm="RS256", headers={"kid": header.get("kid")})
                response.content = json.dumps(body).encode()
                response["Content-Length"] = str(len(response.content))
        return response
