package org.iechorfile.engine.instruction;

import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * One typed iEchorfile instruction. Values are raw, as written (quotes kept where the reference
 * keeps them), until {@link InstructionExpander} expands the fields the builder expands. Every
 * instruction keeps the {@link Node} it was typed from, for its span and original text.
 */
public sealed interface Instruction
    permits Add,
        Arg,
        Cmd,
        Copy,
        Entrypoint,
        Env,
        Expose,
        From,
        Healthcheck,
        Label,
        Maintainer,
        Onbuild,
        Run,
        Shell,
        StopSignal,
        User,
        Volume,
        Workdir {

  /** The line parser's node this instruction was typed from. */
  Node source();

  /** Which instruction this is. */
  Keyword keyword();
}
