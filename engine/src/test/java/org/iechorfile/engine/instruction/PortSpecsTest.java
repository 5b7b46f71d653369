package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "80|80/tcp",
        "53/UDP|53/udp",
        "9000-9002/sctp|9000/sctp 9001/sctp 9002/sctp",
        "8080:80|80/tcp",
        "127.0.0.1:8080:80/udp|80/udp",
        "[::1]:8080:80|80/tcp",
        "::1:8080:80|80/tcp",
        "0|0/tcp",
        "65535|65535/tcp",
        "8000-8001:9000-9001|9000/tcp 9001/tcp",
        "8000-8010:9000|9000/tcp",
      })
  void exposed_validSpec_givesConfigEntries(String spec, String expected) throws Exception {
    assertEquals(List.of(expected.split(" ")), PortSpecs.exposed(List.of(spec)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "70000|invalid containerPort: 70000",
        "http|invalid containerPort: http",
        "90-80|invalid containerPort: 90-80",
        "1-2-3|invalid containerPort: 1-2-3",
        "80/icmp|invalid proto: icmp",
        "/tcp|no port specified: /tcp<empty>",
        "999.1.1.1:80:80|invalid IP address: 999.1.1.1",
        "host.local:80:80|invalid IP address: host.local",
        "x:80|invalid hostPort: x",
        "8000-8001:9000-9002|invalid ranges specified for container and host Ports: 9000-9002 and"
            + " 8000-8001",
      })
  void exposed_badSpec_reportsBuildKitMessage(String spec, String expected) {
    assertEquals(
        expected,
        assertThrows(InstructionException.class, () -> PortSpecs.exposed(List.of(spec)))
            .getMessage());
  }
}
