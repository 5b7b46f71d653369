package org.iechorfile.kernel.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a Jupyter connection file says: where to bind each channel and how to sign messages.
 *
 * @param transport {@code tcp} (the only transport supported)
 * @param ip the address to bind
 * @param shellPort shell channel port
 * @param iopubPort IOPub channel port
 * @param stdinPort stdin channel port
 * @param controlPort control channel port
 * @param hbPort heartbeat port
 * @param signatureScheme for example {@code hmac-sha256}
 * @param key the signing key; empty for no signing
 */
public record ConnectionInfo(
    String transport,
    String ip,
    int shellPort,
    int iopubPort,
    int stdinPort,
    int controlPort,
    int hbPort,
    String signatureScheme,
    String key) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ConnectionInfo {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(signatureScheme, "signatureScheme");
    Objects.requireNonNull(key, "key");
  }

  /**
   * Reads a connection file; keys it does not know (such as {@code kernel_name}) are ignored.
   *
   * @throws IOException when the file cannot be read
   * @throws MalformedMessageException when it is not a connection file (the message says which key
   *     is wrong)
   */
  public static ConnectionInfo read(Path file) throws IOException, MalformedMessageException {
    return parse(Files.readString(file));
  }

  /** Parses the text of a connection file; see {@link #read}. */
  public static ConnectionInfo parse(String text) throws MalformedMessageException {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      throw new MalformedMessageException("the connection file is not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedMessageException("the connection file is not a JSON object");
    }
    String transport = text(node, "transport", "tcp");
    if (!transport.equals("tcp")) {
      throw new MalformedMessageException(
          "transport " + transport + " is not supported; start the kernel with transport tcp");
    }
    return new ConnectionInfo(
        transport,
        text(node, "ip", "127.0.0.1"),
        port(node, "shell_port"),
        port(node, "iopub_port"),
        port(node, "stdin_port"),
        port(node, "control_port"),
        port(node, "hb_port"),
        text(node, "signature_scheme", "hmac-sha256"),
        text(node, "key", ""));
  }

  /** The address to bind for {@code port}, as {@code tcp://ip:port}. */
  public String address(int port) {
    return transport + "://" + ip + ":" + port;
  }

  /** The signer for this connection's scheme and key. */
  public Signer signer() {
    return Signer.of(signatureScheme, key);
  }

  private static String text(JsonNode node, String name, String fallback) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  private static int port(JsonNode node, String name) throws MalformedMessageException {
    JsonNode value = node.get(name);
    if (value == null || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 65535) {
      throw new MalformedMessageException(
          "the connection file needs " + name + " as a port number (0 to 65535)");
    }
    return value.asInt();
  }

  @Override
  public String toString() {
    return "ConnectionInfo[" + address(shellPort) + ", key=<redacted>]";
  }
}
