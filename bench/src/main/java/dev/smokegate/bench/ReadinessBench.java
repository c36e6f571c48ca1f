package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.model.Readiness;
import dev.smokegate.smoke.process.CommandSpec;
import dev.smokegate.smoke.process.PortReservations;
import dev.smokegate.smoke.process.Ports;
import dev.smokegate.smoke.process.ReadinessPoller;
import dev.smokegate.smoke.process.ReadinessResult;
import dev.smokegate.smoke.process.ServiceProcess;
import dev.smokegate.smoke.process.StepLogs;
import dev.smokegate.smoke.process.StopOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark d: the readiness overhead. The fixture service ({@code ServiceMain.java}, started as the
 * gate starts a service: {@link ServiceProcess#start} on a port from {@link PortReservations}) is
 * waited for with {@link ReadinessPoller#await} and an http probe of {@code /healthz} with the
 * default schedule (a poll every {@link Readiness#DEFAULT_INTERVAL} while the port refuses
 * connections; the poller backs off only once the service answers without being ready). Independently, a thread of this harness tries to connect to the port in
 * a tight loop (a new connection every millisecond) and notes when the first one is accepted. The
 * overhead is the time from that first accepted connection to the moment {@code await} returns
 * {@link ReadinessResult.Ready}.
 *
 * <p>Two start profiles: the service as it is (the port opens about a second after the start: the
 * JVM compiles the source file first) and with {@code --slow-start 4000} (the port opens about 5 s
 * after the start). Two verdicts each, on the median: the overhead against the configured interval
 * plus 50 ms (the target, 300 ms), and against the pause in effect when the port opened plus
 * 50 ms (what the schedule allows: the poller adds no more than its next poll). The pause in effect
 * is computed from the documented schedule: while the port refuses connections, polls at 0, 250,
 * 500, 750 ms … after the start of the wait.
 *
 * <p>Each run checks that the work was done: {@code await} said {@code http 200 from /healthz},
 * the service's log holds {@code Started service on port <port>}, the connect loop saw the port
 * open before {@code await} returned, and the service stopped by SIGTERM with nothing left running.
 */
final class ReadinessBench {

    static final String NAME = "readiness-overhead";

    /** The slack the target allows on top of a pause, in milliseconds. */
    private static final long SLACK_MILLIS = 50;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final List<Integer> SLOW_STARTS = List.of(0, 4000);

    private final Path work;
    private final Results results;

    ReadinessBench(Path work, Results results) {
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Files.createDirectories(work);
        Path source = FixtureRepos.writeServiceSource(work.resolve("ServiceMain.java"));
        PortReservations reservations = new PortReservations(work.resolve("port-locks"));
        long interval = Readiness.DEFAULT_INTERVAL.toMillis();
        for (int slowStart : SLOW_STARTS) {
            List<Double> overheads = new ArrayList<>();
            List<Double> pauses = new ArrayList<>();
            List<Double> opens = new ArrayList<>();
            List<Double> lates = new ArrayList<>();
            for (int round = 0; round <= runs; round++) {
                Run run = once(source, reservations, slowStart, round);
                results.sample(
                        NAME,
                        profile(slowStart),
                        round,
                        run.overheadMillis(),
                        String.format(
                                Locale.ROOT,
                                "port open at %.0f ms, ready at %.0f ms, pause in effect %d ms, next poll due at %d ms",
                                run.openMillis(),
                                run.readyMillis(),
                                run.pauseMillis(),
                                run.slot().nextPoll()));
                System.out.printf(
                        Locale.ROOT,
                        "[bench] %s %s, %s: port open after %.0f ms, ready after %.0f ms: overhead %.1f ms"
                                + " (pause in effect %d ms)%n",
                        NAME,
                        profile(slowStart),
                        round == 0 ? "warm-up" : "run " + round,
                        run.openMillis(),
                        run.readyMillis(),
                        run.overheadMillis(),
                        run.pauseMillis());
                if (round > 0) {
                    overheads.add(run.overheadMillis());
                    pauses.add((double) run.pauseMillis());
                    opens.add(run.openMillis());
                    lates.add(run.lateMillis());
                }
            }
            double overhead = Stats.median(overheads);
            double pause = Stats.median(pauses);
            String n = " (median of " + runs + ")";
            String label = profile(slowStart);
            results.metric(
                    NAME,
                    label + ": port open after the start" + n,
                    Stats.ms(Stats.median(opens)),
                    "ms",
                    "",
                    Verdict.NONE);
            results.metric(
                    NAME,
                    label + ": overhead, port open → ready" + n,
                    Stats.ms(overhead),
                    "ms",
                    "<= " + (interval + SLACK_MILLIS) + " (interval " + interval + " + " + SLACK_MILLIS + ")",
                    overhead <= interval + SLACK_MILLIS ? Verdict.MET : Verdict.MISSED);
            results.metric(
                    NAME,
                    label + ": overhead against the pause in effect" + n,
                    Stats.ms(overhead) + " vs pause " + Stats.ms(pause),
                    "ms",
                    "<= pause + " + SLACK_MILLIS,
                    overhead <= pause + SLACK_MILLIS ? Verdict.MET : Verdict.MISSED);
            results.metric(
                    NAME,
                    label + ": worst overhead of " + runs,
                    Stats.ms(Stats.max(overheads)),
                    "ms",
                    "",
                    Verdict.NONE);
            results.metric(
                    NAME,
                    label + ": ready reported after the schedule's next poll was due" + n,
                    Stats.ms(Stats.median(lates)),
                    "ms",
                    "",
                    Verdict.NONE);
        }
    }

    private static String profile(int slowStart) {
        return slowStart == 0 ? "service as is" : "--slow-start " + slowStart;
    }

    /**
     * One start, wait and stop.
     *
     * @param openMillis from the start of the wait to the first accepted connection
     * @param readyMillis from the start of the wait to {@code await}'s return
     * @param slot the schedule's slot when the port opened
     */
    private record Run(double openMillis, double readyMillis, Slot slot) {
        double overheadMillis() {
            return readyMillis - openMillis;
        }

        long pauseMillis() {
            return slot.pause();
        }

        /** How much later than the schedule's next poll the ready report came. */
        double lateMillis() {
            return readyMillis - slot.nextPoll();
        }
    }

    private Run once(Path source, PortReservations reservations, int slowStart, int round) throws Exception {
        try (Ports ports = reservations.forScenario()) {
            int port = ports.port("http");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    source.toString(),
                    "--port",
                    String.valueOf(port)));
            if (slowStart > 0) {
                command.addAll(List.of("--slow-start", String.valueOf(slowStart)));
            }
            Readiness readiness = new Readiness(
                    new Readiness.Http("http://127.0.0.1:" + port + "/healthz", List.of(), List.of()),
                    Readiness.DEFAULT_TIMEOUT,
                    Readiness.DEFAULT_INTERVAL);
            StepLogs logs = StepLogs.in(results.raw(NAME), "service-" + slowStart + "-" + round + ".log");
            AtomicLong openedAt = new AtomicLong();
            Thread watcher = new Thread(() -> watch(port, openedAt), "bench-connect-loop");
            watcher.setDaemon(true);
            watcher.start();
            ServiceProcess service =
                    ServiceProcess.start(CommandSpec.args(command, work, Map.of()), logs, STOP_TIMEOUT);
            long start = System.nanoTime();
            ReadinessResult result;
            long readyAt;
            StopOutcome stopped;
            List<String> left;
            try {
                result = ReadinessPoller.await(service, readiness);
                readyAt = System.nanoTime();
                stopped = service.stop(STOP_TIMEOUT);
                left = service.leftovers();
            } finally {
                watcher.interrupt();
                service.close();
            }
            watcher.join(5_000);
            if (!(result instanceof ReadinessResult.Ready ready)) {
                throw new IllegalStateException("the service was not ready: " + result + "; log: " + logs.combined());
            }
            if (!ready.what().equals("http 200 from /healthz")) {
                throw new IllegalStateException("unexpected readiness: " + ready.what());
            }
            String log = Files.readString(logs.combined(), StandardCharsets.UTF_8);
            if (!log.contains("Started service on port " + port) || !log.contains("Graceful shutdown complete")) {
                throw new IllegalStateException("the service's log lacks its start or its stop:\n" + log);
            }
            if (stopped.endedBy() != StopOutcome.EndedBy.SIGTERM || stopped.exitCode() != 143 || !left.isEmpty()) {
                throw new IllegalStateException(
                        "the service did not stop cleanly: " + stopped + ", left behind: " + left);
            }
            long opened = openedAt.get();
            if (opened == 0 || opened > readyAt) {
                throw new IllegalStateException(
                        "the connect loop did not see port " + port + " open before the poller reported it ready");
            }
            double openMillis = (opened - start) / 1e6;
            return new Run(openMillis, (readyAt - start) / 1e6, Slot.at(openMillis));
        }
    }

    /** Connects to the port every millisecond until one connection is accepted; notes when. */
    private static void watch(int port, AtomicLong openedAt) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        while (!Thread.currentThread().isInterrupted()) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 100);
                openedAt.set(System.nanoTime());
                return;
            } catch (IOException refused) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * The slot of the documented schedule that was running {@code millis} after the start of the
     * wait, while the port refused connections: polls at 0, i, 2i, 3i … (no backoff until the
     * service answers).
     *
     * @param pause the pause between the poll before {@code millis} and the one after, in ms
     * @param nextPoll when the poll after {@code millis} is due, in ms after the start of the wait
     */
    record Slot(long pause, long nextPoll) {
        static Slot at(double millis) {
            long pause = Readiness.DEFAULT_INTERVAL.toMillis();
            return new Slot(pause, ((long) Math.floor(millis / pause) + 1) * pause);
        }
    }
}
