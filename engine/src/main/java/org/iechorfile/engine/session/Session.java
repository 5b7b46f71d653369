package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iechorfile.engine.ChangeCard;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.SessionListener;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.spi.Sandbox;

/**
 * A stateful iEchorfile session: applies one instruction at a time to a live working image and
 * reports everything that happens as events.
 *
 * <p>State-changing calls ({@link #apply}, {@link #undo}, {@link #redo}, {@link #goTo}, {@link
 * #reset}, {@link #replace}) return the events they caused and deliver them, in the same order, to
 * the listeners. Everything else is a query. A session is used from one thread at a time; {@link
 * #stop()} alone may be called from any thread, to cancel the running step.
 */
public final class Session implements AutoCloseable {

  private final Platform platform;
  private final StepApplier applier;
  private final SessionLayers layers;
  private final BuildCache cache;
  private final Timeline timeline;
  private final StepHistory history;
  private final CopyOnWriteArrayList<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final StepSettings settings;
  private final Map<String, String> hostProxies;
  private boolean closed;

  private Session(SessionSetup setup) throws IOException {
    this.platform = setup.platform();
    this.layers = SessionLayers.open(setup.home());
    this.settings = new StepSettings(setup.buildArgs(), setup.context(), setup.cache());
    this.hostProxies = new LinkedHashMap<>(setup.proxies());
    this.cache = new BuildCache(setup.home());
    this.timeline = new Timeline(ImageState.initial(setup.platform()));
    this.history = new StepHistory(timeline, layers);
    this.applier =
        new StepApplier(
            setup.clock(),
            timeline,
            history,
            StepExecutor.create(setup, settings, layers, cache),
            layers);
  }

  /** A builder for a session. */
  public static Builder builder() {
    return new Builder();
  }

  /** Adds a listener; it receives every later event. */
  public void addListener(SessionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener. */
  public void removeListener(SessionListener listener) {
    listeners.remove(listener);
  }

  /**
   * Applies the instructions in {@code source} in order, stopping at the first that is rejected or
   * fails; each one that succeeds becomes a new live step (and drops the redoable steps). Input
   * with no instruction (blank, only comments) changes nothing and returns no events.
   *
   * @param source one or more iEchorfile instructions, as typed
   * @return the events, in order: for each instruction {@code StepStarted}, output and progress,
   *     {@code LayerCommitted} and {@code ConfigChanged} when they apply, then {@code
   *     StepCompleted}; or {@code StepRejected} (before any start) or {@code StepFailed}
   */
  public List<SessionEvent> apply(String source) {
    requireOpen();
    EventLog log = new EventLog(listeners);
    applier.applySource(source, log);
    return log.events();
  }

  /** Steps back over the last {@code count} live steps (fewer when there are fewer). */
  public List<SessionEvent> undo(int count) {
    requireOpen();
    EventLog log = new EventLog(listeners);
    history.undo(count, log);
    return log.events();
  }

  /**
   * Re-applies up to {@code count} redoable steps, in order: an undone step from its kept result, a
   * pending step by applying its instruction again on the current step (through the build cache). A
   * pending step that fails or is rejected stops the redo; the session stays on its last good step
   * and that step and the ones after it stay redoable.
   *
   * @return for each step redone, its {@code StepRedone}, preceded for a pending step by the events
   *     of applying it; for a pending step that did not apply, its events ending in {@code
   *     StepFailed} or {@code StepRejected}
   */
  public List<SessionEvent> redo(int count) {
    requireOpen();
    EventLog log = new EventLog(listeners);
    history.redo(count, log, applier::apply);
    return log.events();
  }

  /**
   * Starts replacing steps {@code first} to {@code last} (as when a notebook cell that made them is
   * run again): the session goes to step {@code first - 1}, redoing undone steps or undoing live
   * ones as needed; steps {@code first} to {@code last} are forgotten, and the steps after {@code
   * last} become pending redoable steps. Until the returned replacement is closed, steps applied go
   * in their place and keep the pending steps after them; {@link #redo} then applies those steps'
   * instructions again on the new steps.
   *
   * @param first the first step replaced, at least 1
   * @param last the last step replaced; {@code first - 1} replaces none and inserts steps
   * @throws IllegalArgumentException when there are no such steps, or step {@code first - 1} is
   *     pending (it has no result to stand on)
   */
  public Replacement replace(int first, int last) {
    requireOpen();
    EventLog log = new EventLog(listeners);
    return history.replace(first, last, log);
  }

  /**
   * Makes step {@code number} the last live step, undoing or redoing as needed; 0 goes back to
   * before the first step.
   *
   * @throws IllegalArgumentException when there is no such step
   */
  public List<SessionEvent> goTo(int number) {
    requireOpen();
    if (number < 0 || number > timeline.size()) {
      throw new IllegalArgumentException(
          "no step " + number + "; steps go from 1 to " + timeline.size());
    }
    int live = timeline.liveCount();
    return number < live ? undo(live - number) : redo(number - live);
  }

  /** Undoes every step. */
  public List<SessionEvent> reset() {
    return undo(timeline.liveCount());
  }

  /** Cancels the running step, if any; callable from any thread. */
  public void stop() {
    applier.stop();
  }

  /**
   * Every step: the live ones first in order, then the undone ones, then the pending ones (whose
   * instructions {@link #redo} applies again).
   */
  public List<StepInfo> steps() {
    return StepInfos.of(timeline);
  }

  /** The current state of the working image. */
  public ImageState current() {
    return timeline.current();
  }

  /** The current image's runtime config. */
  public RuntimeConfig config() {
    return timeline.current().config();
  }

  /**
   * Sets a build argument ({@code --build-arg}); later ARG steps use it. The predefined proxy ARGs
   * ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code FTP_PROXY}, {@code NO_PROXY}, {@code
   * ALL_PROXY}, in any case) also reach later RUN steps without an ARG, outside the cache key.
   */
  public void setBuildArg(String name, String value) {
    settings.setBuildArg(name, value);
  }

  /** The build arguments set so far. */
  public Map<String, String> buildArgs() {
    return Map.copyOf(settings.buildArgs());
  }

  /**
   * The proxy variables a RUN started now gets besides the image's ENV and the ARGs in scope: those
   * passed with {@link Builder#proxiesFrom}, overridden by the predefined proxy build args in both
   * spellings. {@code %sh}, {@code %shell} and {@code %run} pass them on the same way.
   *
   * @return the variables by name, in a stable order; unmodifiable
   */
  public Map<String, String> proxyEnvironment() {
    return Collections.unmodifiableMap(ProxyArgs.environment(hostProxies, settings.buildArgs()));
  }

  /**
   * Sets the build context that later COPY, ADD and {@code RUN --mount=type=bind} steps read
   * ({@code %context DIR}); earlier steps keep what they copied.
   *
   * @param directory the context directory; it is checked when a step reads it
   */
  public void setContext(Path directory) {
    settings.setContext(directory);
  }

  /** The build context, if one is set. */
  public Optional<Path> context() {
    return settings.context();
  }

  /** Turns the build cache on or off for later steps. */
  public void setCacheEnabled(boolean enabled) {
    settings.setCacheEnabled(enabled);
  }

  /** Whether later steps use the build cache. */
  public boolean cacheEnabled() {
    return settings.cacheEnabled();
  }

  /** Forgets every build-cache record of the store (for every session using it). */
  public void clearCache() {
    try {
      cache.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the build cache", e);
    }
  }

  /** The upper directory of the last failed RUN, kept for inspection until the next step. */
  public Optional<Path> failedLayer() {
    return layers.failedLayer();
  }

  /**
   * The live steps as an iEchorfile: each step's text exactly as it was typed (continuations,
   * heredocs, the comment lines typed directly above it), every stage, in order. Parsing it gives
   * the live steps' instructions. Undone steps are left out.
   */
  public String transcript() {
    return Transcript.of(timeline.all().subList(0, timeline.liveCount()));
  }

  /**
   * The state after step {@code number} (live or redoable); 0 is the empty state before the first
   * step.
   */
  public Optional<ImageState> stateAt(int number) {
    if (number == 0) {
      return Optional.of(ImageState.initial(platform));
    }
    return timeline.step(number).map(StepRecord::state);
  }

  /** The change card of step {@code number} (live or redoable). */
  public Optional<ChangeCard> changeCard(int number) {
    return timeline.step(number).map(StepRecord::card);
  }

  /**
   * Cancels the running step and closes the session; calling it again does nothing. The layers its
   * steps made or reused that no build-cache record and no other open session (in any process) uses
   * are removed now, so a session without the cache leaves nothing behind.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    applier.stop();
    layers.close();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the session is closed");
    }
  }

  /** Builds a {@link Session}. */
  public static final class Builder {
    private Path home;
    private Sandbox sandbox;
    private BaseImages images;
    private Clock clock = Clock.systemUTC();
    private Platform platform = Platform.LINUX_AMD64;
    private Optional<Path> context = Optional.empty();
    private final Map<String, SecretSource> secrets = new HashMap<>();
    private final Map<String, String> buildArgs = new LinkedHashMap<>();
    private final Map<String, String> proxies = new LinkedHashMap<>();
    private boolean cache = true;

    private Builder() {}

    /** The store directory (required). */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /** Runs RUN steps (required). */
    public Builder sandbox(Sandbox sandbox) {
      this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
      return this;
    }

    /** Finds base images for FROM (required). */
    public Builder images(BaseImages images) {
      this.images = Objects.requireNonNull(images, "images");
      return this;
    }

    /** The clock for step times and durations. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The platform of images built (default linux/amd64). */
    public Builder platform(Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The build context directory. */
    public Builder context(Path context) {
      this.context = Optional.of(context.toAbsolutePath().normalize());
      return this;
    }

    /** A secret that RUN may mount with {@code --mount=type=secret,id=ID}. */
    public Builder secret(String id, SecretSource source) {
      secrets.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(source, "source"));
      return this;
    }

    /** A build argument ({@code --build-arg NAME=VALUE}). */
    public Builder buildArg(String name, String value) {
      buildArgs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Passes the proxy variables of {@code environment} (normally the engine process's: {@code
     * HTTP_PROXY}, {@code http_proxy}, … {@code no_proxy}) on to RUN, as buildah does; other
     * variables are ignored. Build args of the same names override them. Like the predefined proxy
     * ARGs, they are left out of the build-cache key and the image.
     */
    public Builder proxiesFrom(Map<String, String> environment) {
      proxies.putAll(ProxyArgs.fromEnvironment(environment));
      return this;
    }

    /** Whether steps use the build cache (default on). */
    public Builder cache(boolean enabled) {
      this.cache = enabled;
      return this;
    }

    /** The session. */
    public Session build() {
      Objects.requireNonNull(home, "home is required");
      Objects.requireNonNull(sandbox, "sandbox is required");
      Objects.requireNonNull(images, "images is required");
      try {
        return new Session(
            new SessionSetup(
                home,
                sandbox,
                images,
                clock,
                platform,
                context,
                Map.copyOf(secrets),
                new LinkedHashMap<>(buildArgs),
                new LinkedHashMap<>(proxies),
                cache));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot register a session in the store at " + home, e);
      }
    }
  }
}
