package org.iechorfile.engine.instruction;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * EXPOSE port specifications ({@code [ip:][hostPort:]port[-port][/proto]}) as the builder reads
 * them after expansion, giving the image config's {@code port/proto} keys, with BuildKit's error
 * texts.
 */
final class PortSpecs {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private PortSpecs() {}

  /** The {@code port/proto} entries of every spec, ranges expanded, in order. */
  static List<String> exposed(List<String> specs) throws InstructionException {
    List<String> ports = new ArrayList<>();
    for (String spec : specs) {
      ports.addAll(exposed(spec));
    }
    return ports;
  }

  private static List<String> exposed(String raw) throws InstructionException {
    String[] parts = raw.split(":", -1);
    int n = parts.length;
    String containerPort = parts[n - 1];
    String hostPort = n >= 2 ? parts[n - 2] : "";
    String ip = n >= 3 ? String.join(":", List.of(parts).subList(0, n - 2)) : "";
    int slash = containerPort.indexOf('/');
    String port = slash < 0 ? containerPort : containerPort.substring(0, slash);
    String proto = slash < 0 ? "" : containerPort.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (port.isEmpty()) {
      throw new InstructionException("no port specified: " + containerPort + "<empty>", raw);
    }
    if (proto.isEmpty()) {
      proto = "tcp";
    } else if (!List.of("tcp", "udp", "sctp").contains(proto)) {
      throw new InstructionException("invalid proto: " + proto, raw);
    }
    checkIp(ip, raw);
    long[] range = range(port).orElseThrow(() -> invalid("invalid containerPort: ", port, raw));
    if (!hostPort.isEmpty()) {
      long[] host = range(hostPort).orElseThrow(() -> invalid("invalid hostPort: ", hostPort, raw));
      if (range[1] - range[0] != host[1] - host[0] && range[1] != range[0]) {
        throw new InstructionException(
            "invalid ranges specified for container and host Ports: " + port + " and " + hostPort,
            raw);
      }
    }
    List<String> ports = new ArrayList<>();
    for (long p = range[0]; p <= range[1]; p++) {
      ports.add(p + "/" + proto);
    }
    return ports;
  }

  private static InstructionException invalid(String prefix, String value, String raw) {
    return new InstructionException(prefix + value, raw);
  }

  private static void checkIp(String ip, String raw) throws InstructionException {
    if (ip.isEmpty()) {
      return;
    }
    String bare = ip;
    if (bare.startsWith("[")) {
      if (!bare.endsWith("]")) {
        throw new InstructionException("invalid IP address " + ip, raw);
      }
      bare = bare.substring(1, bare.length() - 1);
    }
    if (!IPV4.matcher(bare).matches() && !isIpv6(bare)) {
      throw new InstructionException("invalid IP address: " + bare, raw);
    }
  }

  /** An IPv6 literal; the character check keeps {@link InetAddress} from resolving names. */
  private static boolean isIpv6(String text) {
    if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(text);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** {@code 80} or {@code 8000-8010}, each a 16-bit number; empty when malformed. */
  private static Optional<long[]> range(String text) {
    String[] ends = text.split("-", -1);
    if (ends.length > 2) {
      return Optional.empty();
    }
    long start = uint16(ends[0]);
    long end = ends.length == 2 ? uint16(ends[1]) : start;
    if (start < 0 || end < 0 || end < start) {
      return Optional.empty();
    }
    return Optional.of(new long[] {start, end});
  }

  private static long uint16(String text) {
    if (!text.matches("[0-9]{1,5}")) {
      return -1;
    }
    long value = Long.parseLong(text);
    return value > 65535 ? -1 : value;
  }
}
