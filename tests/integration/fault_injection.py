"""Faults to inject into the real stack: kill a worker's whole process tree, run a Redis of
one's own to restart empty, cut PostgreSQL off behind a TCP proxy, end its sessions."""

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import psycopg
import redis

from tests.support.services import POSTGRES_URL, Worker


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process under it (the pool's children, the isolated parser's fork)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += parents.get(current, [])
    return tree


def kill_tree(worker: Worker) -> int:
    """SIGKILL the worker and everything under it at once, as when its container is killed."""
    pids = process_tree(worker.process.pid)
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    worker.process.wait(timeout=10)
    worker.log.close()
    return len(pids)


def drop_connections_to(database: str) -> int:
    """End every session on ``database``, as a failover or an administrator would."""
    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        return len(
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            ).fetchall()
        )


class RedisServer:
    """A redis-server of this test's own on a free port, keeping nothing on disk: restarting it
    loses every message, as a broker restarted without persistence does. The shared Redis on
    6379 is left alone: other tests' workers there would take this test's messages."""

    def __init__(self, tmp_path: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = tmp_path
        self.process = None

    def start(self) -> "RedisServer":
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
            finally:
                client.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def waiting(self, queue: str) -> int:
        client = redis.Redis(port=self.port)
        try:
            return client.llen(queue)
        finally:
            client.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TcpProxy:
    """PostgreSQL through a port this test controls: ``cut()`` closes it and every connection
    through it, as a network failure or a database that has gone away would."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.port = 0
        self.sockets: list[socket.socket] = []
        self.restore()

    def restore(self) -> None:
        """Listen (again, on the same port once cut): the database is back."""
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # cut
            server = socket.create_connection(self.upstream)
            self.sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                end.close()

    def cut(self) -> None:
        """Close the port and every connection through it."""
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.listener.close()
        for end in self.sockets:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()
