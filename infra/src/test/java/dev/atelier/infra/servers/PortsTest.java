package dev.atelier.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortIsFreeAndAListeningOneIsNot() throws Exception {
        int port = Ports.free();
        assertThat(port).isPositive();
        assertThat(Ports.inUse(port)).isFalse();

        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.inUse(socket.getLocalPort())).isTrue();
        }
    }
}
