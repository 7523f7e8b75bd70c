"""The server under load: 50 concurrent clients, 2,000 OCSP requests, every response
checked (status, serial, nonce, signature by the delegated responder)."""

from __future__ import annotations

import http.client
import itertools
import os
import threading

from cryptography import x509
from cryptography.x509 import ocsp
from pki_support import LoggedServer, PkiHome, ocsp_request, verify_response

CLIENTS = 50
REQUESTS = 2000


def test_fifty_clients_two_thousand_requests(served: LoggedServer, pki_home: PkiHome) -> None:
    targets = [
        (pki_home.good, ocsp.OCSPCertStatus.GOOD),
        (pki_home.revoked, ocsp.OCSPCertStatus.REVOKED),
    ]
    counter = itertools.count()
    lock = threading.Lock()
    failures: list[str] = []
    responders: set[int] = set()
    answered = [0]

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
        try:
            while (index := next(counter)) < REQUESTS:
                certificate, expected = targets[index % 2]
                nonce = os.urandom(16)
                body = ocsp_request(certificate, pki_home.issuing_ca, nonce=nonce)
                if index % 3 == 0:  # a third on fresh connections, the rest kept alive
                    connection.close()
                connection.request(
                    "POST", "/mgsim/ocsp", body, {"Content-Type": "application/ocsp-request"}
                )
                reply = connection.getresponse()
                data = reply.read()
                try:
                    assert reply.status == 200, reply.status
                    response = ocsp.load_der_ocsp_response(data)
                    responder = verify_response(response, pki_home.issuing_ca)
                    assert response.certificate_status is expected
                    assert response.serial_number == certificate.serial_number
                    echoed = response.extensions.get_extension_for_class(x509.OCSPNonce)
                    assert echoed.value.nonce == nonce
                except Exception as exc:
                    with lock:
                        failures.append(f"{index}: {type(exc).__name__} {exc}")
                    continue
                with lock:
                    responders.add(responder.serial_number)
                    answered[0] += 1
        except Exception as exc:
            with lock:
                failures.append(f"client: {type(exc).__name__} {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    assert answered[0] == REQUESTS
    assert len(responders) == 1  # one delegated responder, made once
