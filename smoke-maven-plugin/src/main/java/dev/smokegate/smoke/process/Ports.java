package dev.smokegate.smoke.process;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The ports of one scenario, behind {@code ${port.NAME}}: the first use of a name reserves a free
 * loopback port (see {@link PortReservations}), later uses give the same port. The reservations are
 * held until {@link #close()}.
 *
 * <p>Thread-safe.
 */
public final class Ports implements AutoCloseable {

    private final PortReservations reservations;
    private final Map<String, PortReservations.Reservation> byName = new LinkedHashMap<>();
    private boolean closed;

    Ports(PortReservations reservations) {
        this.reservations = reservations;
    }

    /**
     * The port of {@code ${port.<name>}} in this scenario.
     *
     * @param name the name after {@code port.}
     * @return the port, from 1 to 65535; the same for the same name
     * @throws UncheckedIOException if no port could be reserved; the message names the placeholder
     * @throws IllegalStateException if the ports are closed
     */
    public synchronized int port(String name) {
        Objects.requireNonNull(name, "name");
        if (closed) {
            throw new IllegalStateException("the ports of this scenario are closed; ${port." + name + "} asked");
        }
        return byName.computeIfAbsent(name, reservations::reserve).port();
    }

    /** @return every port reserved so far, by name, in the order they were first asked for */
    public synchronized Map<String, Integer> reserved() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        byName.forEach((name, reservation) -> ports.put(name, reservation.port()));
        return ports;
    }

    /** Releases the locks, so other gate runs may use the ports; this run never hands them out again. */
    @Override
    public synchronized void close() {
        closed = true;
        byName.values().forEach(PortReservations.Reservation::release);
    }

    @Override
    public String toString() {
        return "ports " + reserved();
    }
}
