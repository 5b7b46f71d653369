/**
 * Typed iEchorfile instructions: {@link org.iechorfile.engine.instruction.InstructionParser} turns
 * the line parser's nodes into {@link org.iechorfile.engine.instruction.Instruction} records with
 * BuildKit's argument and flag rules and error texts, reports the lint warnings decidable without
 * building, {@link org.iechorfile.engine.instruction.InstructionExpander} expands the fields the
 * builder expands, and {@link org.iechorfile.engine.instruction.InstructionJson} writes them as
 * JSON. Everything here is pure: no I/O, no shared state.
 *
 * <h2>Deliberate differences from BuildKit</h2>
 *
 * <ul>
 *   <li>Checks BuildKit makes only at dispatch ({@code --chmod}, COPY URL and git sources, ADD
 *       {@code --checksum}, the values of {@code RUN --mount}) run at typing time on values that
 *       hold no variable, so a mistake is shown as soon as the line is typed; values with variables
 *       are checked after expansion. The messages are the same.
 *   <li>An ONBUILD trigger is typed when the ONBUILD is, so a broken trigger is reported at once
 *       rather than in a later build based on the image.
 *   <li>EXPOSE keeps the ports in written order; BuildKit sorts them (the image config is a set).
 *   <li>{@code RUN --device} without a name is an error ({@code device name is required}); BuildKit
 *       accepts it and fails when the device is requested.
 *   <li>Lint rules that BuildKit evaluates at dispatch ({@code SecretsUsedInArgOrEnv}, {@code
 *       ExposeProtoCasing}, {@code ExposeInvalidFormat}, {@code JSONArgsRecommended}, {@code
 *       MultipleInstructionsDisallowed}, {@code DuplicateStageName}) are evaluated on the written
 *       text. {@code JSONArgsRecommended} is silenced by a SHELL earlier in the same stage; a
 *       session whose base image sets a shell filters it itself.
 *   <li>{@code # check=error=true} turns the lint warnings into errors where they occur; BuildKit
 *       finishes the build and then fails it with a summary.
 *   <li>"Did you mean" suggestions use the optimal string alignment distance (a swap of two
 *       neighbouring letters is one edit), at most 2, or 1 for words under four letters.
 * </ul>
 */
package org.iechorfile.engine.instruction;
