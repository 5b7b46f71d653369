package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.ConfigChanged;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.PullProgress;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.SessionListener;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepRejected;
import org.iechorfile.engine.StepStarted;
import org.iechorfile.engine.StepUndone;

/** Records every event a session delivers, for exact-sequence assertions. */
final class RecordingListener implements SessionListener {

  private final List<SessionEvent> events = new ArrayList<>();

  synchronized List<SessionEvent> events() {
    return List.copyOf(events);
  }

  /** The kinds of the recorded events, as simple class names, output chunks merged. */
  synchronized List<String> kinds() {
    return kinds(events);
  }

  static List<String> kinds(List<SessionEvent> events) {
    List<String> kinds = new ArrayList<>();
    for (SessionEvent event : events) {
      String kind = event.getClass().getSimpleName();
      if (kind.equals("OutputChunk")
          && !kinds.isEmpty()
          && kinds.get(kinds.size() - 1).equals(kind)) {
        continue;
      }
      kinds.add(kind);
    }
    return kinds;
  }

  private synchronized void add(SessionEvent event) {
    events.add(event);
  }

  @Override
  public void stepStarted(StepStarted event) {
    add(event);
  }

  @Override
  public void outputChunk(OutputChunk event) {
    add(event);
  }

  @Override
  public void pullProgress(PullProgress event) {
    add(event);
  }

  @Override
  public void layerCommitted(LayerCommitted event) {
    add(event);
  }

  @Override
  public void configChanged(ConfigChanged event) {
    add(event);
  }

  @Override
  public void stepRejected(StepRejected event) {
    add(event);
  }

  @Override
  public void stepFailed(StepFailed event) {
    add(event);
  }

  @Override
  public void stepCompleted(StepCompleted event) {
    add(event);
  }

  @Override
  public void stepUndone(StepUndone event) {
    add(event);
  }

  @Override
  public void stepRedone(StepRedone event) {
    add(event);
  }
}
