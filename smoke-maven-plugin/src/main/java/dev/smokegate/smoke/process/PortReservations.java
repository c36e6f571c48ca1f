package dev.smokegate.smoke.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The free loopback ports of one gate run, behind {@code ${port.NAME}}: each scenario gets its own
 * {@link Ports}, in which the same name always gives the same port. No port is handed out twice in
 * a run, and a port another gate run on the machine holds is skipped, so two scenarios, or two gate
 * runs, never get the same port.
 *
 * <p>How a port is reserved: a {@link ServerSocket} bound to 127.0.0.1 port 0 lets the operating
 * system pick a port that is free now; an exclusive {@link FileLock} on {@code <lock
 * folder>/<port>.lock} claims it among gate runs (a port whose lock another run holds is skipped
 * and another one picked); then the socket is closed, so that the service can bind the port, and
 * the lock is kept until the scenario's {@link Ports} close. Lock files stay in the folder: deleting
 * one could let two runs lock two different files of the same name.
 *
 * <p>A race remains, and cannot be closed from outside the service: between the reservation and
 * the service's own bind, any other process of the machine (one that is not a gate run) may bind
 * the port. The service then fails with "Address already in use"; the caller classifies that as a
 * host problem ({@code host.port-in-use}), naming the port.
 *
 * <p>Thread-safe: parallel scenarios reserve ports from one instance.
 */
public final class PortReservations {

    /** How many ports are tried before giving up. */
    static final int ATTEMPTS = 100;

    private final Path lockDir;
    private final Source source;
    private final Set<Integer> handedOut = new HashSet<>();

    /**
     * @param lockDir the folder of the lock files, shared by every gate run on the machine, for
     *     example {@link #defaultLockDir()}; created when the first port is reserved
     */
    public PortReservations(Path lockDir) {
        this(lockDir, PortReservations::bindFreePort);
    }

    /** @param source where candidate ports come from */
    PortReservations(Path lockDir, Source source) {
        this.lockDir = Objects.requireNonNull(lockDir, "lockDir");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The default lock folder: {@code smoke-ports} in {@code java.io.tmpdir}.
     *
     * @return the folder
     */
    public static Path defaultLockDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "smoke-ports");
    }

    /**
     * The ports of one scenario.
     *
     * @return an empty set of ports; close it when the scenario ends
     */
    public Ports forScenario() {
        return new Ports(this);
    }

    /** A reserved port and the lock that claims it. */
    record Reservation(int port, FileChannel channel, FileLock lock) {
        void release() {
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel below releases it too
            }
            try {
                channel.close();
            } catch (IOException e) {
                // the lock is gone with the channel; nothing else to do
            }
        }
    }

    /**
     * Reserves a free loopback port for {@code ${port.<name>}}.
     *
     * @throws UncheckedIOException if the lock folder cannot be created, no socket can be bound, or
     *     {@value #ATTEMPTS} ports in a row were all taken
     */
    Reservation reserve(String name) {
        try {
            Files.createDirectories(lockDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot reserve a port for ${port." + name + "} [" + lockDir + "]: cannot create the lock folder: "
                            + e.getMessage() + ". Make the folder writable.",
                    e);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Reservation reservation = tryOne(name);
            if (reservation != null) {
                return reservation;
            }
        }
        String message = "cannot reserve a port for ${port." + name + "} [" + lockDir + "]: " + ATTEMPTS
                + " ports in a row were already reserved by this or another gate run. Wait for the other runs to end,"
                + " or give this run a lock folder of its own.";
        throw new UncheckedIOException(message, new IOException(message));
    }

    /** One attempt: a port the system calls free, locked; null when it is taken. */
    private Reservation tryOne(String name) {
        try (Candidate candidate = source.next()) {
            int port = candidate.port();
            synchronized (handedOut) {
                if (handedOut.contains(port)) {
                    return null;
                }
                Reservation reservation = lock(port);
                if (reservation != null) {
                    handedOut.add(port);
                }
                return reservation;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot reserve a port for ${port." + name + "} [127.0.0.1]: " + e.getMessage()
                            + ". Check that the loopback interface is up and the lock folder " + lockDir
                            + " is writable.",
                    e);
        }
    }

    /** Where candidate ports come from; the real one binds a socket to 127.0.0.1 port 0. */
    @FunctionalInterface
    interface Source {
        /** @return a port free now, held until the candidate is closed */
        Candidate next() throws IOException;
    }

    /** A port that is free now, held (when the source binds it) until closed. */
    interface Candidate extends AutoCloseable {
        int port();

        @Override
        void close() throws IOException;
    }

    /** Binds 127.0.0.1 port 0, so the system picks a port that is free now. */
    private static Candidate bindFreePort() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Candidate() {
            @Override
            public int port() {
                return socket.getLocalPort();
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }

    private Reservation lock(int port) throws IOException {
        Path file = lockDir.resolve(port + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new Reservation(port, channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // another reservation of this JVM (another gate run in the same Maven) holds it
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return null;
    }

    @Override
    public String toString() {
        return "port reservations locked in " + lockDir;
    }
}
