package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code RUN [--mount=…] [--network=…] [--security=…] [--device=…] command}.
 *
 * @param source the node it was typed from
 * @param command the command, exec or shell form (heredoc markers stay in the shell text)
 * @param mounts the {@code --mount} specifications, in order, values unexpanded
 * @param network the {@code --network} mode ({@code DEFAULT} when not given)
 * @param security the {@code --security} mode ({@code SANDBOX} when not given)
 * @param devices the {@code --device} requests, in order
 * @param heredocs the heredocs of the command, in marker order
 */
public record Run(
    Node source,
    CommandForm command,
    List<MountSpec> mounts,
    NetworkMode network,
    SecurityMode security,
    List<DeviceSpec> devices,
    List<Heredoc> heredocs)
    implements Instruction {

  public Run {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(command, "command");
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(security, "security");
    devices = List.copyOf(devices);
    heredocs = List.copyOf(heredocs);
  }

  @Override
  public Keyword keyword() {
    return Keyword.RUN;
  }
}
