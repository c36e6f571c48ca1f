package dev.smokegate.smoke.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MINA SSHD's connect failures, as the clone's message shows them. */
class CloneFailuresSshTest {
    @Test
    void sshConnect_refused_hostPortAndTheReason() {
        assertThat(
                        CloneFailures.sshConnect(
                                "DefaultConnectFuture[git@/127.0.0.1:1]: Failed (ConnectException) to execute: Connection refused"))
                .isEqualTo("ssh to 127.0.0.1 port 1: Connection refused");
    }

    @Test
    void sshConnect_unresolvedName_unknownHost() {
        assertThat(CloneFailures.sshConnect(
                        "javascript:alert(1): DefaultConnectFuture[root@javascript/<unresolved>:22]:"
                                + " Failed (UnresolvedAddressException) to execute: null"))
                .isEqualTo("javascript:alert(1): ssh: unknown host javascript (port 22)");
    }

    @Test
    void sshConnect_otherText_unchanged() {
        assertThat(CloneFailures.sshConnect("Connection refused")).isEqualTo("Connection refused");
    }
}
