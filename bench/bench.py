#!/usr/bin/env python3
"""Runs the same loads against Karst and Apache Kafka on this machine, side by side.

Both brokers run from this checkout's build and from Maven artifacts, on free loopback ports,
with data in a temporary directory, and are stopped by process id at the end. The loads are
driven by Kafka's own tools (ProducerPerformance, ConsumerPerformance, EndToEndLatency). For
every load the table gives records/s, MB/s, latency percentiles and each broker's CPU seconds per
GB moved (from /proc/<pid>/stat, as user and kernel time), then the Karst/Kafka ratio. Results go
to bench/results/ as a CSV and a PNG chart. In full mode every load runs three times per broker, the
two brokers taking turns, and the table gives the median of each figure: one run's figures swing by
a tenth or more on a small shared machine, and the later runs find the JIT compiler further along.

Before the brokers start, the run fills the free memory with the page cache of a file it keeps until
the end, as on a server that has run for a while. Otherwise, on a virtual machine, the first write to
each never-used page of guest memory costs about 2 s of kernel time per GB, which would fall on
whichever broker happened to write first. Before the table, each broker serves warm-up loads that
are not measured, so that neither is billed for its JIT compiler's first minutes. The run also
measures the kernel's cost of writing 1 GB into the page cache with dd at its start and end: both
brokers pay it for every byte they store.

    bench/bench.py quick             a few loads, under 3 minutes
    bench/bench.py full              every load three times, under 30 minutes
    bench/bench.py quick --profile   the same, with async-profiler in both brokers: a flame graph
                                     per load and broker in bench/results/profiles/
"""

import argparse
import csv
import datetime
import os
import re
import shutil
import signal
import statistics
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
RESULTS = os.path.join(BENCH, "results")
ASSEMBLY = os.path.join(ROOT, "karaf-dist", "target", "assembly")
HEAP = "1G"                 # the same heap for both brokers (Kafka's start script default)
TICKS = os.sysconf("SC_CLK_TCK")
TOOL_TIMEOUT_S = 300        # no single tool run may take longer
ASYNC_PROFILER = "tools.profiler:async-profiler:4.2"
FLOOR_BYTES = 1 << 30       # what dd writes to measure the page cache's cost
FILL_FILE = "page-cache-fill"
DISK_RESERVE = 8 << 30      # disk space the run leaves free


@dataclass
class Load:
    """One line of the table: a producer, consumer or end-to-end load with its settings."""
    name: str
    kind: str                       # produce | consume | e2e
    records: int
    size: int
    acks: str = "all"
    compression: str = "none"
    partitions: int = 1
    batched: bool = True            # batch.size=64 KiB, linger.ms=5; False: the client's defaults
    throughput: int = -1            # records/s cap for ProducerPerformance; -1 = as fast as it goes


@dataclass
class Result:
    load: Load
    broker: str
    records_per_s: float = float("nan")
    mb_per_s: float = float("nan")
    p50: float = float("nan")
    p99: float = float("nan")
    p999: float = float("nan")
    cpu_s_per_gb: float = float("nan")
    user_s_per_gb: float = float("nan")
    sys_s_per_gb: float = float("nan")
    error: str = ""
    runs: int = 1                   # how many runs the figures are the medians of


METRICS = ("records_per_s", "mb_per_s", "p50", "p99", "p999", "cpu_s_per_gb", "user_s_per_gb", "sys_s_per_gb")


def median_result(runs):
    """One broker's runs of one load as one row: the median of each figure over the runs that succeeded."""
    ok = [r for r in runs if not r.error]
    if not ok:
        return runs[0]
    result = Result(ok[0].load, ok[0].broker, runs=len(ok))
    for metric in METRICS:
        values = [getattr(r, metric) for r in ok if getattr(r, metric) == getattr(r, metric)]
        if values:
            setattr(result, metric, statistics.median(values))
    return result


def warmup_loads(mode):
    """Served by each broker before the table and not measured, so that the JIT compiler has compiled the
    paths the loads take: in full mode every record size and codec of the table."""
    if mode == "quick":
        return [Load("warm-up produce", "produce", 300_000, 1024, "all", "none", 6),
                Load("warm-up produce lz4", "produce", 300_000, 1024, "1", "lz4", 1),
                Load("warm-up consume", "consume", 300_000, 100)]
    result = [Load(f"warm-up produce {size}B {compression}", "produce", count, size, "1", compression, 1)
              for size, count in ((100, 1_000_000), (1024, 300_000)) for compression in ("none", "lz4", "zstd")]
    result.append(Load("warm-up produce acks=all 6p", "produce", 300_000, 1024, "all", "none", 6))
    result.append(Load("warm-up consume", "consume", 1_000_000, 100))
    return result


def loads(mode):
    if mode == "quick":
        return [
            Load("produce 1KiB acks=all 6p", "produce", 300_000, 1024, "all", "none", 6),
            Load("produce 100B acks=1 lz4 1p", "produce", 1_000_000, 100, "1", "lz4", 1),
            Load("consume 100B 1M", "consume", 1_000_000, 100),
            Load("e2e 1KiB acks=all", "e2e", 2_000, 1024),
        ]
    result = []
    for size, count in ((100, 3_000_000), (1024, 1_000_000)):
        for acks in ("1", "all"):
            for compression in ("none", "lz4", "zstd"):
                for partitions in (1, 6):
                    result.append(Load(f"produce {size}B acks={acks} {compression} {partitions}p", "produce",
                                       count, size, acks, compression, partitions))
    result.append(Load("produce 1KiB acks=all client defaults 6p", "produce", 1_000_000, 1024, "all", "none", 6,
                       batched=False))
    result.append(Load("produce 1KiB acks=all at 20k/s 1p", "produce", 400_000, 1024, "all", "none", 1,
                       throughput=20_000))
    result.append(Load("consume 100B 10M", "consume", 10_000_000, 100))
    result.append(Load("e2e 1KiB acks=all", "e2e", 10_000, 1024))
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout_s, proc):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before port {port} opened")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"port {port} did not open within {timeout_s} s")


def cpu_seconds(pid):
    """User and kernel CPU seconds a process has used so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of the whole line; here the 12th and 13th after the name
    return int(fields[11]) / TICKS, int(fields[12]) / TICKS


def free_memory():
    """Bytes of memory that nothing uses, not even the page cache (MemFree)."""
    with open("/proc/meminfo") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith("MemFree:"))


def fill_page_cache(workdir):
    """Writes a file as large as the free memory, to be kept for the run; returns its size in bytes."""
    size = min(free_memory(), shutil.disk_usage(workdir).free - DISK_RESERVE) >> 20 << 20
    if size < 1 << 30:
        print("not enough free disk to fill the page cache; CPU figures will include first-touch costs",
              file=sys.stderr)
        return 0
    write_fill(workdir, size)
    return size


def write_fill(workdir, size):
    """Writes the first size bytes (whole MiB) of the kept fill file, creating it if need be."""
    subprocess.run(["dd", "if=/dev/zero", f"of={os.path.join(workdir, FILL_FILE)}", "bs=1M", f"count={size >> 20}",
                    "conv=notrunc"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_room(tools, brokers, workdir, needed):
    """Deletes the run's topics from both brokers when the disk has less than needed bytes to spare, then
    writes the page cache their files held over again (see fill_page_cache), since it is free memory now."""
    def spare():
        return shutil.disk_usage(workdir).free - DISK_RESERVE
    if spare() >= needed:
        return False
    for broker in brokers:
        tools.delete_topics(broker, "bench-.*")
    deadline = time.time() + 120
    # both brokers remove the files in the background (Kafka renames the directories first)
    while any(name.startswith("bench-") for broker in brokers for name in os.listdir(broker.log_dir)):
        if time.time() > deadline:
            raise RuntimeError("the deleted topics' files are still there after 120 s")
        time.sleep(1)
    fill = os.path.join(workdir, FILL_FILE)
    write_fill(workdir, min(free_memory(), os.path.getsize(fill) if os.path.exists(fill) else 0))
    return True


def disk_bytes(load, runs):
    """What a load writes to both brokers' logs over its runs (a consume load fills its topic first)."""
    return 2 * runs * load.records * load.size


def page_cache_floor(workdir):
    """Kernel CPU seconds that dd spends writing 1 GB into a new file of the data directory's file system."""
    path = os.path.join(workdir, "floor")
    dd = subprocess.Popen(["dd", "if=/dev/zero", f"of={path}", "bs=64K", f"count={FLOOR_BYTES >> 16}"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(dd.pid, 0)
    dd.returncode = os.waitstatus_to_exitcode(status)
    os.remove(path)
    if dd.returncode != 0:
        raise RuntimeError(f"dd failed ({dd.returncode})")
    return usage.ru_stime / (FLOOR_BYTES / 1e9)


class Profiler:
    """async-profiler, loaded into a running broker JVM for one load at a time with jcmd."""

    def __init__(self, workdir, out_dir):
        jar_dir = os.path.join(workdir, "async-profiler")
        subprocess.run(["mvn", "-B", "-q", "dependency:copy", f"-Dartifact={ASYNC_PROFILER}",
                        f"-DoutputDirectory={jar_dir}"], check=True, cwd=ROOT)
        jar = os.path.join(jar_dir, os.listdir(jar_dir)[0])
        with zipfile.ZipFile(jar) as z:
            self.library = z.extract("linux-x64/libasyncProfiler.so", jar_dir)
        self.out_dir = out_dir
        os.makedirs(out_dir, exist_ok=True)

    def _command(self, pid, command):
        # jcmd would split an unquoted option string at its '=' signs
        subprocess.run(["jcmd", str(pid), "JVMTI.agent_load", self.library, f'"{command}"'], check=True,
                       capture_output=True, timeout=60)

    def start(self, broker):
        self._command(broker.pid, "start,event=cpu,interval=1ms,threads")

    def stop(self, broker, name):
        """Writes the load's flame graph (.html) and folded stacks (.collapsed) for this broker."""
        base = os.path.join(self.out_dir, f"{name}-{broker.name}")
        self._command(broker.pid, f"dump,file={base}.collapsed,collapsed")
        self._command(broker.pid, f"stop,file={base}.html")


def kafka_classpath():
    out = os.path.join(tempfile.gettempdir(), "karst-bench-kafka.classpath")
    subprocess.run(["mvn", "-B", "-q", "-f", os.path.join(BENCH, "kafka", "pom.xml"), "dependency:build-classpath",
                    f"-Dmdep.outputFile={out}"], check=True, cwd=ROOT)
    with open(out) as f:
        return f.read().strip()


class Broker:
    """A broker process: started, measured, stopped by process id."""

    def __init__(self, name, port):
        self.name = name
        self.port = port
        self.proc = None
        self.pid = None
        self.log_dir = None         # where the topics' directories are, set by start

    @property
    def bootstrap(self):
        return f"127.0.0.1:{self.port}"

    def cpu(self):
        return cpu_seconds(self.pid)

    def stop(self):
        if self.pid is None:
            if self.proc and self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)   # it never came up: take the whole group down
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.time() + 30
        while time.time() < deadline and os.path.exists(f"/proc/{self.pid}"):
            if self.proc and self.proc.poll() is not None and self.proc.pid == self.pid:
                break
            time.sleep(0.2)
        if os.path.exists(f"/proc/{self.pid}"):
            os.kill(self.pid, signal.SIGKILL)
        if self.proc:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Karst(Broker):
    def __init__(self, name, port, assembly):
        super().__init__(name, port)
        self.assembly = assembly

    def start(self, workdir):
        home = os.path.join(workdir, "karst")
        shutil.copytree(self.assembly, home, symlinks=True)
        shutil.rmtree(os.path.join(home, "data"), ignore_errors=True)
        etc = os.path.join(home, "etc")
        set_key(os.path.join(etc, "io.karst.transport.netty.cfg"), "listeners", f"PLAINTEXT://127.0.0.1:{self.port}")
        set_key(os.path.join(etc, "org.apache.karaf.shell.cfg"), "sshPort", str(free_port()))
        # as for Kafka below: a group starts at once instead of waiting for more members
        set_key(os.path.join(etc, "io.karst.broker.cfg"), "group.initial.rebalance.delay.ms", "0")
        self.log_dir = os.path.join(home, "logs")
        set_key(os.path.join(etc, "io.karst.storage.cfg"), "log.dirs", self.log_dir)
        set_key(os.path.join(etc, "io.karst.storage.cfg"), "log.segment.delete.delay.ms", "0")
        env = dict(os.environ, JAVA_MIN_MEM=HEAP, JAVA_MAX_MEM=HEAP)
        self.log = open(os.path.join(workdir, "karst.log"), "w")
        self.proc = subprocess.Popen([os.path.join(home, "bin", "karaf"), "run"], cwd=home, env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for_port(self.port, 120, self.proc)
        # bin/karaf runs java as a child: measure and stop the JVM itself
        self.pid = int(subprocess.run(["pgrep", "-f", "--", f"-Dkaraf.home={home} "], capture_output=True, text=True,
                                      check=True).stdout.split()[0])


class Kafka(Broker):
    def start(self, workdir, classpath):
        home = os.path.join(workdir, "kafka")
        os.makedirs(home)
        controller = free_port()
        props = os.path.join(home, "server.properties")
        self.log_dir = os.path.join(home, "data")
        with open(props, "w") as f:
            f.write("\n".join([
                "process.roles=broker,controller",
                "node.id=1",
                f"controller.quorum.voters=1@127.0.0.1:{controller}",
                f"listeners=PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{controller}",
                f"advertised.listeners=PLAINTEXT://127.0.0.1:{self.port}",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                f"log.dirs={self.log_dir}",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                # as for Karst above: the run deletes its topics when the disk runs low, and wants the space back
                "log.segment.delete.delay.ms=0",
            ]) + "\n")
        java = ["java", "-cp", classpath, f"-Dlog4j2.configurationFile={os.path.join(BENCH, 'log4j2.properties')}"]
        cluster_id = subprocess.run(java + ["kafka.tools.StorageTool", "random-uuid"], capture_output=True, text=True,
                                    check=True).stdout.strip().splitlines()[-1]
        subprocess.run(java + ["kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", props],
                       check=True, capture_output=True)
        self.log = open(os.path.join(workdir, "kafka.log"), "w")
        self.proc = subprocess.Popen(["java", f"-Xms{HEAP}", f"-Xmx{HEAP}", "-XX:+UseG1GC"] + java[1:]
                                     + ["kafka.Kafka", props], cwd=home, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.pid = self.proc.pid
        wait_for_port(self.port, 60, self.proc)


def set_key(path, key, value):
    """Sets key=value in a Karaf .cfg file, replacing the line that sets it or adding one."""
    with open(path) as f:
        lines = f.read().splitlines()
    pattern = re.compile(r"^\s*#?\s*" + re.escape(key) + r"\s*=")
    for i, line in enumerate(lines):
        if pattern.match(line):
            lines[i] = f"{key} = {value}"
            break
    else:
        lines.append(f"{key} = {value}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


class Tools:
    """Kafka's load tools, run as child JVMs with a bounded time."""

    def __init__(self, classpath):
        self.java = ["java", "-Xmx1G", "-cp", classpath,
                     f"-Dlog4j2.configurationFile={os.path.join(BENCH, 'log4j2.properties')}"]

    def run(self, args):
        done = subprocess.run(self.java + args, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {(done.stderr or done.stdout)[-600:]}")
        return done.stdout

    def delete_topics(self, broker, pattern):
        self.run(["org.apache.kafka.tools.TopicCommand", "--bootstrap-server", broker.bootstrap, "--delete",
                  "--topic", pattern])

    def create_topic(self, broker, topic, partitions):
        self.run(["org.apache.kafka.tools.TopicCommand", "--bootstrap-server", broker.bootstrap, "--create",
                  "--topic", topic, "--partitions", str(partitions), "--replication-factor", "1"])

    def produce(self, broker, topic, load):
        props = [f"bootstrap.servers={broker.bootstrap}", f"acks={load.acks}", f"compression.type={load.compression}"]
        if load.batched:
            props += ["batch.size=65536", "linger.ms=5"]
        return self.run(["org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                         "--num-records", str(load.records), "--record-size", str(load.size),
                         "--throughput", str(load.throughput), "--producer-props"] + props)

    def consume(self, broker, topic, records, group):
        return self.run(["org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", broker.bootstrap,
                         "--topic", topic, "--num-records", str(records), "--timeout", "60000",
                         "--group", group, "--hide-header"])

    def e2e(self, broker, topic, load):
        return self.run(["org.apache.kafka.tools.EndToEndLatency", broker.bootstrap, topic, str(load.records),
                         load.acks, str(load.size)])


PRODUCER_LINE = re.compile(r"(\d+) records sent, ([\d.]+) records/sec \(([\d.]+) MB/sec\).*?"
                           r"(\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99.9th")


def run_load(tools, broker, load, tag, profiler=None):
    """Runs one load once against one broker; tag makes its topic and profile names unique in the run."""
    topic = f"bench-{tag}-{broker.name}"
    result = Result(load, broker.name)
    if profiler:
        profiler.start(broker)
    try:
        if load.kind == "produce":
            tools.create_topic(broker, topic, load.partitions)
            before = broker.cpu()
            out = tools.produce(broker, topic, load)
            cpu = [now - then for now, then in zip(broker.cpu(), before)]
            m = PRODUCER_LINE.search(out.strip().splitlines()[-1])
            result.records_per_s, result.mb_per_s = float(m.group(2)), float(m.group(3))
            result.p50, result.p99, result.p999 = float(m.group(4)), float(m.group(6)), float(m.group(7))
        elif load.kind == "consume":
            tools.create_topic(broker, topic, 1)
            tools.produce(broker, topic, Load("fill", "produce", load.records, load.size, "1", "none", 1))
            # warm up page cache and JIT in a group of its own, so the measured group starts at offset 0
            tools.consume(broker, topic, min(load.records, 100_000), f"{topic}-warmup")
            before = broker.cpu()
            out = tools.consume(broker, topic, load.records, f"{topic}-measured")
            cpu = [now - then for now, then in zip(broker.cpu(), before)]
            # fetch.MB.sec and fetch.nMsg.sec: the reading itself, without the group join before it
            cols = [c.strip() for c in out.strip().splitlines()[-1].split(",")]
            result.mb_per_s, result.records_per_s = float(cols[8]), float(cols[9])
        else:
            tools.create_topic(broker, topic, 1)
            before = broker.cpu()
            out = tools.e2e(broker, topic, load)
            cpu = [now - then for now, then in zip(broker.cpu(), before)]
            p = re.search(r"Percentiles: 50th = ([\d.]+), 99th = ([\d.]+), 99.9th = ([\d.]+)", out)
            result.p50, result.p99, result.p999 = (float(x) for x in p.groups())
        gigabytes = load.records * load.size / 1e9
        result.user_s_per_gb, result.sys_s_per_gb = (x / gigabytes for x in cpu)
        result.cpu_s_per_gb = result.user_s_per_gb + result.sys_s_per_gb
    except (RuntimeError, AttributeError, IndexError, ValueError, subprocess.TimeoutExpired) as e:
        result.error = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
    finally:
        if profiler:
            profiler.stop(broker, f"{tag}-{re.sub(r'[^A-Za-z0-9]+', '-', load.name)}")
    return result


def ratio(a, b):
    return a / b if b and a == a and b == b else float("nan")


def fmt(x, digits=1):
    return "-" if x != x else f"{x:,.{digits}f}"


def print_table(results):
    header = (f"{'load':44} {'broker':6} {'rec/s':>12} {'MB/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'p99.9':>7} "
              f"{'CPU s/GB':>9} {'user':>6} {'kernel':>6}")
    print(header)
    print("-" * len(header))
    for i in range(0, len(results), 2):
        pair = sorted(results[i:i + 2], key=lambda r: r.broker != "karst")
        for r in pair:
            if r.error:
                print(f"{r.load.name:44} {r.broker:6} error: {r.error}")
            else:
                print(f"{r.load.name:44} {r.broker:6} {fmt(r.records_per_s, 0):>12} {fmt(r.mb_per_s):>8} "
                      f"{fmt(r.p50, 0):>7} {fmt(r.p99, 0):>7} {fmt(r.p999, 0):>7} {fmt(r.cpu_s_per_gb, 2):>9} "
                      f"{fmt(r.user_s_per_gb, 2):>6} {fmt(r.sys_s_per_gb, 2):>6}")
        k, f = pair
        print(f"{'':44} {'ratio':6} {fmt(ratio(k.records_per_s, f.records_per_s), 2):>12} "
              f"{fmt(ratio(k.mb_per_s, f.mb_per_s), 2):>8} {fmt(ratio(k.p50, f.p50), 2):>7} "
              f"{fmt(ratio(k.p99, f.p99), 2):>7} {fmt(ratio(k.p999, f.p999), 2):>7} "
              f"{fmt(ratio(k.cpu_s_per_gb, f.cpu_s_per_gb), 2):>9} {fmt(ratio(k.user_s_per_gb, f.user_s_per_gb), 2):>6} "
              f"{fmt(ratio(k.sys_s_per_gb, f.sys_s_per_gb), 2):>6}")


def write_csv(results, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["load", "broker", "records_per_s", "mb_per_s", "p50_ms", "p99_ms", "p999_ms", "cpu_s_per_gb",
                    "user_s_per_gb", "sys_s_per_gb", "runs", "error"])
        for r in results:
            w.writerow([r.load.name, r.broker, r.records_per_s, r.mb_per_s, r.p50, r.p99, r.p999, r.cpu_s_per_gb,
                        r.user_s_per_gb, r.sys_s_per_gb, r.runs, r.error.replace(",", ";")])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["quick", "full"])
    parser.add_argument("--profile", action="store_true",
                        help="profile both brokers under every load with async-profiler (flame graphs)")
    parser.add_argument("--runs", type=int,
                        help="runs of every load per broker, reported as their medians (default: quick 1, full 3)")
    parser.add_argument("--assembly", default=ASSEMBLY,
                        help="the Karst distribution to run (default: this checkout's build); "
                             "a copy of an older build's karaf-dist/target/assembly gives a before/after")
    args = parser.parse_args()
    runs = args.runs or (1 if args.mode == "quick" else 3)
    if runs < 1:
        parser.error("--runs must be at least 1")

    if args.assembly == ASSEMBLY and not os.path.isdir(ASSEMBLY):
        subprocess.run(["mvn", "-B", "-q", "install", "-DskipTests"], check=True, cwd=ROOT)
    classpath = kafka_classpath()
    os.makedirs(RESULTS, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="karst-bench-")
    karst, kafka = Karst("karst", free_port(), args.assembly), Kafka("kafka", free_port())
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M")
    results = []
    floors = []
    started = time.time()
    try:
        profiler = Profiler(workdir, os.path.join(RESULTS, "profiles", stamp)) if args.profile else None
        filled = fill_page_cache(workdir)
        print(f"[{time.time() - started:6.0f} s] filled {filled / 1e9:.1f} GB of page cache", file=sys.stderr)
        karst.start(workdir)
        kafka.start(workdir, classpath)
        tools = Tools(classpath)
        # before the warm-up, so that the pages dd frees go to both brokers' warm-ups, not to one's load
        floors.append(page_cache_floor(workdir))
        for broker in (karst, kafka):
            for i, load in enumerate(warmup_loads(args.mode)):
                r = run_load(tools, broker, load, f"w{i}")
                print(f"[{time.time() - started:6.0f} s] {load.name} on {broker.name}: "
                      f"{r.error or fmt(r.records_per_s, 0) + ' rec/s'}", file=sys.stderr)
        for i, load in enumerate(loads(args.mode)):
            if make_room(tools, (karst, kafka), workdir, disk_bytes(load, runs)):
                print(f"[{time.time() - started:6.0f} s] deleted the topics so far, for disk space", file=sys.stderr)
            done = {karst.name: [], kafka.name: []}
            for run in range(runs):
                # alternate who goes first, so that drift on a shared machine does not favour one side
                order = (karst, kafka) if (i + run) % 2 == 0 else (kafka, karst)
                for broker in order:
                    r = run_load(tools, broker, load, f"{i:02d}-{run}", profiler)
                    summary = f"p99 {fmt(r.p99, 0)} ms" if load.kind == "e2e" else f"{fmt(r.records_per_s, 0)} rec/s"
                    print(f"[{time.time() - started:6.0f} s] {load.name} on {broker.name}, run {run + 1}/{runs}: "
                          f"{r.error or summary}, {fmt(r.cpu_s_per_gb, 2)} CPU s/GB", file=sys.stderr)
                    done[broker.name].append(r)
            results += [median_result(done[karst.name]), median_result(done[kafka.name])]
        floors.append(page_cache_floor(workdir))
    finally:
        karst.stop()
        kafka.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    csv_path = os.path.join(RESULTS, f"{stamp}-{args.mode}.csv")
    write_csv(results, csv_path)
    subprocess.run(["java", os.path.join(BENCH, "Chart.java"), csv_path, csv_path[:-4] + ".png"], check=True)
    print()
    print_table(results)
    print(f"\nWriting 1 GB into the page cache with dd cost {fmt(floors[0], 2)} kernel CPU seconds at the start"
          f" and {fmt(floors[-1], 2)} at the end: a floor under both brokers' kernel time for every byte stored.")
    if args.profile:
        print(f"Flame graphs: {profiler.out_dir} (the CPU figures above include the profiler's own cost)")
    print(f"\n{len(results) // 2} loads in {time.time() - started:.0f} s; results in {csv_path} and .png")


if __name__ == "__main__":
    main()
