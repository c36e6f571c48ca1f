/**
 * Runs the probe steps of a scenario against running software: one HTTP request, or one TCP
 * exchange, written to the step's logs as a {@code run} step's output is, so that the step's checks
 * read them the same way (the body is the step's stdout). Uses only the JDK ({@link
 * java.net.http.HttpClient}, {@link java.net.Socket}) and the model. Loopback is what the gate's own
 * services listen on; a probe sends to whatever address the manifest names.
 *
 * <ul>
 *   <li>{@link dev.smokegate.smoke.probe.HttpProbe}: sends an {@link dev.smokegate.smoke.model.HttpCall}
 *       and streams the response to the logs; {@link dev.smokegate.smoke.probe.HttpProbeResult}: the
 *       response head, or why none came, and the time taken.
 *   <li>{@link dev.smokegate.smoke.probe.TcpProbe}: connects, sends, reads what comes back; {@link
 *       dev.smokegate.smoke.probe.TcpProbeResult}: whether it connected and how many bytes came.
 *   <li>{@link dev.smokegate.smoke.probe.ProbeLogs}: the three log files a probe writes.
 *   <li>{@link dev.smokegate.smoke.probe.ProbeOutput}: those logs while open: head lines to stderr and
 *       combined, body bytes to stdout and combined.
 *   <li>{@link dev.smokegate.smoke.probe.ProbeErrors}: the words for a connection that failed, the
 *       same for HTTP and TCP.
 * </ul>
 *
 * <p>Plain Java: nothing here imports Maven. Failures of the peer are results, never exceptions;
 * only a log file that cannot be written throws.
 */
package dev.smokegate.smoke.probe;
