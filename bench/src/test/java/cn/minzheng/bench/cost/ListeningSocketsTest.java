package cn.minzheng.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ListeningSocketsTest {

    static final String TABLE = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41234 1 0000000000000000 100 0 0 10 0
               1: 0100007F:1F91 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 41299 1 0000000000000000 20 4 30 10 -1
               2: 00000000:6989 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 50001 1 0000000000000000 100 0 0 10 0
            """;

    @Test
    void readsTheListeningRowsOnly() {
        assertThat(ListeningSockets.listeningInodes(TABLE))
                .containsEntry(8080, 41234L)
                .containsEntry(27017, 50001L)
                .doesNotContainKey(8081);
    }

    @Test
    void aPortNobodyListensOnHasNoProcess(@org.junit.jupiter.api.io.TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), TABLE);
        assertThat(new ListeningSockets(proc).pidListeningOn(9092)).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void findsThisProcessListeningOnAPortItOpened() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningSockets.system().pidListeningOn(server.getLocalPort()))
                    .contains(ProcessHandle.current().pid());
        }
    }
}
