# expect: error
# Tries the host's loopback (where the test listens) and the internet.
import socket


def intersection(xs, ys):
    for address in [("127.0.0.1", 47391), ("1.1.1.1", 53), ("example.com", 80)]:
        connection = socket.create_connection(address, timeout=1)
        connection.sendall(b"escaped")
    return list(set(xs) & set(ys))
