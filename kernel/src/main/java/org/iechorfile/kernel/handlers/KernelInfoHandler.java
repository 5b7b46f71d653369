package org.iechorfile.kernel.handlers;

import java.util.List;
import org.iechorfile.kernel.protocol.Header;
import org.iechorfile.kernel.protocol.Replies;

/**
 * Answers {@code kernel_info_request}, on shell and on control. The language is named {@code
 * dockerfile} because that is the name JupyterLab, Notebook, nbconvert (pygments) and VS Code all
 * highlight; iEchorfiles are Dockerfiles under another name.
 */
public final class KernelInfoHandler implements Handler {

  /** The language info every client uses for highlighting and export. */
  public static final Replies.LanguageInfo LANGUAGE =
      new Replies.LanguageInfo(
          "dockerfile", "1.0", "text/x-dockerfile", ".dockerfile", "docker", "dockerfile", "");

  private final String version;

  /** A handler reporting {@code version} as the implementation version. */
  public KernelInfoHandler(String version) {
    this.version = version;
  }

  /** The reply content. */
  public Replies.KernelInfo info() {
    return new Replies.KernelInfo(
        "ok",
        Header.PROTOCOL_VERSION,
        "iechorfile",
        version,
        LANGUAGE,
        "iEchorfile "
            + version
            + ": type iEchorfile instructions and % commands; each cell applies its steps to a"
            + " live image.\n%help lists the commands; Shift-Tab shows an instruction's docs.",
        List.of(
            new Replies.HelpLink(
                "Dockerfile reference", "https://docs.docker.com/reference/dockerfile/"),
            new Replies.HelpLink(
                "Jupyter messaging", "https://jupyter-client.readthedocs.io/en/stable/")),
        false);
  }

  @Override
  public void handle(Exchange exchange) {
    exchange.reply(info());
  }
}
