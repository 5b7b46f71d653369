package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.images.ImageUnavailable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How FROM reports each reason an image library gives for an image it cannot provide. */
class FromUnavailableImageTest {

  @TempDir Path home;

  @ParameterizedTest
  @CsvSource({
    "NOT_FOUND, IMAGE_UNAVAILABLE",
    "INVALID_REFERENCE, IMAGE_UNAVAILABLE",
    "OTHER, IMAGE_UNAVAILABLE",
    "UNAUTHORIZED, UNAUTHORIZED",
    "UNREACHABLE, REGISTRY_UNREACHABLE"
  })
  void apply_fromUnavailableImage_failsWithKindForReasonAndTheMessage(
      ImageUnavailable.Reason reason, Failure.Kind kind) {
    String message = "image app:1 is " + reason + "; check the name and the registry";
    try (Session session =
        Session.builder()
            .home(home)
            .sandbox(new FakeSandbox())
            .images(
                (reference, platform, progress) -> {
                  throw new ImageUnavailable(reason, message, null);
                })
            .build()) {
      List<SessionEvent> events = session.apply("FROM app:1");
      StepFailed failed = (StepFailed) events.get(events.size() - 1);
      assertEquals(kind, failed.failure().kind());
      assertEquals(message, failed.failure().message());
      assertEquals(List.of(), session.steps());
    }
  }
}
