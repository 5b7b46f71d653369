package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.SessionListener;

/**
 * Collects the events of one session call and delivers each to the listeners as it happens. Output
 * arrives from reader threads, so adding is synchronized and deliveries never overlap.
 */
final class EventLog {

  private final List<SessionListener> listeners;
  private final List<SessionEvent> events = new ArrayList<>();

  EventLog(CopyOnWriteArrayList<SessionListener> listeners) {
    this.listeners = listeners;
  }

  synchronized void emit(SessionEvent event) {
    events.add(event);
    for (SessionListener listener : listeners) {
      event.deliverTo(listener);
    }
  }

  synchronized List<SessionEvent> events() {
    return List.copyOf(events);
  }
}
