package dev.smokegate.smoke.report;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Loads the libraries the reports are written with, ahead of time. In a new JVM (every {@code mvn}
 * run) the first JSON summary costs about 0.2 s of class loading and initialisation in Jackson's
 * databind, and the first JUnit XML report some more in the JDK's StAX; a gate pays that once, at its
 * end, after the last scenario, unless the ratchet used Jackson first. {@link #load()} does the same
 * first use on a throwaway document, so that a caller can run it on a spare thread early (the gate
 * does, while it reads the manifest).
 */
public final class ReportClasses {
    private ReportClasses() {}

    /**
     * Writes and reads back a one-field JSON document and writes an empty XML document, both into
     * nothing. It touches no file and keeps no state besides the JVM's loaded classes.
     *
     * @throws IOException if Jackson or StAX fails on the throwaway document (a broken class path)
     */
    public static void load() throws IOException {
        SummaryJson.loadJackson();
        try {
            XMLStreamWriter xml = HtmlReport.OUTPUT.createXMLStreamWriter(OutputStream.nullOutputStream(), "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeEmptyElement("testsuite");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
