package org.iechorfile.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionInfoTest {

  private static final String FILE =
      "{\"shell_port\": 5001, \"iopub_port\": 5002, \"stdin_port\": 5003, \"control_port\": 5004,"
          + " \"hb_port\": 5005, \"ip\": \"127.0.0.1\", \"key\": \"abc\", \"transport\": \"tcp\","
          + " \"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"iechorfile\"}";

  @Test
  void parse_jupyterClientFile_portsKeyAndExtraKeysIgnored() throws Exception {
    ConnectionInfo info = ConnectionInfo.parse(FILE);
    assertEquals("tcp://127.0.0.1:5001", info.address(info.shellPort()));
    assertEquals(5005, info.hbPort());
    assertEquals("abc", info.key());
    assertTrue(info.signer().enabled());
  }

  @Test
  void parse_ipcTransport_rejectedWithAdvice() {
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> ConnectionInfo.parse(FILE.replace("\"tcp\"", "\"ipc\"")));
    assertTrue(e.getMessage().contains("transport tcp"), e.getMessage());
  }

  @Test
  void parse_missingPort_namesTheKey() {
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> ConnectionInfo.parse(FILE.replace("\"hb_port\": 5005,", "")));
    assertTrue(e.getMessage().contains("hb_port"), e.getMessage());
  }

  @Test
  void parse_notJson_malformed() {
    assertThrows(MalformedMessageException.class, () -> ConnectionInfo.parse("[1, 2"));
  }

  @Test
  void toString_key_redacted() throws Exception {
    assertFalse(ConnectionInfo.parse(FILE).toString().contains("abc"));
  }
}
