#!/usr/bin/python3
"""A TCP proxy on 127.0.0.1 that adds latency and counts round trips.

It sits between a PostgreSQL client and server and delays every chunk it
forwards by a fixed time in each direction, the way a VPN link to a remote
server does. Chunks keep their order and are not throttled, so a client that
pipelines many messages pays the delay once, and one that waits for each
answer pays it every time.

Round trips are counted per connection, from the order in which data
arrives at the proxy: one round trip is counted each time data comes back
from the server after the client has sent something since the server last
spoke (client->server followed by server->client). Several chunks in a row
in one direction are one leg; a server message nobody asked for (none in
PostgreSQL's protocol before the client speaks) counts nothing. So the
SSL/startup handshake, each simple query that psql waits on, and each batch
that a pipelining client sends before reading are one round trip each.

Used as a library by run_benchmark.py (LatencyProxy in a background thread),
or alone:
    latency_proxy.py --target-port 5432 [--delay-ms 2] [--max-seconds 600]
which prints the counts when it stops (Ctrl-C or after --max-seconds).
"""
import argparse
import asyncio
import signal
import threading
import time

LISTEN_HOST = "127.0.0.1"  # never anything but loopback
CHUNK = 256 * 1024


class _Stats:
    def __init__(self):
        self.round_trips = 0
        self.connections = 0
        self.bytes_to_server = 0
        self.bytes_to_client = 0

    def as_dict(self):
        return dict(round_trips=self.round_trips, connections=self.connections,
                    bytes_to_server=self.bytes_to_server, bytes_to_client=self.bytes_to_client)


class LatencyProxy:
    """Forwards LISTEN_HOST:listen_port to target_host:target_port with delay_ms each way."""

    def __init__(self, target_host, target_port, delay_ms=2.0, listen_port=0):
        self.target_host = target_host
        self.target_port = target_port
        self.delay = delay_ms / 1000.0
        self.listen_port = listen_port
        self.stats = _Stats()
        self._server = None
        self._tasks = set()

    def reset(self):
        self.stats = _Stats()

    async def start(self):
        self._server = await asyncio.start_server(self._handle, LISTEN_HOST, self.listen_port)
        self.listen_port = self._server.sockets[0].getsockname()[1]

    async def stop(self):
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for t in list(self._tasks):
            t.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _handle(self, client_reader, client_writer):
        task = asyncio.current_task()
        self._tasks.add(task)
        try:
            try:
                server_reader, server_writer = await asyncio.open_connection(
                    self.target_host, self.target_port)
            except OSError:
                client_writer.close()
                return
            stats = self.stats
            stats.connections += 1
            # Direction of the last data seen on this connection: "c2s" or "s2c".
            state = {"last": None}

            def on_client_data(n):
                stats.bytes_to_server += n
                state["last"] = "c2s"

            def on_server_data(n):
                stats.bytes_to_client += n
                if state["last"] == "c2s":
                    stats.round_trips += 1
                state["last"] = "s2c"

            await asyncio.gather(
                self._pipe(client_reader, server_writer, on_client_data),
                self._pipe(server_reader, client_writer, on_server_data))
        finally:
            self._tasks.discard(task)

    async def _pipe(self, reader, writer, on_data):
        # The reader stamps each chunk on arrival; the writer sends it when its
        # delay is up. Two tasks, so reading never waits for a delay to pass.
        queue = asyncio.Queue()
        loop = asyncio.get_running_loop()

        async def read():
            try:
                while True:
                    data = await reader.read(CHUNK)
                    if not data:
                        break
                    on_data(len(data))
                    queue.put_nowait((loop.time() + self.delay, data))
            except (ConnectionError, OSError):
                pass
            finally:
                queue.put_nowait((loop.time() + self.delay, None))

        async def write():
            try:
                while True:
                    due, data = await queue.get()
                    wait = due - loop.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    if data is None:
                        break
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                try:
                    writer.close()
                except (ConnectionError, OSError):
                    pass

        await asyncio.gather(read(), write())


class ProxyThread:
    """Runs a LatencyProxy on its own event loop in a daemon thread."""

    def __init__(self, target_host, target_port, delay_ms=2.0):
        self.proxy = LatencyProxy(target_host, target_port, delay_ms)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.proxy.start(), self._loop).result(timeout=10)
        return self

    def __exit__(self, *exc):
        asyncio.run_coroutine_threadsafe(self.proxy.stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    @property
    def port(self):
        return self.proxy.listen_port

    def reset(self):
        self._loop.call_soon_threadsafe(self.proxy.reset)
        # Wait until the loop ran it, so counts from before cannot leak in.
        asyncio.run_coroutine_threadsafe(asyncio.sleep(0), self._loop).result(timeout=10)

    def stats(self):
        return asyncio.run_coroutine_threadsafe(self._snapshot(), self._loop).result(timeout=10)

    async def _snapshot(self):
        return self.proxy.stats.as_dict()


async def _main(args):
    proxy = LatencyProxy(args.target_host, args.target_port, args.delay_ms, args.listen_port)
    await proxy.start()
    print(f"latency_proxy: {LISTEN_HOST}:{proxy.listen_port} -> {args.target_host}:{args.target_port}, "
          f"{args.delay_ms} ms each way, stops after {args.max_seconds} s", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await asyncio.wait_for(stop.wait(), timeout=args.max_seconds)
    except asyncio.TimeoutError:
        pass
    await proxy.stop()
    print("latency_proxy:", proxy.stats.as_dict(), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--target-host", default="127.0.0.1")
    ap.add_argument("--target-port", type=int, required=True)
    ap.add_argument("--listen-port", type=int, default=0, help="0 picks a free port")
    ap.add_argument("--delay-ms", type=float, default=2.0, help="delay each way (default 2)")
    ap.add_argument("--max-seconds", type=float, default=600.0,
                    help="stop by itself after this long (default 600)")
    args = ap.parse_args()
    if args.target_host not in ("127.0.0.1", "localhost", "::1"):
        ap.error("the target must be on this machine (127.0.0.1)")
    t0 = time.monotonic()
    asyncio.run(_main(args))
    print(f"latency_proxy: ran {time.monotonic() - t0:.1f} s")


if __name__ == "__main__":
    main()
