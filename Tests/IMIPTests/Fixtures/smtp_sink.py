#!/usr/bin/env python3
"""A loopback SMTP sink for the IMIP tests (aiosmtpd).

Writes each received message to OUTDIR/N.eml and its envelope to OUTDIR/N.json,
prints "READY <port>" once listening, and stops when standard input closes.
Options: --auth USER:PASS (AUTH required), --starttls CERT KEY (STARTTLS required),
--tls CERT KEY (implicit TLS), RCPT addresses starting with "reject" get 550,
addresses starting with "later" get 451.
"""
import argparse, json, os, socket, ssl, sys, time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, outdir):
        self.outdir = outdir
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 no such user"
        if address.startswith("later"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.outdir, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                       "auth": session.authenticated}, f)
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--auth")
    parser.add_argument("--starttls", nargs=2)
    parser.add_argument("--tls", nargs=2)
    args = parser.parse_args()
    kwargs = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    if args.starttls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.starttls)
        kwargs.update(tls_context=context, require_starttls=True)
        if args.auth:
            kwargs["auth_require_tls"] = True
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.tls)
        kwargs.update(ssl_context=context)
    port = free_port()
    controller = Controller(Sink(args.outdir), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print("READY", port, flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
