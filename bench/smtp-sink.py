#!/usr/bin/env python3
"""A minimal, fast SMTP sink for benchmarks: accepts every message and keeps only counts.

    bench/smtp-sink.py PORT STATS_JSON

It listens on 127.0.0.1:PORT (standard library asyncio only) and speaks enough SMTP for JavaMail
and smtplib: EHLO/HELO (advertising PIPELINING, 8BITMIME, SIZE), MAIL FROM, RCPT TO (any number),
DATA (read up to the line ".", dot-stuffing taken loosely), RSET, NOOP, QUIT; no TLS, no AUTH.
Any number of connections, any number of messages per connection; pipelined commands are answered
in one write.

It writes STATS_JSON (atomically, through a temporary file and a rename) when it starts, at most
every 0.5 s while counts change, and on SIGTERM or SIGINT before it exits:

    {"messages": N, "recipients": R, "distinct_recipients": D, "with_list_unsubscribe": U,
     "first_at": epoch_s, "last_at": epoch_s, "first_mono": s, "last_mono": s,
     "connections": C, "bytes": B, "rejected_commands": E, "written_at": epoch_s}

first_at/last_at: wall-clock time (time.time()) at which the first and the last message was
accepted (null before any); *_mono: the same on time.monotonic(). Distinct recipients are the
lower-cased addresses of RCPT TO, without the angle brackets and parameters. with_list_unsubscribe
counts messages whose header part (up to the first empty line) has a "List-Unsubscribe:" field.
"""

import asyncio
import json
import os
import signal
import sys
import time

MAX_SIZE = 50 * 1024 * 1024
EOM = b"\r\n.\r\n"


class Stats:
    def __init__(self):
        self.messages = 0
        self.recipients = 0
        self.distinct = set()
        self.with_list_unsubscribe = 0
        self.first_at = None
        self.last_at = None
        self.first_mono = None
        self.last_mono = None
        self.connections = 0
        self.bytes = 0
        self.rejected = 0
        self.version = 0  # bumped on every change, so the writer knows when to write

    def as_dict(self):
        return {
            "messages": self.messages,
            "recipients": self.recipients,
            "distinct_recipients": len(self.distinct),
            "with_list_unsubscribe": self.with_list_unsubscribe,
            "first_at": self.first_at,
            "last_at": self.last_at,
            "first_mono": self.first_mono,
            "last_mono": self.last_mono,
            "connections": self.connections,
            "bytes": self.bytes,
            "rejected_commands": self.rejected,
            "written_at": time.time(),
        }


STATS = Stats()


def address(arg):
    """'<User@Example.test> SIZE=123' -> 'user@example.test' (also without brackets)."""
    arg = arg.strip()
    if arg.startswith("<"):
        end = arg.find(">")
        arg = arg[1:end] if end >= 0 else arg[1:]
    else:
        arg = arg.split(" ", 1)[0]
    return arg.lower()


def has_list_unsubscribe(message):
    end = message.find(b"\r\n\r\n")
    headers = message if end < 0 else message[: end + 2]
    return b"\nlist-unsubscribe:" in b"\n" + headers.lower()


class SmtpSession(asyncio.Protocol):
    def __init__(self):
        self.transport = None
        self.buf = bytearray()
        self.in_data = False
        self.scan_from = 0  # where to resume looking for the end of DATA
        self.sender = None
        self.rcpts = []

    def connection_made(self, transport):
        self.transport = transport
        STATS.connections += 1
        STATS.version += 1
        transport.write(b"220 smtp-sink ESMTP ready\r\n")

    def data_received(self, data):
        self.buf += data
        out = []
        while True:
            if self.in_data:
                if not self.take_message(out):
                    break
            else:
                nl = self.buf.find(b"\n")
                if nl < 0:
                    if len(self.buf) > 65536:  # no line end in 64 KiB: not SMTP
                        out.append(b"500 line too long\r\n")
                        self.buf.clear()
                    break
                line = bytes(self.buf[:nl]).rstrip(b"\r")
                del self.buf[: nl + 1]
                if not self.command(line, out):
                    break
        if out:
            self.transport.write(b"".join(out))

    def take_message(self, out):
        """In DATA: when the terminating "." line is buffered, counts the message and returns True."""
        if self.buf.startswith(b".\r\n"):  # an empty message: "." right after the 354
            end, body_end, skip = 0, 0, 3
        else:
            end = self.buf.find(EOM, self.scan_from)
            if end < 0:
                self.scan_from = max(0, len(self.buf) - 4)
                return False
            body_end, skip = end + 2, end + len(EOM)
        message = bytes(self.buf[:body_end])
        del self.buf[:skip]
        self.in_data = False
        self.scan_from = 0
        now, mono = time.time(), time.monotonic()
        s = STATS
        s.messages += 1
        s.recipients += len(self.rcpts)
        s.distinct.update(self.rcpts)
        s.bytes += len(message)
        if has_list_unsubscribe(message):
            s.with_list_unsubscribe += 1
        if s.first_at is None:
            s.first_at, s.first_mono = now, mono
        s.last_at, s.last_mono = now, mono
        s.version += 1
        self.sender, self.rcpts = None, []
        out.append(b"250 2.0.0 OK queued\r\n")
        return True

    def command(self, line, out):
        """Answers one command line; returns False once the connection is closing."""
        text = line.decode("latin-1")
        verb = text[:4].upper()
        arg = text[4:]
        if verb == "EHLO":
            out.append(b"250-smtp-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE %d\r\n250 ENHANCEDSTATUSCODES\r\n" % MAX_SIZE)
        elif verb == "HELO":
            out.append(b"250 smtp-sink\r\n")
        elif verb == "MAIL" and arg[:6].upper() == " FROM:":
            self.sender, self.rcpts = address(arg[6:]), []
            out.append(b"250 2.1.0 OK\r\n")
        elif verb == "RCPT" and arg[:4].upper() == " TO:":
            if self.sender is None:
                STATS.rejected += 1
                out.append(b"503 5.5.1 MAIL first\r\n")
            else:
                self.rcpts.append(address(arg[4:]))
                out.append(b"250 2.1.5 OK\r\n")
        elif verb == "DATA":
            if not self.rcpts:
                STATS.rejected += 1
                out.append(b"503 5.5.1 RCPT first\r\n")
            else:
                self.in_data = True
                out.append(b"354 End data with <CR><LF>.<CR><LF>\r\n")
        elif verb == "RSET":
            self.sender, self.rcpts = None, []
            out.append(b"250 2.0.0 OK\r\n")
        elif verb == "NOOP":
            out.append(b"250 2.0.0 OK\r\n")
        elif verb == "QUIT":
            out.append(b"221 2.0.0 Bye\r\n")
            self.transport.write(b"".join(out))
            out.clear()
            self.transport.close()
            return False
        else:
            STATS.rejected += 1
            out.append(b"502 5.5.2 Command not implemented\r\n")
        return True


def write_stats(path):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(STATS.as_dict(), f)
        f.write("\n")
    os.replace(tmp, path)


async def main(port, path):
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    server = await loop.create_server(SmtpSession, "127.0.0.1", port, backlog=1024, reuse_address=True)
    write_stats(path)
    print(f"smtp-sink listening on 127.0.0.1:{port}, stats in {path}", file=sys.stderr, flush=True)
    written = STATS.version
    while not stop.done():
        await asyncio.wait([stop], timeout=0.5)
        if STATS.version != written:
            written = STATS.version
            write_stats(path)
    server.close()
    write_stats(path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: smtp-sink.py PORT STATS_JSON")
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
